/**
 * Search budgets, measured in headless Chromium against built sites on localhost: bytes transferred for the first
 * query and time from the last keystroke to results on screen, for the real site and a 1,000-article corpus.
 * Prints figures; passes or fails nothing. Usage: npm run bench:search [-- --articles 1000]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { launch } from "../tests/support/browser.ts";
import { serve } from "../tests/support/server.ts";
import { writeCorpus } from "./lib/corpus.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "1000" } } });

function build(contentDir: string, outDir: string): void {
  const result = spawnSync(process.execPath, ["scripts/build.ts"], {
    stdio: "ignore",
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir },
  });
  if (result.status !== 0) throw new Error(`build of ${contentDir} failed`);
}

const sites: { label: string; dir: string; queries: string[] }[] = [];
if (!existsSync("dist/pagefind")) build("content", "dist");
sites.push({ label: "the five articles", dir: "dist", queries: ["Torkham", "Tehreek-e-Taliban", "Mohammad Sadiq"] });
const n = Number(values.articles);
const corpus = writeCorpus(resolve(".tmp/bench-search/content"), n, 300);
console.log(`building the ${n}-article corpus…`);
build(".tmp/bench-search/content", ".tmp/bench-search/dist");
sites.push({
  label: `${n} synthetic articles`,
  dir: ".tmp/bench-search/dist",
  queries: [corpus[5]?.name ?? "officials", corpus[17]?.aliases[0] ?? "border", "security situation"],
});

const browser = await launch();
for (const site of sites) {
  const server = await serve(site.dir);
  for (const [query, mode] of site.queries.flatMap(
    (q) =>
      [
        [q, "typed"],
        [q, "pasted"],
      ] as const,
  )) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    let bytes = 0;
    let searchBytes = 0;
    page.on("requestfinished", async (request) => {
      const sizes = await request.sizes();
      const size = sizes.responseBodySize + sizes.responseHeadersSize;
      bytes += size;
      if (new URL(request.url()).pathname.includes("/pagefind/")) searchBytes += size;
    });
    await page.goto(`${server.root}search/`);
    await page.waitForLoadState("networkidle");
    const pageBytes = bytes;
    await page.locator("#search-q").click();
    await page.evaluate(() =>
      document.getElementById("search-q")?.addEventListener("input", () => {
        (window as unknown as { lastInput: number }).lastInput = performance.now();
      }),
    );
    // Typed at about 100 ms between keys (a fast typist on a phone), or pasted in one go.
    if (mode === "typed") await page.keyboard.type(query, { delay: 100 });
    else await page.locator("#search-q").fill(query);
    await page.waitForFunction((q) => document.getElementById("search-status")?.textContent?.includes(q), query);
    const [typedAt, renderedAt] = await page.evaluate(() => [
      (window as unknown as { lastInput: number }).lastInput,
      performance.getEntriesByName("search-results-rendered").at(-1)?.startTime ?? Number.NaN,
    ]);
    await page.waitForLoadState("networkidle");
    const status = await page.locator("#search-status").textContent();
    console.log(
      `${site.label.padEnd(23)} ${JSON.stringify(query).padEnd(21)} ${mode.padEnd(6)} ` +
        `page ${(pageBytes / 1024).toFixed(1).padStart(6)} kB, first query ${((bytes - pageBytes) / 1024).toFixed(1).padStart(6)} kB ` +
        `(search files in all ${(searchBytes / 1024).toFixed(1)} kB), last keystroke → results ${(renderedAt - typedAt).toFixed(0).padStart(4)} ms — ${status}`,
    );
    await context.close();
  }
  await server.close();
}
await browser.close();
