import { Loader, TextInput } from "@mantine/core";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

interface EditableCellProps {
  label: string;
  initial: string;
  type: string;
  testId: string;
  children: ReactNode;
  onSave: (value: string) => Promise<void>;
}

/** A cell that turns into an input on Enter, F2 or double-click; Enter or blur saves, Escape cancels. */
export function EditableCell({ label, initial, type, testId, children, onSave }: EditableCellProps) {
  const { t } = useTranslation("records");
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(initial);
  const [saving, setSaving] = useState(false);
  // Enter saves and then the input blurs; the ref keeps that from sending a second, stale PATCH.
  const inFlight = useRef(false);

  function start() {
    setValue(initial);
    setEditing(true);
  }

  async function save() {
    if (inFlight.current) return;
    if (value === initial) {
      setEditing(false);
      return;
    }
    inFlight.current = true;
    setSaving(true);
    try {
      await onSave(value);
      setEditing(false);
    } catch {
      // The caller has reported the problem; keep the editor open so nothing typed is lost.
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }

  if (editing) {
    return (
      <TextInput
        size="xs"
        autoFocus
        type={type === "number" ? "number" : type === "email" ? "email" : "text"}
        aria-label={t("list.editCell", { field: label })}
        data-testid={`${testId}-input`}
        value={value}
        disabled={saving}
        rightSection={saving ? <Loader size={12} /> : undefined}
        onChange={(event) => setValue(event.currentTarget.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            void save();
          }
          if (event.key === "Escape") {
            event.preventDefault();
            setEditing(false);
          }
        }}
        onClick={(event) => event.stopPropagation()}
      />
    );
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable cell inside a div-based virtual table
    <div
      role="button"
      tabIndex={0}
      data-testid={testId}
      style={{ cursor: "text", minHeight: 24, display: "flex", alignItems: "center", overflow: "hidden" }}
      onDoubleClick={start}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === "F2") {
          event.preventDefault();
          start();
        }
      }}
    >
      {children}
      <span className="sr-only">{t("list.editHint", { field: label })}</span>
    </div>
  );
}
