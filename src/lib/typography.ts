/**
 * Typographic quotes, apostrophes, dashes and ellipses for text that does not go through the Markdown pipeline:
 * headlines, summaries, event summaries and names from frontmatter, and the sentences quoted from bodies on entity
 * pages. Bodies are typeset by Astro's Markdown pipeline with remark-smartypants, which runs retext-smartypants; this
 * module runs the same library with the same (default) options, so a headline and its body agree.
 */
import { retext } from "retext";
import smartypants from "retext-smartypants";

const full = retext().use(smartypants);
// Quotes and apostrophes only: each is one character for one, so offsets into the text stay valid.
const quotesOnly = retext().use(smartypants, { dashes: false, ellipses: false, backticks: false });

/** Only text with one of these can change; most names and many summaries have none, and skip the parser. */
const CANDIDATES = /["'`]|--|\.\.\./;
const QUOTES = /["']/;

// The parser is what typesetting costs (parse-latin alone took 0.5 s of the render process of a 200-article build,
// profiled with --cpu-prof): a sentence that names several entities is shown on each of their pages, and a title in
// every list. Each distinct text is typeset once per build; the texts are the corpus's own, so memory is bounded by it.
const typesetCache = new Map<string, string>();
const quotesCache = new Map<string, string>();

function once(cache: Map<string, string>, text: string, make: (text: string) => string): string {
  let out = cache.get(text);
  if (out === undefined) cache.set(text, (out = make(text)));
  return out;
}

/** `Pakistan's "critical obstacle" -- ...` → `Pakistan’s “critical obstacle” — …`. */
export function typeset(text: string): string {
  return CANDIDATES.test(text) ? once(typesetCache, text, (t) => full.processSync(t).toString()) : text;
}

/**
 * Curly quotes and apostrophes only, leaving every other character where it is: for a sentence whose marks (the
 * offsets of the names in it) must still point at the names.
 */
export function typesetQuotes(text: string): string {
  if (!QUOTES.test(text)) return text;
  return once(quotesCache, text, (t) => {
    const out = quotesOnly.processSync(t).toString();
    // retext-smartypants replaces each quote by one character; should that ever change, the marks stay right.
    return out.length === t.length ? out : t;
  });
}
