import { ZSegmentDefinition } from "@kontor/contracts";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { zodErrors } from "../../lib/form.ts";
import { fieldErrorMap } from "../../lib/problem.ts";
import type { RecordObject } from "../records/record-config.ts";
import { definitionComplete, valueErrors } from "./segment-definition.ts";
import type { SegmentFieldOption } from "./segment-fields.ts";
import { previewSegment, type SegmentDefinition } from "./segments-api.ts";

const DEBOUNCE_MS = 400;

/**
 * The live count of a definition being edited: debounced `POST /segments/preview` once every
 * condition is filled in. Errors come keyed by API path (`definition.conditions.0.value`),
 * from the shared schema first and from the server otherwise.
 */
export function useSegmentPreview({
  object,
  definition,
  fields,
  enabled = true,
}: {
  object: RecordObject;
  definition: SegmentDefinition;
  fields: SegmentFieldOption[];
  enabled?: boolean;
}) {
  const { t } = useTranslation("segments");
  const [debounced] = useDebouncedValue(definition, DEBOUNCE_MS);
  const complete = definitionComplete(debounced);
  const parsed = ZSegmentDefinition.safeParse(debounced);
  const valueProblems = valueErrors({
    definition: debounced,
    kindOf: (field) => fields.find((option) => option.value === field)?.kind ?? "text",
    messages: { number: t("builder.notANumber"), date: t("builder.notADate") },
  });
  const valid = parsed.success && Object.keys(valueProblems).length === 0;
  const query = useQuery({
    queryKey: ["segments", "preview", object, JSON.stringify(debounced)],
    enabled: enabled && complete && valid,
    queryFn: ({ signal }) => previewSegment({ object, definition: debounced }, signal),
    retry: false,
    staleTime: 5_000,
    placeholderData: (previous) => previous,
  });
  const clientErrors = parsed.success ? valueProblems : prefixErrors(zodErrors(parsed.error));
  const serverErrors = query.isError && valid ? fieldErrorMap(query.error) : {};
  return {
    count: complete && valid && !query.isError ? query.data : undefined,
    complete,
    counting: definition !== debounced || query.isFetching,
    errors: { ...serverErrors, ...clientErrors },
  };
}

function prefixErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [path ? `definition.${path}` : "definition", message]),
  );
}
