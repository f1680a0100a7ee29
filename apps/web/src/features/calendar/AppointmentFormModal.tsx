import "./calendar-i18n.ts";
import type { TAppointment } from "@kontor/contracts";
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconDownload, IconRepeat } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap, isApiError } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { LinkedRecords } from "../activities/LinkedRecords.tsx";
import { NoPermission, ReadOnlyNote } from "../session/NoPermission.tsx";
import { useCan } from "../session/permissions.ts";
import { AttendeePicker } from "./AttendeePicker.tsx";
import {
  type AppointmentFormValues,
  bodyOf,
  browserTimeZone,
  timeZoneOptions,
  toggleAllDay,
  validate,
} from "./appointment-form.ts";
import { createAppointment, downloadIcs, updateAppointment } from "./calendar-api.ts";

const RECURRENCES = ["FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY"] as const;

/**
 * One form for a new appointment and for editing one: every field, PATCH with If-Match (a 412
 * shows a conflict and writes nothing), delete and .ics download for an existing one.
 */
export function AppointmentFormModal(props: {
  initial: AppointmentFormValues;
  appointment?: TAppointment;
  onClose: () => void;
  onSaved: () => void;
  onDelete?: () => void;
}) {
  const { t } = useTranslation("calendar");
  const isPhone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  const { appointment } = props;
  const canWrite = useCan("appointments.write");
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof AppointmentFormValues>(key: K, value: AppointmentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const isException = Boolean(appointment?.seriesId);
  const zones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone]);

  const recurrenceOptions = [
    { value: "", label: t("recurrences.none") },
    { value: "FREQ=DAILY", label: t("recurrences.daily") },
    { value: "FREQ=WEEKLY", label: t("recurrences.weekly") },
    { value: "FREQ=MONTHLY", label: t("recurrences.monthly") },
  ];
  if (values.recurrence && !RECURRENCES.includes(values.recurrence as (typeof RECURRENCES)[number])) {
    recurrenceOptions.push({
      value: values.recurrence,
      label: t("recurrences.custom", { rule: values.recurrence }),
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!canWrite) return;
    const found = validate(values);
    setErrors(Object.fromEntries(Object.entries(found).map(([key, code]) => [key, t(`validation.${code}`)])));
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const body = bodyOf(values, isException);
      if (appointment) await updateAppointment(appointment.id, body, appointment.version);
      else await createAppointment(body);
      notifications.show({ color: "green", message: t(appointment ? "saved" : "created") });
      props.onSaved();
    } catch (error) {
      if (isApiError(error) && error.status === 412) setConflict(true);
      else {
        setErrors(fieldErrorMap(error));
        notifyError(error);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(!appointment ? "new" : canWrite ? "edit" : "view")}
      size="lg"
      fullScreen={isPhone}
    >
      {!appointment && !canWrite ? (
        <NoPermission />
      ) : (
        <form onSubmit={submit} noValidate data-testid="appointment-form">
          <Stack gap="sm">
            {!canWrite && <ReadOnlyNote />}
            {conflict && (
              <Alert
                color="orange"
                icon={<IconAlertTriangle size={18} aria-hidden />}
                title={t("conflictTitle")}
                data-testid="appointment-conflict"
              >
                {t("conflictText")}
              </Alert>
            )}
            {appointment?.recurrence && (
              <Text size="sm" c="dimmed">
                <IconRepeat size={14} aria-hidden /> {t("seriesHint")}
              </Text>
            )}
            {isException && (
              <Text size="sm" c="dimmed">
                {t("exceptionHint")}
              </Text>
            )}
            <Fieldset variant="unstyled" disabled={!canWrite} p={0}>
              <Stack gap="sm">
                <TextInput
                  label={t("fields.title")}
                  required
                  value={values.title}
                  onChange={(event) => set("title", event.currentTarget.value)}
                  error={errors.title}
                  data-testid="appointment-title"
                  data-autofocus
                />
                <Checkbox
                  label={t("fields.allDay")}
                  checked={values.allDay}
                  onChange={(event) => setValues(toggleAllDay(values, event.currentTarget.checked))}
                  data-testid="appointment-all-day"
                />
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <TextInput
                    type={values.allDay ? "date" : "datetime-local"}
                    label={t("fields.startsAt")}
                    required
                    value={values.start}
                    onChange={(event) => set("start", event.currentTarget.value)}
                    error={errors.startsAt}
                    data-testid="appointment-start"
                  />
                  <TextInput
                    type={values.allDay ? "date" : "datetime-local"}
                    label={t("fields.endsAt")}
                    required
                    value={values.end}
                    onChange={(event) => set("end", event.currentTarget.value)}
                    error={errors.endsAt}
                    data-testid="appointment-end"
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <Select
                    label={t("fields.timeZone")}
                    data={zones}
                    value={values.timeZone}
                    onChange={(zone) => zone && set("timeZone", zone)}
                    searchable
                    allowDeselect={false}
                    error={errors.timeZone}
                    description={
                      values.timeZone !== browserTimeZone()
                        ? t("timeZoneHint", { zone: browserTimeZone() })
                        : undefined
                    }
                    data-testid="appointment-time-zone"
                  />
                  {!isException && (
                    <Select
                      label={t("fields.recurrence")}
                      data={recurrenceOptions}
                      value={values.recurrence}
                      onChange={(rule) => set("recurrence", rule ?? "")}
                      allowDeselect={false}
                      error={errors.recurrence}
                      data-testid="appointment-recurrence"
                    />
                  )}
                </SimpleGrid>
                <TextInput
                  label={t("fields.location")}
                  value={values.location}
                  onChange={(event) => set("location", event.currentTarget.value)}
                  error={errors.location}
                  data-testid="appointment-location"
                />
                <Textarea
                  label={t("fields.description")}
                  autosize
                  minRows={2}
                  maxRows={8}
                  value={values.description}
                  onChange={(event) => set("description", event.currentTarget.value)}
                  error={errors.description}
                  data-testid="appointment-description"
                />
                <AttendeePicker
                  value={values.attendees}
                  onChange={(attendees) => set("attendees", attendees)}
                />
                <Stack gap={4} role="group" aria-label={t("fields.links")}>
                  <LinkedRecords links={values.links} onChange={(links) => set("links", links)} />
                </Stack>
              </Stack>
            </Fieldset>
            <Group justify="space-between" mt="sm" wrap="wrap-reverse" gap="xs">
              <Group gap="xs">
                {appointment && props.onDelete && (
                  <Button
                    color="red"
                    variant="subtle"
                    onClick={props.onDelete}
                    data-testid="appointment-delete"
                  >
                    {t("delete")}
                  </Button>
                )}
                {appointment && (
                  <Button
                    variant="subtle"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    onClick={() => downloadIcs(appointment.id).catch(notifyError)}
                    data-testid="appointment-ics"
                  >
                    {t("exportIcs")}
                  </Button>
                )}
              </Group>
              <Group gap="xs">
                <Button variant="default" onClick={props.onClose}>
                  {t(canWrite ? "common:cancel" : "common:close")}
                </Button>
                {canWrite && (
                  <Button type="submit" loading={saving} disabled={conflict} data-testid="appointment-submit">
                    {t("common:save")}
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
