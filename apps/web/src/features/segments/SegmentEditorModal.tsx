import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorMap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import type { RecordObject } from "../records/record-config.ts";
import { useCustomFields } from "../records/records-api.ts";
import { SegmentBuilder } from "./SegmentBuilder.tsx";
import { newCondition } from "./segment-definition.ts";
import { segmentFieldOptions } from "./segment-fields.ts";
import { createSegment, type Segment, type SegmentDefinition, updateSegment } from "./segments-api.ts";
import { useSegmentPreview } from "./use-segment-preview.ts";

interface SegmentEditorModalProps {
  /** The segment to change; without it the modal creates one. */
  segment?: Segment;
  initialObject?: RecordObject;
  onClose: () => void;
}

/** Creates a segment or changes a dynamic one, with the live count of what the conditions match. */
export function SegmentEditorModal({ segment, initialObject = "person", onClose }: SegmentEditorModalProps) {
  const { t } = useTranslation("segments");
  const navigate = useNavigate();
  const phone = useMediaQuery("(max-width: 48em)") ?? false;
  const [object, setObject] = useState<RecordObject>(segment?.object ?? initialObject);
  const [kind, setKind] = useState<"dynamic" | "static">(segment?.kind ?? "dynamic");
  const [name, setName] = useState(segment?.name ?? "");
  const [description, setDescription] = useState(segment?.description ?? "");
  const customFields = useCustomFields(object);
  const fields = useMemo(() => segmentFieldOptions({ object, customFields, t }), [object, customFields, t]);
  const [definition, setDefinition] = useState<SegmentDefinition>(
    segment?.definition ?? {
      match: "all",
      conditions: [newCondition(object === "person" ? "city" : "industry")],
    },
  );
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const dynamic = kind === "dynamic";
  const preview = useSegmentPreview({ object, definition, fields, enabled: dynamic });
  const errors = { ...preview.errors, ...saveErrors };

  function changeObject(next: RecordObject) {
    setObject(next);
    setDefinition({ match: "all", conditions: [newCondition(next === "person" ? "city" : "industry")] });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setSaveErrors({ name: t("common:validation.required") });
      return;
    }
    setBusy(true);
    try {
      const body = { name: name.trim(), description: description.trim() || null };
      if (segment) {
        await updateSegment(segment.id, dynamic ? { ...body, definition } : body);
        notifications.show({ color: "green", message: t("saved", { name: body.name }) });
        onClose();
        return;
      }
      const created = await createSegment({ ...body, object, kind, definition: dynamic ? definition : null });
      notifications.show({ color: "green", message: t("created", { name: created.name }) });
      onClose();
      await navigate({ to: "/segments/$id", params: { id: created.id } });
    } catch (error) {
      const fieldErrors = fieldErrorMap(error);
      if (Object.keys(fieldErrors).length > 0) setSaveErrors(fieldErrors);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  const title = segment ? t("editTitle", { name: segment.name }) : t("new");
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ "aria-label": t("common:close") }}
    >
      <form onSubmit={submit} noValidate data-testid="segment-form" aria-label={title}>
        <Stack>
          <TextInput
            label={t("fields.name")}
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setSaveErrors(({ name: _removed, ...rest }) => rest);
            }}
            error={errors.name}
            data-autofocus
            data-testid="segment-name"
          />
          <Textarea
            label={t("fields.description")}
            autosize
            minRows={1}
            maxLength={500}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            data-testid="segment-description"
          />
          {!segment && (
            <Group gap="xl" wrap="wrap" align="flex-start">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="segment-object-label">
                  {t("fields.object")}
                </Text>
                <SegmentedControl
                  value={object}
                  onChange={(value) => changeObject(value as RecordObject)}
                  data={[
                    { value: "person", label: t("objects.person") },
                    { value: "company", label: t("objects.company") },
                  ]}
                  aria-labelledby="segment-object-label"
                  data-testid="segment-object"
                />
              </Stack>
              <Radio.Group
                label={t("fields.kind")}
                value={kind}
                onChange={(value) => setKind(value as "dynamic" | "static")}
                data-testid="segment-kind"
              >
                <Stack gap={6} mt={6}>
                  <Radio value="dynamic" label={t("kinds.dynamicLong")} data-testid="segment-kind-dynamic" />
                  <Radio value="static" label={t("kinds.staticLong")} data-testid="segment-kind-static" />
                </Stack>
              </Radio.Group>
            </Group>
          )}
          {dynamic ? (
            <>
              <SegmentBuilder value={definition} onChange={setDefinition} fields={fields} errors={errors} />
              <LiveCount object={object} {...preview} />
            </>
          ) : (
            <Alert variant="light" data-testid="segment-static-hint">
              {t("staticHint")}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="segment-save">
              {segment ? t("common:save") : t("common:create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LiveCount(props: {
  object: RecordObject;
  count: number | undefined;
  complete: boolean;
  counting: boolean;
}) {
  const { t } = useTranslation("segments");
  const text = !props.complete
    ? t("live.incomplete")
    : props.count === undefined
      ? props.counting
        ? t("live.counting")
        : t("live.invalid")
      : t(`live.${props.object}`, { count: props.count });
  return (
    <Alert variant="light" color={props.count === undefined ? "gray" : "blue"} p="sm">
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={600} aria-live="polite" data-testid="segment-live-count" data-count={props.count}>
          {text}
        </Text>
        {props.counting && props.complete && <Loader size="xs" aria-hidden />}
      </Group>
    </Alert>
  );
}
