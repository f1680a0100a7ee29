import "../activities/activities-i18n.ts";
import type { DateSelectArg, EventClickArg, EventDropArg, EventInput } from "@fullcalendar/core";
import deLocale from "@fullcalendar/core/locales/de";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type EventResizeDoneArg } from "@fullcalendar/interaction";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import {
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarShare } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format.ts";
import { currentLanguage } from "../../lib/i18n.ts";
import { notifyError } from "../../lib/query-client.ts";
import { rawFetch } from "../activities/raw-fetch.ts";
import { browserTimeZone } from "../tasks/tasks-api.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";
import {
  createAppointment,
  createFeed,
  deleteAppointment,
  fetchOccurrences,
  moveAppointment,
  revokeFeed,
} from "./calendar-api.ts";

/** Calendar: day, week and month views; drag to move, pull the edge to resize, select to create. */
export function CalendarPage() {
  const { t } = useTranslation("activities");
  const calendarRef = useRef<FullCalendar>(null);
  const [selection, setSelection] = useState<DateSelectArg | null>(null);
  const [title, setTitle] = useState("");
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [recurrence, setRecurrence] = useState<string | null>("");
  const [opened, setOpened] = useState<{
    id: string;
    title: string;
    start: Date | null;
    end: Date | null;
  } | null>(null);

  function openEvent(info: EventClickArg) {
    setOpened({
      id: info.event.extendedProps.appointmentId as string,
      title: info.event.title,
      start: info.event.start,
      end: info.event.end,
    });
  }

  async function exportIcs(id: string) {
    try {
      const response = await rawFetch(`/api/v1/appointments/${id}/ics`);
      const url = URL.createObjectURL(await response.blob());
      Object.assign(document.createElement("a"), { href: url, download: `${id}.ics` }).click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove(appointment: { id: string; title: string }) {
    try {
      await deleteAppointment(appointment.id);
      setOpened(null);
      refetch();
      notifyMovedToTrash({
        recordType: "appointment",
        id: appointment.id,
        name: appointment.title,
        onRestored: refetch,
      });
    } catch (error) {
      notifyError(error);
    }
  }

  const refetch = () => calendarRef.current?.getApi().refetchEvents();

  async function loadEvents(info: { start: Date; end: Date }): Promise<EventInput[]> {
    const occurrences = await fetchOccurrences(info.start, info.end);
    return occurrences.map((occurrence) => ({
      id: `${occurrence.appointmentId}:${occurrence.startsAt}`,
      title: occurrence.title,
      start: occurrence.startsAt,
      end: occurrence.endsAt,
      allDay: occurrence.allDay,
      editable: !occurrence.recurring,
      extendedProps: { appointmentId: occurrence.appointmentId, recurring: occurrence.recurring },
    }));
  }

  async function move(info: EventDropArg | EventResizeDoneArg) {
    const { event } = info;
    if (!event.start) return info.revert();
    const end = event.end ?? new Date(event.start.getTime() + 3600_000);
    try {
      await moveAppointment(event.extendedProps.appointmentId as string, event.start, end);
      notifications.show({ color: "green", message: t("calendar.moved") });
    } catch (error) {
      info.revert();
      notifyError(error);
    }
  }

  async function create(event: React.FormEvent) {
    event.preventDefault();
    if (!selection) return;
    try {
      await createAppointment({
        title: title.trim() || t("calendar.untitled"),
        startsAt: selection.start.toISOString(),
        endsAt: selection.end.toISOString(),
        allDay: selection.allDay,
        timeZone: browserTimeZone(),
        recurrence: recurrence || null,
      });
      setSelection(null);
      setTitle("");
      refetch();
    } catch (error) {
      notifyError(error);
    }
  }

  async function subscribe() {
    try {
      setFeedUrl((await createFeed()).url);
    } catch (error) {
      notifyError(error);
    }
  }

  async function revoke() {
    try {
      await revokeFeed();
      setFeedUrl(null);
      notifications.show({ color: "green", message: t("calendar.feedRevoked") });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("calendar.title")}
        </Title>
        <Button
          variant="light"
          leftSection={<IconCalendarShare size={16} aria-hidden />}
          onClick={subscribe}
          data-testid="calendar-feed"
        >
          {t("calendar.subscribe")}
        </Button>
      </Group>
      <Paper withBorder p="sm" data-testid="calendar">
        <FullCalendar
          ref={calendarRef}
          plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
          initialView="timeGridWeek"
          headerToolbar={{
            left: "prev,next today",
            center: "title",
            right: "timeGridDay,timeGridWeek,dayGridMonth",
          }}
          locales={[deLocale]}
          locale={currentLanguage()}
          firstDay={1}
          buttonIcons={false}
          buttonText={{ prev: `‹ ${t("calendar.previous")}`, next: `${t("calendar.next")} ›` }}
          eventColor="#1864ab"
          nowIndicator
          editable
          selectable
          selectMirror
          height="auto"
          scrollTime="07:00:00"
          events={(info, success, failure) => {
            loadEvents(info).then(success, failure);
          }}
          eventDrop={move}
          eventResize={move}
          select={setSelection}
          eventClick={openEvent}
        />
      </Paper>
      <Modal opened={selection !== null} onClose={() => setSelection(null)} title={t("calendar.new")}>
        <form onSubmit={create} data-testid="appointment-form">
          <Stack>
            <TextInput
              label={t("calendar.appointmentTitle")}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              data-testid="appointment-title"
              data-autofocus
            />
            <Select
              label={t("tasks.recurrence")}
              value={recurrence}
              onChange={setRecurrence}
              data={[
                { value: "", label: t("tasks.recurrences.none") },
                { value: "FREQ=DAILY", label: t("tasks.recurrences.daily") },
                { value: "FREQ=WEEKLY", label: t("tasks.recurrences.weekly") },
                { value: "FREQ=MONTHLY", label: t("tasks.recurrences.monthly") },
              ]}
            />
            <Group justify="flex-end">
              <Button type="submit" data-testid="appointment-submit">
                {t("save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={opened !== null} onClose={() => setOpened(null)} title={opened?.title}>
        {opened && (
          <Stack data-testid="appointment-details">
            <Text size="sm">
              {formatDateTime(opened.start?.toISOString())} – {formatDateTime(opened.end?.toISOString())}
            </Text>
            <Group justify="space-between">
              <Button
                color="red"
                variant="subtle"
                onClick={() => remove(opened)}
                data-testid="appointment-delete"
              >
                {t("calendar.delete")}
              </Button>
              <Button variant="light" onClick={() => exportIcs(opened.id)} data-testid="appointment-ics">
                {t("calendar.exportIcs")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={feedUrl !== null} onClose={() => setFeedUrl(null)} title={t("calendar.subscribe")}>
        <Stack>
          <Text size="sm">{t("calendar.feedHint")}</Text>
          <TextInput
            readOnly
            value={feedUrl ?? ""}
            aria-label={t("calendar.feedUrl")}
            data-testid="calendar-feed-url"
          />
          <Group justify="space-between">
            <Button color="red" variant="subtle" onClick={revoke}>
              {t("calendar.revoke")}
            </Button>
            <CopyButton value={feedUrl ?? ""}>
              {({ copied, copy }) => (
                <Button onClick={copy}>{copied ? t("calendar.copied") : t("calendar.copy")}</Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
