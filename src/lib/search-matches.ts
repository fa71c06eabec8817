/**
 * Which of Pagefind's matches are matches. Pagefind finds a query word by every indexed word that begins with it;
 * when none does, it falls back to the longest indexed word that begins the query word instead
 * (`find_word_extensions` in pagefind_web/src/search.rs), so "Torkam" finds every page with "to" in it and marks
 * each "to". These functions let the search page see that fallback and treat such a word as not found. Pure: the
 * search page and the tests share them.
 */

/** The punctuation Pagefind drops from queries and words (pagefind.js, `PagefindInstance.search`). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

function plain(text: string): string {
  return text.replace(PUNCTUATION, "").toLocaleLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/** A query's words as Pagefind searches them: punctuation dropped, lower case, without diacritics. */
export function searchTerms(query: string): string[] {
  return plain(query).split(/\s+/).filter(Boolean);
}

/** A quoted query ("Jaffer Express") is an exact search in Pagefind: no prefixes, so no fallback either. */
export function isExactQuery(query: string): boolean {
  return /^\s*".+"\s*$/.test(query);
}

/**
 * The words of a Pagefind result's content at its match locations. Pagefind numbers the words of `raw_content`
 * split on white space, or on zero-width spaces for languages written without spaces (`build_excerpt`).
 */
export function wordsAt(rawContent: string, locations: readonly number[]): string[] {
  const words = rawContent.includes("\u200B") ? rawContent.split("\u200B") : rawContent.split(/[^\S\uFEFF]+/);
  return locations.flatMap((l) => words[l] ?? []);
}

/** A word as a query word would find it: whole ("tehreeketaliban"), and each part of a compound ("taliban"). */
function forms(word: string): string[] {
  const parts = word.split(PUNCTUATION).map(plain).filter(Boolean);
  return [plain(word), ...parts];
}

/**
 * The query terms that no word begins. Those matched a word the term only begins with: Pagefind's fallback, or a
 * stem ("refugees" → "refuge"); the search page asks Pagefind for the exact word to tell the two apart.
 */
export function termsNotBegun(terms: readonly string[], words: readonly string[]): string[] {
  const found = words.flatMap(forms);
  return terms.filter((t) => !found.some((w) => w.startsWith(t)));
}
