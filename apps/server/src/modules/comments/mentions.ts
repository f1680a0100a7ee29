// The mention rules are shared with the web app's autocomplete, so both agree on every handle.
export { findMentionedUsers, type MemberHandle, mentionHandleFor } from "@kontor/contracts";
