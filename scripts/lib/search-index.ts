/**
 * Indexes a built site with Pagefind's Node API. Every error Pagefind reports is returned, never ignored: a build
 * whose index failed must not replace the last good one.
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { close, createIndex } from "pagefind";

export interface SearchIndexResult {
  errors: string[];
  pages: number;
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const errors: string[] = [];
  try {
    const { index, errors: createErrors } = await createIndex({});
    errors.push(...createErrors);
    if (!index) return { errors: errors.length ? errors : ["Pagefind did not create an index"], pages: 0 };
    const added = await index.addDirectory({ path: siteDir });
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
  }
}
