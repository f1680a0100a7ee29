import { mentionQueryAt } from "@kontor/contracts";
import { describe, expect, it } from "vitest";
import { findMentionedUsers, mentionHandleFor } from "./mentions.ts";

const members = [
  { userId: "u-anna", name: "Anna Müller", email: "anna.mueller@example.de" },
  { userId: "u-bernd", name: "Bernd", email: "b.schulz@example.de" },
];

describe("findMentionedUsers", () => {
  it("finds members by name without spaces, dotted name or email local part, each once", () => {
    expect(findMentionedUsers("@annamüller und @Anna.Müller, bitte", members)).toEqual(["u-anna"]);
    expect(findMentionedUsers("cc @anna.mueller @b.schulz.", members)).toEqual(["u-anna", "u-bernd"]);
    expect(findMentionedUsers("(@bernd)", members)).toEqual(["u-bernd"]);
  });

  it("ignores email addresses, unknown handles and lone @", () => {
    expect(findMentionedUsers("schreib an bernd@example.de oder anna.mueller@example.de", members)).toEqual(
      [],
    );
    expect(findMentionedUsers("@nobody @ @", members)).toEqual([]);
  });

  it("offers a handle for each member that finds exactly that member", () => {
    const team = [
      ...members,
      { userId: "u-o", name: "Jo O'Neil", email: "jo+crm@example.de" },
      { userId: "u-twin", name: "Anna Müller", email: "anna.m2@example.de" },
    ];
    expect(mentionHandleFor(members[0]!, team)).toBe("anna.müller");
    expect(mentionHandleFor(members[1]!, team)).toBe("bernd");
    // The apostrophe and the plus cannot be typed in a handle: "joo'neil" fails, "jo+crm" too.
    expect(mentionHandleFor(team[2]!, team)).toBeNull();
    // The namesake is reached through the local part of the email.
    expect(mentionHandleFor(team[3]!, team)).toBe("anna.m2");
    for (const member of [members[0]!, members[1]!, team[3]!]) {
      expect(findMentionedUsers(`Hallo @${mentionHandleFor(member, team)}!`, team)).toEqual([member.userId]);
    }
  });
});

describe("mentionQueryAt", () => {
  it("finds the handle being typed before the caret", () => {
    expect(mentionQueryAt("Hallo @an", 9)).toEqual({ query: "an", start: 6 });
    expect(mentionQueryAt("@", 1)).toEqual({ query: "", start: 0 });
    expect(mentionQueryAt("mail anna@example.de", 20)).toBeNull();
    expect(mentionQueryAt("@anna fertig", 12)).toBeNull();
  });
});
