import "../activities/activities-i18n.ts";
import { type MemberHandle, mentionHandleFor, mentionQueryAt } from "@kontor/contracts";
import { Combobox, Text, Textarea, type TextareaProps, useCombobox } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMembers } from "../records/records-api.ts";
import { meQuery } from "../session/session-api.ts";

const MAX_OPTIONS = 8;

interface Candidate extends MemberHandle {
  handle: string;
}

function matches(candidate: Candidate, query: string): boolean {
  const needle = query.toLowerCase();
  if (!needle) return true;
  const name = candidate.name.toLowerCase();
  return (
    candidate.handle.startsWith(needle) ||
    name.split(/\s+/).some((part) => part.startsWith(needle)) ||
    name.replace(/\s+/g, ".").startsWith(needle) ||
    candidate.email.toLowerCase().startsWith(needle)
  );
}

type MentionTextareaProps = Omit<TextareaProps, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter (with the member list closed). */
  onSubmitShortcut?: () => void;
  /** Escape with the member list closed. */
  onEscape?: () => void;
};

/**
 * A textarea that offers workspace members after `@`: arrow keys move, Enter or Tab picks, Escape
 * closes, a click picks too. It inserts the handle the server resolves to exactly that member.
 */
export function MentionTextarea({
  value,
  onChange,
  onSubmitShortcut,
  onEscape,
  ...props
}: MentionTextareaProps) {
  const { t } = useTranslation("activities");
  const members = useMembers() ?? [];
  const { data: me } = useQuery(meQuery);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  // The mention (where its `@` stands and what followed) the list was closed for with Escape or blur.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | undefined>();

  const mention = mentionQueryAt(value, caret);
  const candidates: Candidate[] = members.flatMap((member) => {
    if (member.userId === me?.user.id) return [];
    const handle = mentionHandleFor(member, members);
    return handle ? [{ userId: member.userId, name: member.name, email: member.email, handle }] : [];
  });
  const options = mention
    ? candidates.filter((candidate) => matches(candidate, mention.query)).slice(0, MAX_OPTIONS)
    : [];
  const mentionKey = mention ? `${mention.start}:${mention.query}` : null;
  const open = mention !== null && mentionKey !== dismissed && options.length > 0;
  const optionKey = options.map((option) => option.userId).join(",");

  // The store's functions change identity on every render; the effect runs when the options do.
  const store = useRef(combobox);
  store.current = combobox;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first option is selected again whenever the options change
  useEffect(() => {
    if (!open) {
      store.current.closeDropdown();
      setActiveId(undefined);
      return;
    }
    store.current.openDropdown();
    // The options render in this commit; select the first once they are in the DOM.
    const timer = window.setTimeout(() => setActiveId(store.current.selectFirstOption() ?? undefined), 0);
    return () => window.clearTimeout(timer);
  }, [open, optionKey]);

  function pick(userId: string) {
    const candidate = options.find((option) => option.userId === userId);
    if (!candidate || !mention) return;
    const before = value.slice(0, mention.start);
    const after = value.slice(caret).replace(/^[\p{L}\p{N}_.-]*/u, "");
    const inserted = `@${candidate.handle} `;
    const next = `${before}${inserted}${after.startsWith(" ") ? after.slice(1) : after}`;
    const position = before.length + inserted.length;
    onChange(next);
    setCaret(position);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(position, position);
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (open) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        setActiveId(combobox.selectNextOption() ?? undefined);
        return;
      }
      if (event.key === "ArrowUp") {
        event.preventDefault();
        setActiveId(combobox.selectPreviousOption() ?? undefined);
        return;
      }
      const modified = event.ctrlKey || event.metaKey || event.altKey || event.shiftKey;
      if ((event.key === "Enter" || event.key === "Tab") && !modified) {
        event.preventDefault();
        if (combobox.getSelectedOptionIndex() === -1) combobox.selectFirstOption();
        combobox.clickSelectedOption();
        return;
      }
      if (event.key === "Escape") {
        // Close the list only, not a dialog around the composer.
        event.preventDefault();
        event.stopPropagation();
        setDismissed(mentionKey);
        return;
      }
    }
    if (event.key === "Escape" && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
    }
  }

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal position="bottom-start">
      <Combobox.Target withKeyboardNavigation={false} withAriaAttributes={false}>
        <Textarea
          {...props}
          ref={ref}
          value={value}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? (combobox.listId ?? undefined) : undefined}
          aria-activedescendant={open ? activeId : undefined}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            setCaret(event.currentTarget.selectionStart ?? event.currentTarget.value.length);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            setDismissed(mentionKey);
            props.onBlur?.(event);
          }}
          onFocus={(event) => {
            setDismissed(null);
            props.onFocus?.(event);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown data-testid="mention-list">
        <Combobox.Options aria-label={t("comments.mentionList")}>
          {options.map((option) => (
            <Combobox.Option
              key={option.userId}
              value={option.userId}
              data-testid={`mention-option-${option.handle}`}
            >
              <Text size="sm" fw={500} component="span" display="block">
                {option.name}
              </Text>
              <Text size="xs" component="span" display="block" opacity={0.8}>
                @{option.handle}
              </Text>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
