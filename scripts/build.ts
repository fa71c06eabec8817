/**
 * The production build, safe for editors: checks the content first and stops with plain messages (file, field,
 * fix) instead of a stack trace; builds into a scratch folder and only replaces the output folder when the whole
 * build has succeeded, so a mistake never destroys the last good build.
 *
 * One process, one model: the content check builds the site model, and Astro then renders the pages from that same
 * model in this process (src/lib/prebuilt.ts) instead of building it again.
 *
 * The log is for people: a few lines per stage and a summary, not a line per page. Astro's own warnings and errors
 * are still shown as it reports them.
 *
 * Environment: SITE_URL, BASE_PATH, CONTENT_DIR, OUT_DIR (see README); BUILD_REPORT=<file> also writes the stage
 * timings and sizes as JSON (used by the benchmark).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { loadContent, loadSiteConfig } from "../src/lib/content-files.ts";
import { DEFAULT_SITE_URL, deployment } from "../src/lib/deployment.ts";
import { buildModel, formatProblem } from "../src/lib/model.ts";
import { sharePrebuiltModel } from "../src/lib/prebuilt.ts";
import { astroEnv } from "./lib/astro-env.ts";
import { STAGES, writeBuildReport, type Stage } from "./lib/build-report.ts";
import { pruneCaches } from "./lib/caches.ts";
import { countPages } from "./lib/pages.ts";
import { buildSearchIndex } from "./lib/search-index.ts";
import { buildServiceWorker, offlineReport } from "./lib/service-worker.ts";

/** Each stage's wall time in milliseconds, in the order they run. */
const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
const started = performance.now();

async function timed<T>(stage: Stage, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    stages[stage] += performance.now() - start;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

let target: string;
let contentDir: string;
let base: string;
let cacheDir: string;
try {
  const d = deployment(process.env);
  target = resolve(d.outDir);
  contentDir = d.contentDir;
  base = d.base;
  cacheDir = d.cacheDir;
} catch (error) {
  fail((error as Error).message);
}
if (!process.env["SITE_URL"]?.trim()) {
  console.warn(
    `Warning: SITE_URL is not set, so canonical URLs, the feed and the sitemap point at ${DEFAULT_SITE_URL} (see README, Deploying).`,
  );
}
// A stable scratch folder per output folder: Astro's content store is kept between builds only while its config,
// the output folder included, is unchanged.
const scratch = resolve(".tmp", `build-${createHash("sha1").update(target).digest("hex").slice(0, 12)}`);
const discardScratch = () => rmSync(scratch, { recursive: true, force: true });

const { input, problems } = await timed("check", () => loadContent(contentDir, { includeDrafts: false }));
const model = await timed("model", () => buildModel(input));
const errors = [...problems, ...model.problems].filter((p) => p.severity === "error");
if (errors.length > 0) {
  fail(
    `The content has ${errors.length} problem(s); nothing was built and ${basename(target)}/ is unchanged:\n` +
      errors.map((p) => `  - ${formatProblem(p)}`).join("\n"),
  );
}
const warnings = [...problems, ...model.problems].length - errors.length;
console.log(
  `Content: ${input.articles.length} articles, ${input.actors.length} actors, ${input.crossings.length} crossings, ` +
    `${input.themes.length} themes${warnings ? ` (${warnings} warning(s): npm run check:content lists them)` : ""}`,
);
// The check is done: the parsed YAML documents kept to name lines in messages are not needed by the pages.
for (const entries of Object.values(input)) for (const entry of entries) delete entry.lineOf;
sharePrebuiltModel(contentDir, model);

// Astro reads its settings from the environment (astro.config.mjs); a build started by a test runner must not
// inherit the runner's Vite variables (see astro-env.ts).
const environment = astroEnv();
for (const key of Object.keys(process.env)) if (!(key in environment)) delete process.env[key];
Object.assign(process.env, { NODE_ENV: "production", OUT_DIR: scratch, ASTRO_TELEMETRY_DISABLED: "1" });

discardScratch();
mkdirSync(dirname(scratch), { recursive: true });
try {
  const { build } = await import("astro");
  // "warn": Astro's line per page is left out (`--verbose` shows it); its warnings and errors are not.
  const logLevel = process.argv.includes("--verbose") ? "info" : "warn";
  await timed("astro", () => build({ root: process.cwd(), logLevel }));
} catch (error) {
  discardScratch();
  // Astro's message names the file and what is wrong; its stack trace is of no use to an editor.
  const { message, hint } = error as { message?: string; hint?: string };
  fail(
    `The build failed: ${(message ?? String(error)).trim()}${hint ? `\nHint: ${hint.trim()}` : ""}\n` +
      `${basename(target)}/ still holds the last good build.`,
  );
}
const pages = countPages(scratch);
console.log(`Pages: ${pages} rendered in ${seconds(stages.astro)}`);

// The search index and the service worker are part of the build: if either fails, dist/ keeps the last good site.
const search = await timed("pagefind", () => buildSearchIndex(scratch));
if (search.errors.length > 0) {
  discardScratch();
  fail(
    `The search index failed; ${basename(target)}/ still holds the last good build:\n  - ${search.errors.join("\n  - ")}`,
  );
}
console.log(`Search index: ${search.pages} pages in ${seconds(stages.pagefind)}`);

let precache = { count: 0, size: 0 };
try {
  const { offlineBudgetMB } = loadSiteConfig(contentDir);
  const sw = await timed("serviceWorker", () => buildServiceWorker(scratch, base, offlineBudgetMB * 1_000_000));
  precache = { count: sw.precache.files, size: sw.precache.bytes };
  console.log(offlineReport(sw, offlineBudgetMB));
} catch (error) {
  discardScratch();
  fail(
    `The service worker failed (${(error as Error).message}); ${basename(target)}/ still holds the last good build.`,
  );
}

// Swap in the new build: the old one is moved aside first so the output folder is never half-written.
await timed("swap", () => {
  const old = join(dirname(scratch), `old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(scratch, target);
  rmSync(old, { recursive: true, force: true });
});

pruneCaches(cacheDir);

const total = performance.now() - started;
const share = (Object.entries(stages) as [Stage, number][]).map(([stage, ms]) => `${stage} ${seconds(ms)}`).join(", ");
console.log(`Built into ${target} in ${seconds(total)} (${share})`);

writeBuildReport(process.env["BUILD_REPORT"], {
  stages,
  pages,
  precacheBytes: precache.size,
  precacheFiles: precache.count,
});
// Astro and Pagefind may leave handles open (watchers, the indexer's pipe); the build is done.
process.exit(0);
