/**
 * The document title: what search results, bookmarks and browser tabs show. Search engines show about 60 characters
 * of it (some 600 px), so it is the page's title with the site's name after it when both fit, the page's title alone
 * when only it fits, and the page's title cut at a word with an ellipsis when even it is longer. The page's <h1> and
 * og:title keep the whole headline.
 *
 * Length is measured as written in the HTML, where `&`, `<`, `>`, `"` and `'` take an entity's several characters:
 * that is how html-validate's `long-title` rule counts (.htmlvalidate.mjs), and it errs on the short side of what a
 * reader sees.
 */
export const TITLE_LENGTH = 60;

const ENTITY_LENGTH: Record<string, number> = { "&": 5, "<": 4, ">": 4, '"': 6, "'": 5 };

/** A text's length once escaped in HTML. */
export function htmlLength(text: string): number {
  let length = 0;
  for (const c of text) length += ENTITY_LENGTH[c] ?? c.length;
  return length;
}

export function documentTitle(title: string, siteTitle: string, max = TITLE_LENGTH): string {
  const both = `${title} — ${siteTitle}`;
  if (htmlLength(both) <= max) return both;
  if (htmlLength(title) <= max) return title;
  const words = title.split(" ");
  let cut = "";
  for (const word of words) {
    const next = cut ? `${cut} ${word}` : word;
    if (htmlLength(`${next}…`) > max) break;
    cut = next;
  }
  // A single word longer than the limit is cut where it must be.
  if (!cut) cut = [...title].filter((_, i, all) => htmlLength(all.slice(0, i + 1).join("")) < max).join("");
  return `${cut.replace(/[\s,;:–—-]+$/, "")}…`;
}
