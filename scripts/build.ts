/**
 * The production build, safe for editors: checks the content first and stops with plain messages (file, field,
 * fix) instead of a stack trace; builds into a scratch folder and only replaces the output folder when the whole
 * build has succeeded, so a mistake never destroys the last good build.
 *
 * One model, two halves: scripts/lib/render.ts checks the content, builds the site model once and renders the pages
 * from it with Astro, in a process of its own; this process then builds the search index and the service worker
 * once that one has given its memory back, and swaps the result in.
 *
 * The log is for people: a few lines per stage and a summary, not a line per page. Astro's own warnings and errors
 * are still shown as it reports them.
 *
 * Environment: SITE_URL, BASE_PATH, CONTENT_DIR, OUT_DIR (see README); BUILD_REPORT=<file> also writes the stage
 * timings and sizes as JSON (used by the benchmark).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { getPriority, setPriority } from "node:os";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DEFAULT_SITE_URL, deployment } from "../src/lib/deployment.ts";
import { astroEnv } from "./lib/astro-env.ts";
import { coveredMs, now, STAGES, writeBuildReport, type Span, type Stage } from "./lib/build-report.ts";
import { pruneCaches } from "./lib/caches.ts";
import type { StreamedPage } from "./lib/page-stream.ts";
import type { RenderReport } from "./lib/render.ts";

/** When each stage ran, in the order they run; some run side by side (see build-report.ts). */
const spans = Object.fromEntries(STAGES.map((s) => [s, [] as Span[]])) as Record<Stage, Span[]>;
/** A stage's wall time in milliseconds so far. */
const took = (stage: Stage) => spans[stage].reduce((n, [start, end]) => n + end - start, 0);
const started = performance.now();

