import { ZSegmentDefinition } from "@kontor/contracts";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { zodErrors } from "../../lib/form.ts";
import { fieldErrorMap } from "../../lib/problem.ts";
import type { RecordObject } from "../records/record-config.ts";
import { definitionComplete } from "./segment-definition.ts";
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
  enabled = true,
}: {
  object: RecordObject;
  definition: SegmentDefinition;
  enabled?: boolean;
}) {
  const [debounced] = useDebouncedValue(definition, DEBOUNCE_MS);
  const complete = definitionComplete(debounced);
  const parsed = ZSegmentDefinition.safeParse(debounced);
  const query = useQuery({
    queryKey: ["segments", "preview", object, JSON.stringify(debounced)],
    enabled: enabled && complete && parsed.success,
    queryFn: ({ signal }) => previewSegment({ object, definition: debounced }, signal),
    retry: false,
    staleTime: 5_000,
    placeholderData: (previous) => previous,
  });
  const clientErrors = complete && !parsed.success ? prefixErrors(zodErrors(parsed.error)) : {};
  const serverErrors = query.isError ? fieldErrorMap(query.error) : {};
  return {
    count: complete && !query.isError ? query.data : undefined,
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
