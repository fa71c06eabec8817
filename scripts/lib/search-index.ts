/**
 * Indexes a built site with Pagefind's Node API. Every error Pagefind reports is returned, never ignored: a build
 * whose index failed must not replace the last good one.
 *
 * Pagefind parses every HTML file it is given, and only then, when some page carries `data-pagefind-body`, leaves
 * out the pages that do not. The site's archive pages (an entity's articles and timeline by page, the article list)
 * carry none, so they are left out of what it reads, not only of the index: it is given a folder of links to the
 * pages that carry the attribute, each at its own path, so every page's address and the index are the same as from
 * the whole site. At 1,000 articles that is 1,370 of 1,985 pages, and Pagefind's stage takes 0.80 of the time it
 * took over the whole site (median of five alternating pairs of builds).
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { close, createIndex } from "pagefind";
import { listFiles } from "./pages.ts";

export interface SearchIndexResult {
  errors: string[];
  /** The pages Pagefind read: those it indexes, and any that only name data-pagefind-body in their text. */
  pages: number;
}

/** The attribute that marks what Pagefind indexes; a page without it is left out when any page has it. */
export const PAGEFIND_BODY = "data-pagefind-body";
const BODY = Buffer.from(PAGEFIND_BODY);

/**
 * The site's HTML files (paths relative to it) that Pagefind would index: those that contain `data-pagefind-body`,
 * or all of them when none does (Pagefind then indexes every page). A file that only mentions the words in its text
 * is kept too, and Pagefind leaves it out as before; a page with the attribute is never missed.
 *
 * `known`: pages already read elsewhere (the pages the build streamed as Astro rendered them, see post-render.ts)
 * and whether they contain it; only the others are read from the disk. Reading them all took about 0.8 s at 10,000
 * articles, when nothing else of the build could go on.
 */
export function pagesToIndex(siteDir: string, known: ReadonlyMap<string, boolean> = new Map()): string[] {
  const html = listFiles(siteDir).filter((file) => file.endsWith(".html"));
  const withBody = html.filter((file) => known.get(file) ?? readFileSync(join(siteDir, file)).includes(BODY));
  return withBody.length > 0 ? withBody : html;
}

/** A hard link where the file system has them (no bytes copied), a copy where it has not. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export async function buildSearchIndex(
  siteDir: string,
  known: ReadonlyMap<string, boolean> = new Map(),
): Promise<SearchIndexResult> {
  const errors: string[] = [];
  // Beside the site, not in it: the offline copy reads the site's files at the same time.
  const pagesDir = `${siteDir}-search-pages`;
  try {
    rmSync(pagesDir, { recursive: true, force: true });
    for (const file of pagesToIndex(siteDir, known)) {
      mkdirSync(dirname(join(pagesDir, file)), { recursive: true });
      linkOrCopy(join(siteDir, file), join(pagesDir, file));
    }
    const { index, errors: createErrors } = await createIndex({});
    errors.push(...createErrors);
    if (!index) return { errors: errors.length ? errors : ["Pagefind did not create an index"], pages: 0 };
    const added = await index.addDirectory({ path: pagesDir });
    errors.push(...added.errors);
    if (added.page_count === 0) errors.push(`Pagefind found no pages to index in ${siteDir}`);
    const outputPath = join(siteDir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    errors.push(...written.errors);
    // Pagefind also writes its ready-made UI kits; the search page has its own interface, so they are not shipped.
    for (const file of readdirSync(outputPath)) {
      if (/^pagefind-(component-|modular-)?ui\./.test(file)) rmSync(join(outputPath, file));
    }
    return { errors, pages: added.page_count };
  } finally {
    await close();
    rmSync(pagesDir, { recursive: true, force: true });
  }
}
