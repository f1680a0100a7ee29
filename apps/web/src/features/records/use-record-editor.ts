import { useState } from "react";
import type { z } from "zod";
import { type FieldErrors, useForm } from "../../lib/form.ts";
import { fieldErrorMap, isApiError } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import type { AnyRecord } from "./record-config.ts";
import { patchRecord, recordQuery } from "./records-api.ts";

interface EditorOptions<T extends AnyRecord, V extends Record<string, unknown>> {
  segment: "people" | "companies";
  record: T;
  toValues: (record: T) => V;
  toBody: (values: V) => unknown;
  schema: z.ZodType;
  mapErrors: (errors: FieldErrors) => FieldErrors;
}

/** Edit form state for a record page: validates with the contract, PATCHes with If-Match, reports conflicts. */
export function useRecordEditor<T extends AnyRecord, V extends Record<string, unknown>>(
  options: EditorOptions<T, V>,
) {
  const form = useForm(options.toValues(options.record));
  const [baseVersion, setBaseVersion] = useState(options.record.version);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const dirty = JSON.stringify(form.values) !== JSON.stringify(options.toValues(options.record));

  // A fresher record from the server (another tab, inline edit) resets an untouched form.
  if (options.record.version !== baseVersion && !dirty) {
    setBaseVersion(options.record.version);
  }

  async function save() {
    const body = form.validate(options.schema, options.toBody(form.values));
    if (!body) {
      form.setErrors((errors) => options.mapErrors(errors));
      return;
    }
    setSaving(true);
    try {
      const updated = await patchRecord(options.segment, { ...options.record, version: baseVersion }, body);
      setBaseVersion(updated.version);
      form.setValues(options.toValues(updated));
      await queryClient.invalidateQueries({ queryKey: ["audit-log", updated.id] });
    } catch (error) {
      if (isApiError(error) && error.status === 412) setConflict(true);
      else {
        const errors = fieldErrorMap(error);
        if (Object.keys(errors).length > 0) form.setErrors(options.mapErrors(errors));
        else notifyError(error);
      }
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    const record = await queryClient.fetchQuery({
      ...recordQuery<T>(options.segment, options.record.id),
      staleTime: 0,
    });
    setConflict(false);
    setBaseVersion(record.version);
    form.setValues(options.toValues(record));
  }

  function reset() {
    form.setValues(options.toValues(options.record));
    form.setErrors({});
  }

  return { form, save, saving, dirty, conflict, reload, reset };
}
