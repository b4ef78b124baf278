// Search that ignores diacritics and case, as citizens type: "quang ninh" finds "Quảng Ninh". The same
// fold is applied to what is indexed and to what is searched, and user input reaches Postgres full-text
// search only as a query string built here from plain tokens, never as operators the user wrote.

// "đ" is a letter of its own rather than "d" with a mark, so NFD leaves it whole.
const D_WITH_STROKE = /[đĐ]/g;

// Lower-case, unaccented, single-spaced text for indexing and comparison. Lower-casing comes first so
// that a capital whose lower case carries a mark ("İ" is "i" + U+0307) loses that mark too.
export function foldVietnamese(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(D_WITH_STROKE, "d")
    .replace(/\s+/g, " ")
    .trim();
}

// Enough words for any real query; a pasted paragraph should not become a 500-term tsquery.
export const MAX_QUERY_TERMS = 12;
// No word in the languages we serve is this long; longer runs are noise (hashes, pasted URLs).
export const MAX_TERM_LENGTH = 40;

// Search words of user input, folded: runs of [a-z0-9], everything else is a separator.
export function searchTerms(query: string): string[] {
  return foldVietnamese(query)
    .split(/[^a-z0-9]+/)
    .filter((term) => term !== "" && term.length <= MAX_TERM_LENGTH)
    .slice(0, MAX_QUERY_TERMS);
}

// A to_tsquery('simple', ...) string that matches documents containing every term; with `prefix`, the
// last one as a prefix, so a word still being typed matches ("quang ni" finds "Quảng Ninh"). Null when
// the input has nothing to search for, so the caller can skip the query rather than match everything.
export function toTsQuery(query: string, options: { weight?: "A" | "B" | "C" | "D"; prefix?: boolean } = {}): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  // "term:A" matches the term only where it was indexed with weight A (the title); "term:*A" as a prefix.
  const w = options.weight ?? "";
  const prefix = options.prefix ?? true;
  return terms.map((t, i) => (prefix && i === terms.length - 1 ? `${t}:*${w}` : w ? `${t}:${w}` : t)).join(" & ");
}
