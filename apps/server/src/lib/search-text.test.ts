import { describe, expect, it } from "vitest";
import { companySearchText, foldForSearch, personSearchText } from "./search-text.ts";

describe("foldForSearch", () => {
  it("matches German umlauts and ß both ways", () => {
    expect(foldForSearch("Müller")).toBe("muller");
    expect(foldForSearch("Mueller")).toBe("muller");
    expect(foldForSearch("MULLER")).toBe("muller");
    expect(foldForSearch("Straße")).toBe(foldForSearch("Strasse"));
    expect(foldForSearch("Göthe")).toBe(foldForSearch("Goethe"));
    expect(foldForSearch("Bäcker")).toBe(foldForSearch("Baecker"));
  });

  it("strips other accents and punctuation but keeps email characters", () => {
    expect(foldForSearch("  José  Ñúñez ")).toBe("jose nunez");
    expect(foldForSearch("j.mueller+crm@example.de")).toBe("j.muller+crm@example.de");
    expect(foldForSearch("O'Brien & Co.")).toBe("o brien co.");
  });
});

describe("record search text", () => {
  it("joins the searchable fields of a person and a company", () => {
    expect(
      personSearchText({
        firstName: "Jörg",
        lastName: "Müller",
        email: "J@X.de",
        additionalEmails: ["b@y.at"],
      }),
    ).toBe("jorg muller j@x.de b@y.at");
    expect(
      companySearchText({
        name: "Bäckerei Schön GmbH",
        domain: "schoen.de",
        website: "https://www.baeckerei-schoen.de/",
      }),
    ).toBe("backerei schon gmbh schon.de backerei-schon.de");
  });
});
