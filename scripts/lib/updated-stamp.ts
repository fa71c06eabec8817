/**
 * Every page says how current the briefing is ("Updated <date of the newest article>", BaseLayout.astro). Were that
 * date part of every page's cache key (src/lib/page-keys.ts), each new article — which is usually the newest — would
 * make the incremental build re-render every page. Instead the key leaves it out, and after Astro has rendered (or
 * restored) the pages this step copies the line from the home page, which always shows the newest article and so
 * is re-rendered whenever the date changes, into every other page whose line differs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "./pages.ts";

/** The "Updated" line as BaseLayout renders it: a paragraph with no paragraph inside. */
const LINE = /<p class="site-updated">[\s\S]*?<\/p>/;

/**
 * Puts the home page's "Updated" line into every HTML page under `dir` whose own line differs; returns the pages
 * rewritten (paths relative to `dir`, `/` between folders, sorted). A site with no home page, or a home page with no
 * such line (no articles yet), is left alone.
 *
 * `rendered`: the pages Astro rendered in this build (not restored from its cache), which carry the current line
 * already and are not read. A clean build reads none: reading every page took 1.0–1.4 s at 10,000 articles, after
 * Astro and before the rest of the build could begin.
 */
export function stampUpdated(dir: string, rendered: ReadonlySet<string> = new Set()): string[] {
  let home: string;
  try {
    home = readFileSync(join(dir, "index.html"), "utf8");
  } catch {
    return [];
  }
  const line = LINE.exec(home)?.[0];
  if (!line) return [];
  const rewritten: string[] = [];
  for (const file of listFiles(dir)) {
    if (!file.endsWith(".html") || rendered.has(file)) continue;
    const path = join(dir, file);
    const html = readFileSync(path, "utf8");
    const own = LINE.exec(html);
    if (!own || own[0] === line) continue;
    writeFileSync(path, html.slice(0, own.index) + line + html.slice(own.index + own[0].length));
    rewritten.push(file);
  }
  return rewritten;
}
