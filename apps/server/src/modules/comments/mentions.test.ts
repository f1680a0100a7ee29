import { describe, expect, it } from "vitest";
import { findMentionedUsers } from "./mentions.ts";

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
});
