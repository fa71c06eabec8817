/**
 * Indexes a built site with Pagefind's Node API. Every error Pagefind reports is returned, never ignored: a build
 * whose index failed must not replace the last good one.
 */
import { close, createIndex } from "pagefind";
import { join } from "node:path";

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
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    errors.push(...written.errors);
    return { errors, pages: added.page_count };
  } finally {
    await close();
  }
}
