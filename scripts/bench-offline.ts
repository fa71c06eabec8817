/**
 * The offline copy's figures: the zip's size and its search index's size, and, in headless Chromium opening the
 * unzipped copy from the disk, the time from opening the search page with a query in its address to the results on
 * screen (the page loads, the index loads by `<script>`, the first query is answered). For the real site and a
 * synthetic corpus. Prints figures (median of several openings, each in a new browser context); passes or fails
 * nothing. Usage: npm run bench:offline [-- --articles 1000] [--runs 7] [--reuse]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { unzipSync } from "fflate";
import { launch } from "../tests/support/browser.ts";
import { writeCorpus } from "./lib/corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    runs: { type: "string", default: "7" },
    // Reuse the corpus build of an earlier run (the build is most of the time).
    reuse: { type: "boolean", default: false },
  },
});

function build(contentDir: string, outDir: string): void {
  const result = spawnSync(process.execPath, ["scripts/build.ts"], {
    stdio: "ignore",
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir },
  });
  if (result.status !== 0) throw new Error(`build of ${contentDir} failed`);
}

const zipIn = (dir: string) => readdirSync(dir).find((f) => f.endsWith("-offline.zip"));
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const sites: { label: string; dir: string; queries: string[] }[] = [];
if (!existsSync("dist") || !zipIn("dist")) build("content", "dist");
sites.push({ label: "the five articles", dir: "dist", queries: ["Tehreek-e-Taliban", "Torkham"] });
const n = Number(values.articles);
const corpusDir = resolve(`.tmp/bench-offline/content-${n}`);
const outDir = resolve(`.tmp/bench-offline/dist-${n}`);
const corpus = writeCorpus(corpusDir, n);
if (!values.reuse || !existsSync(outDir) || !zipIn(outDir)) {
  console.log(`building the ${n}-article corpus…`);
  build(corpusDir, outDir);
}
sites.push({
  label: `${n} synthetic articles`,
  dir: outDir,
  queries: [corpus[5]?.aliases[0] ?? corpus[5]?.name ?? "officials", "security situation"],
});

const browser = await launch();
for (const site of sites) {
  const zipName = zipIn(site.dir)!;
  const zipBytes = statSync(join(site.dir, zipName)).size;
  const unzipped = resolve(".tmp/bench-offline/unzipped", zipName);
  rmSync(unzipped, { recursive: true, force: true });
  let indexBytes = 0;
  let files = 0;
  for (const [name, data] of Object.entries(unzipSync(readFileSync(join(site.dir, zipName))))) {
    if (name.endsWith("/")) continue;
    files++;
    if (name.includes("/search/offline/")) indexBytes += data.length;
    mkdirSync(dirname(join(unzipped, name)), { recursive: true });
    writeFileSync(join(unzipped, name), data);
  }
  const folder = zipName.replace(/\.zip$/, "");
  console.log(`\n${site.label}: ${zipName} ${mb(zipBytes)}, ${files} files; search index ${mb(indexBytes)} unzipped`);
  for (const query of site.queries) {
    const times: number[] = [];
    let shown = "";
    for (let run = 0; run < Number(values.runs); run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const url = `${pathToFileURL(join(unzipped, folder, "search/index.html")).href}?q=${encodeURIComponent(query)}`;
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName("search-results-rendered").length > 0, null, {
        timeout: 30_000,
      });
      times.push(await page.evaluate(() => performance.getEntriesByName("search-results-rendered")[0]!.startTime));
      shown = (await page.locator("#search-status").textContent()) ?? "";
      await context.close();
    }
    console.log(
      `  “${query}”: open to results ${median(times).toFixed(0)} ms median of ${times.length} ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); ${shown}`,
    );
  }
}
await browser.close();
