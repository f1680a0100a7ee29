import "./calendar-i18n.ts";
import "./calendar.css";
import type {
  DateSelectArg,
  EventClickArg,
  EventDropArg,
  EventInput,
  EventSourceFuncArg,
} from "@fullcalendar/core";
import deLocale from "@fullcalendar/core/locales/de";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type EventResizeDoneArg } from "@fullcalendar/interaction";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import type { TAppointment } from "@kontor/contracts";
import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../lib/i18n.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { useCan } from "../session/permissions.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";
import { AppointmentFormModal } from "./AppointmentFormModal.tsx";
import { type AppointmentFormValues, emptyValues, valuesOf } from "./appointment-form.ts";
import { CalendarFeedButton } from "./CalendarFeedButton.tsx";
import { ChoiceModal } from "./ChoiceModal.tsx";
import {
  deleteAppointment,
  deleteOccurrence,
  fetchOccurrences,
  getAppointment,
  updateAppointment,
  updateOccurrence,
} from "./calendar-api.ts";

type Scope = "occurrence" | "series";
type Question =
  | { kind: "move"; answer: (scope: Scope | null) => void }
  | { kind: "delete-series"; answer: (scope: Scope | null) => void }
  | { kind: "delete"; answer: (confirmed: boolean) => void };

async function loadEvents(info: { start: Date; end: Date }): Promise<EventInput[]> {
  const occurrences = await fetchOccurrences(info.start, info.end);
  return occurrences.map((occurrence) => ({
    id: `${occurrence.appointmentId}:${occurrence.startsAt}`,
    title: occurrence.title,
    start: occurrence.startsAt,
    end: occurrence.endsAt,
    allDay: occurrence.allDay,
    extendedProps: {
      appointmentId: occurrence.appointmentId,
      recurring: occurrence.recurring,
      occurrenceStart: occurrence.startsAt,
    },
  }));
}

interface OpenForm {
  initial: AppointmentFormValues;
  appointment?: TAppointment;
  /** the occurrence clicked, for a series: its start in the series */
  occurrenceStart?: string;
}

