/**
 * Folds text for search so that German spellings meet: "Müller", "Mueller" and "Muller" all
 * become "muller"; "Straße" and "Strasse" become "strasse". Applied to stored text and to
 * queries alike, so the trigram index compares like with like.
 */
export function foldForSearch(value: string): string {
  return value
    .toLowerCase()
    .replaceAll("ß", "ss")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u")
    .replace(/[^\p{L}\p{N}@.+\-_ ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The folded search text of a record: its searchable values joined by spaces. */
export function searchTextOf(values: (string | null | undefined)[]): string {
  return foldForSearch(values.filter(Boolean).join(" "));
}

export function personSearchText(person: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  additionalEmails?: string[] | null;
}): string {
  return searchTextOf([person.firstName, person.lastName, person.email, ...(person.additionalEmails ?? [])]);
}

export function companySearchText(company: {
  name?: string | null;
  domain?: string | null;
  website?: string | null;
}): string {
  let host: string | null = null;
  if (company.website) {
    try {
      host = new URL(company.website).hostname.replace(/^www\./, "");
    } catch {
      host = null;
    }
  }
  return searchTextOf([company.name, company.domain, host && host !== company.domain ? host : null]);
}

/** Words of a folded query, longest first (at most 8), for AND-ed substring matching. */
export function queryWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(" ").filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 8);
}

/** Escapes LIKE wildcards in a user-supplied fragment. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
