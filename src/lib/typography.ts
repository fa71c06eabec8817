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

/** `Pakistan's "critical obstacle" -- ...` → `Pakistan’s “critical obstacle” — …`. */
export function typeset(text: string): string {
  return CANDIDATES.test(text) ? full.processSync(text).toString() : text;
}

/**
 * Curly quotes and apostrophes only, leaving every other character where it is: for a sentence whose marks (the
 * offsets of the names in it) must still point at the names.
 */
export function typesetQuotes(text: string): string {
  if (!QUOTES.test(text)) return text;
  const out = quotesOnly.processSync(text).toString();
  // retext-smartypants replaces each quote by one character; should that ever change, the marks stay right.
  return out.length === text.length ? out : text;
}
