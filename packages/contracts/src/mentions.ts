/** `@handle` tokens of a comment: letters, digits, dot, underscore, hyphen (umlauts too). */
const MENTION = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_.-]{1,64})/gu;
const HANDLE = /^[\p{L}\p{N}_.-]{1,64}$/u;

/** What a mention needs to know about a workspace member. */
export interface MemberHandle {
  userId: string;
  name: string;
  email: string;
}

/** The handles that mention a member: name with dots, email local part, name without spaces. */
export function mentionHandlesOf(member: MemberHandle): string[] {
  const name = member.name.toLowerCase();
  return [
    name.replace(/\s+/g, "."),
    member.email.toLowerCase().split("@")[0] ?? "",
    name.replace(/\s+/g, ""),
  ];
}

function handleMap(members: MemberHandle[]): Map<string, string> {
  const byHandle = new Map<string, string>();
  for (const member of members) {
    for (const handle of mentionHandlesOf(member))
      if (handle && !byHandle.has(handle)) byHandle.set(handle, member.userId);
  }
  return byHandle;
}

/**
 * The members a text mentions, each once: `@anna.müller` (name with dots), `@annamüller` (name
 * without spaces) or `@anna.mueller` (local part of the email). Unknown handles are ignored.
 */
export function findMentionedUsers(text: string, members: MemberHandle[]): string[] {
  const byHandle = handleMap(members);
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const handle = (match[2] ?? "").toLowerCase().replace(/[.-]+$/, "");
    const userId = byHandle.get(handle);
    if (userId) found.add(userId);
  }
  return [...found];
}

/**
 * The handle to insert for a member so that `findMentionedUsers` finds exactly that member, or
 * null if none of the member's handles can be written as a mention.
 * @example mentionHandleFor({ userId, name: "Anna Müller", email: "a@x.de" }, members) // "anna.müller"
 */
export function mentionHandleFor(member: MemberHandle, members: MemberHandle[]): string | null {
  const byHandle = handleMap(members);
  for (const handle of mentionHandlesOf(member)) {
    if (!HANDLE.test(handle) || /[.-]$/.test(handle)) continue;
    if (byHandle.get(handle) === member.userId) return handle;
  }
  return null;
}

/**
 * The mention being typed just before the caret: the text after `@` (possibly empty) and where the
 * `@` stands, or null when the caret is not inside a mention.
 */
export function mentionQueryAt(text: string, caret: number): { query: string; start: number } | null {
  const match = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_.-]{0,64})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? "";
  return { query, start: caret - query.length - 1 };
}
