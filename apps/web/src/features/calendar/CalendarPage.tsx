import "../activities/activities-i18n.ts";
import type { DateSelectArg, EventDropArg, EventInput } from "@fullcalendar/core";
import deLocale from "@fullcalendar/core/locales/de";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type EventResizeDoneArg } from "@fullcalendar/interaction";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { Button, CopyButton, Group, Modal, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarShare } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../lib/i18n.ts";
import { notifyError } from "../../lib/query-client.ts";
import { browserTimeZone } from "../tasks/tasks-api.ts";
import {
  createAppointment,
  createFeed,
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
            <Group justify="flex-end">
              <Button type="submit" data-testid="appointment-submit">
                {t("save")}
              </Button>
            </Group>
          </Stack>
        </form>
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