async function timed<T>(stage: Stage, run: () => T | Promise<T>): Promise<T> {
  const start = now();
  try {
    return await run();
  } finally {
    spans[stage].push([start, now()]);
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

// Check and render in a process of its own (scripts/lib/render.ts), which gives all its memory back when it exits.
// Astro reads its settings from the environment (astro.config.mjs); a build started by a test runner must not pass
// on the runner's Vite variables (see astro-env.ts). Node runs it as it is, stripping the types, with no loader's
// hooks on the modules Astro loads (see render.ts); `npm run build` runs this script the same way.
//
// Meanwhile this process makes the copy for reading from a disk, zipped (scripts/lib/offline-copy.ts), in a worker
// thread, from each page as the render stage streams it (scripts/lib/post-render.ts): Astro renders pages on one
// core, and the copy uses the other. Once the pages are all written, the search index (Pagefind,
// in a process of its own) is made and the copy finished, side by side; then every page's link to the zip gets the
// zip's size and date — once Pagefind has read the pages — before the service worker takes the pages' revisions. If
// any of them fails, dist/ keeps the last good site.
discardScratch();
mkdirSync(dirname(scratch), { recursive: true });
// This process's own modules load while the render stage's process starts, not before it: they took 0.17–0.23 s
// (timed alone, in three fresh processes; the service worker's code, since added, about 0.04 s more), and nothing of
// them is needed until Astro has rendered its first page, seconds after it starts.
const modules = Promise.all([
  import("../src/lib/content-files.ts"),
  import("../src/lib/offline-copy.ts"),
  import("./lib/post-render.ts"),
  import("./lib/service-worker.ts"),
]);
modules.catch(() => undefined);
const priority = getPriority();
const lowerPriority = () => setPriority(19);
// Back to normal once Astro is done, where the system allows it (raising a priority may need privileges).
const restorePriority = () => {
  try {
    setPriority(priority);
  } catch {
    // Left low: nothing of the build's own runs beside what is left of it.
  }
};
const child = spawn(process.execPath, ["scripts/lib/render.ts", ...process.argv.slice(2)], {
  stdio: ["inherit", "inherit", "inherit", "ipc"],
  // The pages cross as V8 serializes them, not as JSON (which escapes every quote and line break of the HTML): the
  // render stage's serializing took 0.38 s of its thread at 1,000 articles as JSON, profiled with --cpu-prof.
  serialization: "advanced",
  env: {
    ...astroEnv(),
    NODE_ENV: "production",
    OUT_DIR: scratch,
    BUILD_TARGET: target,
    ASTRO_TELEMETRY_DISABLED: "1",
  },
});
// The copy's work gives way to Astro's: this thread, and the copy's thread it starts (which inherits it), run at the
// lowest priority while the pages render, so they take the core Astro leaves idle and not Astro's (at 1,000 articles,
// Astro's stage took 0.8 and 1.6 s longer beside them at normal priority, in two alternating pairs of builds).
lowerPriority();
/** Pages streamed before the copy could take them (this process's modules still loading). */
const early: StreamedPage[] = [];
/** Where each streamed page goes: here until the copy is made, then to the copy. */
let takePage = (page: StreamedPage): void => void early.push(page);
let pages = 0;
let rewritten: string[] = [];
const rendered = new Promise<number | null>((done) => {
  child.on("message", (message: StreamedPage | RenderReport) => {
    if (message.type === "page") return takePage(message);
    Object.assign(spans, message.spans);
    pages = message.pages;
    rewritten = message.rewritten;
  });
  child.on("exit", (code) => done(code));
});
const [
  { readSiteConfig },
  { offlineZipName, ZIP_FACTS_PLACEHOLDER, zipFacts },
  { PostRender },
  { buildServiceWorker, offlineReport },
] = await modules.catch((error: unknown) => {
  child.kill();
  return fail(`The build could not load its own code: ${(error as Error).message}`);
});
// A site.yaml with mistakes: the render stage's content check says what they are, and stops the build.
const siteConfig = readSiteConfig(contentDir).site;
const zipName = siteConfig ? offlineZipName(siteConfig) : "";
const post = siteConfig
  ? new PostRender(scratch, {
      base,
      zipPath: join(scratch, zipName),
      folder: zipName.replace(/\.zip$/, ""),
      marker: ZIP_FACTS_PLACEHOLDER,
    })
  : undefined;
for (const page of early.splice(0)) post?.take(page);
takePage = (page) => post?.take(page);
const code = await rendered;
restorePriority();
if (code !== 0 || !post || !siteConfig) {
  await post?.close();
  discardScratch();
  // The render stage has said what went wrong and that the output folder is unchanged.
  process.exit(1);
}
console.log(`Pages: ${pages} rendered in ${seconds(took("astro"))}`);

const { search: searched, copy: copied, streamed, remade } = await post.finish(rewritten, timed);
if (remade) console.log(`Offline copy made again from the disk (${remade})`);
const searchErrors = searched.status === "rejected" ? [(searched.reason as Error).message] : searched.value.errors;
if (searchErrors.length > 0) {
  discardScratch();
  fail(
    `The search index failed; ${basename(target)}/ still holds the last good build:\n  - ${searchErrors.join("\n  - ")}`,
  );
}
const indexedPages = searched.status === "fulfilled" ? searched.value.pages : 0;
console.log(`Search index: ${indexedPages} pages in ${seconds(took("pagefind"))}`);

let copy = { bytes: 0, indexBytes: 0 };
try {
  if (copied.status === "rejected") throw copied.reason;
  copy = await timed("offlineCopy", () => {
    const facts = zipFacts(copied.value.bytes, new Date(), siteConfig.lang);
    for (const file of copied.value.marked) {
      const path = join(scratch, file);
      writeFileSync(path, readFileSync(path, "utf8").replaceAll(ZIP_FACTS_PLACEHOLDER, facts));
    }
    return copied.value;
  });
} catch (error) {
  discardScratch();
  fail(`The offline copy failed (${(error as Error).message}); ${basename(target)}/ still holds the last good build.`);
}
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
console.log(
  `Offline copy: ${zipName}, ${mb(copy.bytes)} (search index ${mb(copy.indexBytes)}); ${remade ? 0 : streamed} pages copied while they rendered, the rest in ${seconds(took("offlineCopy"))}`,
);

let precache = { count: 0, size: 0 };
try {
  const { offlineBudgetMB } = siteConfig;
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
const stages = Object.fromEntries(STAGES.map((s) => [s, took(s)])) as Record<Stage, number>;
const share = STAGES.map((stage) => `${stage} ${seconds(stages[stage])}`).join(", ");
console.log(`Built into ${target} in ${seconds(total)} (${share})`);

writeBuildReport(process.env["BUILD_REPORT"], {
  stages,
  coveredMs: coveredMs(Object.values(spans).flat()),
  pages,
  precacheBytes: precache.size,
  precacheFiles: precache.count,
  offlineZipBytes: copy.bytes,
  offlineIndexBytes: copy.indexBytes,
});
// Astro and Pagefind may leave handles open (watchers, the indexer's pipe); the build is done.
process.exit(0);
