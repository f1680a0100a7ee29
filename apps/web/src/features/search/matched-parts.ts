const FOLD: Record<string, string> = { ä: "a", ö: "o", ü: "u" };

/** Lower case with umlauts folded one to one, so positions in the folded text match the original. */
function foldSameLength(text: string): string {
  return text.toLowerCase().replace(/[äöü]/g, (char) => FOLD[char] ?? char);
}

/**
 * The parts of `title` the query's words matched, umlaut-tolerant like the server
 * ("muller" and "mueller" mark "Müller"), for Mantine's Highlight.
 */
export function matchedParts(title: string, query: string): string[] {
  const folded = foldSameLength(title);
  return query
    .split(/\s+/)
    .filter((word) => word.length > 1)
    .flatMap((word) => {
      const plain = foldSameLength(word);
      const spelledOut = plain.replace(/ae|oe|ue/g, (pair) => pair[0] ?? pair);
      const at = folded.indexOf(plain);
      const length = at >= 0 ? plain.length : spelledOut.length;
      const start = at >= 0 ? at : folded.indexOf(spelledOut);
      return start >= 0 ? [title.slice(start, start + length)] : [];
    });
}