/** Calendar: day, week and month views; select or "New" to create, click to edit, drag to move, pull to resize. */
export function CalendarPage() {
  const { t } = useTranslation("calendar");
  const calendarRef = useRef<FullCalendar>(null);
  const isPhone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  const [form, setForm] = useState<OpenForm | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const canWrite = useCan("appointments.write");
  const refetch = () => {
    calendarRef.current?.getApi().refetchEvents();
    invalidateWork();
  };
  const ask = <A,>(build: (answer: (value: A) => void) => Question) =>
    new Promise<A>((resolve) =>
      setQuestion(
        build((value) => {
          setQuestion(null);
          resolve(value);
        }),
      ),
    );

  function newAppointment(selection?: DateSelectArg) {
    const start = selection?.start ?? new Date(Math.ceil(Date.now() / 3600_000) * 3600_000);
    const end = selection?.end ?? new Date(start.getTime() + 3600_000);
    setForm({ initial: emptyValues(start, end, selection?.allDay ?? false) });
    calendarRef.current?.getApi().unselect();
  }

  async function openEvent(info: EventClickArg) {
    const { appointmentId, recurring, occurrenceStart } = info.event.extendedProps;
    try {
      const appointment = await getAppointment(appointmentId as string);
      setForm({
        initial: valuesOf(appointment),
        appointment,
        ...(recurring ? { occurrenceStart: occurrenceStart as string } : {}),
      });
    } catch (error) {
      notifyError(error);
    }
  }

  // a stable event source: a new function on every render would make FullCalendar refetch
  const events = useCallback(
    (info: EventSourceFuncArg, success: (events: EventInput[]) => void, failure: (error: Error) => void) => {
      loadEvents(info).then(success, failure);
    },
    [],
  );

  async function move(info: EventDropArg | EventResizeDoneArg) {
    const { event } = info;
    if (!event.start) return info.revert();
    const startsAt = event.start.toISOString();
    const endsAt = (event.end ?? new Date(event.start.getTime() + 3600_000)).toISOString();
    const { appointmentId, recurring, occurrenceStart } = event.extendedProps;
    try {
      if (recurring) {
        const scope = await ask<Scope | null>((answer) => ({ kind: "move", answer }));
        if (!scope) return info.revert();
        await updateOccurrence(appointmentId as string, occurrenceStart as string, {
          scope,
          startsAt,
          endsAt,
        });
        refetch();
      } else {
        await updateAppointment(appointmentId as string, { startsAt, endsAt });
        event.setExtendedProp("occurrenceStart", startsAt);
        invalidateWork();
      }
      notifications.show({ color: "green", message: t("moved") });
    } catch (error) {
      info.revert();
      notifyError(error);
    }
  }

  async function remove() {
    const appointment = form?.appointment;
    if (!appointment) return;
    try {
      let scope: Scope = "series";
      if (appointment.recurrence && form.occurrenceStart) {
        const answer = await ask<Scope | null>((reply) => ({ kind: "delete-series", answer: reply }));
        if (!answer) return;
        scope = answer;
      } else if (!(await ask<boolean>((answer) => ({ kind: "delete", answer })))) return;
      if (scope === "occurrence" && form.occurrenceStart)
        await deleteOccurrence(appointment.id, form.occurrenceStart);
      else await deleteAppointment(appointment.id);
      setForm(null);
      refetch();
      // one occurrence leaves its series (EXDATE); a whole appointment goes to the trash, with Undo
      if (scope === "occurrence") notifications.show({ color: "green", message: t("deleted") });
      else
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

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Group gap="xs">
          <CalendarFeedButton compact={isPhone} />
          {canWrite && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => newAppointment()}
              data-testid="appointment-new"
            >
              {t("new")}
            </Button>
          )}
        </Group>
      </Group>
      <Paper
        withBorder
        p={isPhone ? 4 : "sm"}
        className={isPhone ? "kontor-calendar-phone" : undefined}
        data-testid="calendar"
      >
        <FullCalendar
          ref={calendarRef}
          plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
          initialView={isPhone ? "timeGridDay" : "timeGridWeek"}
          headerToolbar={
            isPhone
              ? { left: "prev,next", center: "", right: "today" }
              : { left: "prev,next today", center: "title", right: "timeGridDay,timeGridWeek,dayGridMonth" }
          }
          footerToolbar={
            isPhone ? { left: "title", right: "timeGridDay,timeGridWeek,dayGridMonth" } : undefined
          }
          locales={[deLocale]}
          locale={currentLanguage()}
          firstDay={1}
          buttonIcons={false}
          buttonText={{ prev: `‹ ${t("previous")}`, next: `${t("next")} ›` }}
          eventColor="#1864ab"
          nowIndicator
          editable={canWrite}
          selectable={canWrite}
          selectMirror
          longPressDelay={400}
          allDayText={t("allDayShort")}
          contentHeight={isPhone ? 560 : 660}
          scrollTime="07:00:00"
          events={events}
          eventDrop={move}
          eventResize={move}
          select={newAppointment}
          eventClick={openEvent}
        />
      </Paper>
      {form && (
        <AppointmentFormModal
          key={form.appointment?.id ?? "new"}
          initial={form.initial}
          {...(form.appointment
            ? { appointment: form.appointment, ...(canWrite ? { onDelete: remove } : {}) }
            : {})}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            refetch();
          }}
        />
      )}
      {question && question.kind !== "delete" && (
        <ChoiceModal<Scope>
          title={t(question.kind === "move" ? "scope.moveTitle" : "scope.deleteTitle")}
          text={t("scope.text")}
          choices={[
            { value: "occurrence", label: t("scope.occurrence") },
            { value: "series", label: t("scope.series") },
          ]}
          cancelLabel={t("common:cancel")}
          onChoose={question.answer}
        />
      )}
      {question?.kind === "delete" && (
        <ChoiceModal<"delete">
          title={t("deleteTitle")}
          text={t("deleteText")}
          choices={[{ value: "delete", label: t("delete"), color: "red" }]}
          cancelLabel={t("common:cancel")}
          onChoose={(value) => question.answer(value === "delete")}
        />
      )}
    </Stack>
  );
}
