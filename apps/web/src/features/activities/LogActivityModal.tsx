import "./activities-i18n.ts";
import type { ActivityType, TRecordLink } from "@kontor/contracts";
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { createActivity, followUp, invalidateWork } from "./activities-api.ts";
import { LinkedRecords } from "./LinkedRecords.tsx";
import { RichTextInput } from "./RichTextInput.tsx";

const TYPES: ActivityType[] = ["call", "note", "meeting", "email", "letter"];

function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Log a call, note, meeting, email or letter on records; optionally create a follow-up task. */
export function LogActivityModal({
  opened,
  onClose,
  initialType,
  links,
}: {
  opened: boolean;
  onClose: () => void;
  initialType: ActivityType;
  links: TRecordLink[];
}) {
  const { t } = useTranslation("activities");
  const [type, setType] = useState<ActivityType>(initialType);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [occurredAt, setOccurredAt] = useState(localInputValue(new Date()));
  const [direction, setDirection] = useState<string | null>("outbound");
  const [duration, setDuration] = useState<number | string>("");
  const [outcome, setOutcome] = useState<string | null>("reached");
  const [followUpDays, setFollowUpDays] = useState<number | string>("");
  const [linked, setLinked] = useState<TRecordLink[]>(links);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      const activity = await createActivity({
        type,
        subject: subject.trim() || t(`types.${type}`),
        body,
        occurredAt: new Date(occurredAt).toISOString(),
        links: linked,
        ...(type === "call"
          ? {
              direction: direction as "inbound" | "outbound",
              outcome: outcome as never,
              ...(duration === "" ? {} : { durationMinutes: Number(duration) }),
            }
          : {}),
      });
      if (followUpDays !== "") {
        await followUp(activity.id, {
          days: Number(followUpDays),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        });
      }
      invalidateWork();
      notifications.show({ color: "green", message: t("logged") });
      setSubject("");
      setBody("");
      setFollowUpDays("");
      onClose();
    } catch (error) {
      setErrors(fieldErrorMap(error));
      notifyError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("logTitle")} size="lg">
      <form onSubmit={submit} data-testid="activity-form">
        <Stack>
          <SegmentedControl
            value={type}
            onChange={(value) => setType(value as ActivityType)}
            data={TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
            data-testid="activity-type"
          />
          <TextInput
            label={t("subject")}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={errors.subject}
            data-testid="activity-subject"
            data-autofocus
          />
          <RichTextInput label={t("body")} value={body} onChange={setBody} testId="activity-body" />
          <TextInput
            type="datetime-local"
            label={t("occurredAt")}
            value={occurredAt}
            onChange={(event) => setOccurredAt(event.currentTarget.value)}
            data-testid="activity-occurred-at"
          />
          {type === "call" && (
            <Group grow>
              <Select
                label={t("direction")}
                value={direction}
                onChange={setDirection}
                data={["outbound", "inbound"].map((value) => ({ value, label: t(`directions.${value}`) }))}
                data-testid="activity-direction"
              />
              <NumberInput
                label={t("duration")}
                min={0}
                value={duration}
                onChange={setDuration}
                data-testid="activity-duration"
              />
              <Select
                label={t("outcome")}
                value={outcome}
                onChange={setOutcome}
                data={["reached", "no_answer", "voicemail", "busy", "wrong_number"].map((value) => ({
                  value,
                  label: t(`outcomes.${value}`),
                }))}
                data-testid="activity-outcome"
              />
            </Group>
          )}
          <LinkedRecords links={linked} onChange={setLinked} />
          <NumberInput
            label={t("followUpDays")}
            description={t("followUpHint")}
            min={0}
            max={3650}
            value={followUpDays}
            onChange={setFollowUpDays}
            data-testid="activity-follow-up"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={saving} data-testid="activity-submit">
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
