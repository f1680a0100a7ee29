/** `@handle` tokens of a comment: letters, digits, dot, underscore, hyphen (umlauts too). */
const MENTION = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_.-]{1,64})/gu;

export interface MemberHandle {
  userId: string;
  name: string;
  email: string;
}

function handlesOf(member: MemberHandle): string[] {
  const name = member.name.toLowerCase();
  return [name.replace(/\s+/g, ""), name.replace(/\s+/g, "."), member.email.toLowerCase().split("@")[0]!];
}

/**
 * The members a text mentions, each once: `@annamüller`, `@anna.müller` (name without spaces or
 * with dots) or `@anna.mueller` (local part of the email). Unknown handles are ignored.
 */
export function findMentionedUsers(text: string, members: MemberHandle[]): string[] {
  const byHandle = new Map<string, string>();
  for (const member of members) {
    for (const handle of handlesOf(member))
      if (handle && !byHandle.has(handle)) byHandle.set(handle, member.userId);
  }
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const handle = match[2]!.toLowerCase().replace(/[.-]+$/, "");
    const userId = byHandle.get(handle);
    if (userId) found.add(userId);
  }
  return [...found];
}
