/**
 * The first half of the production build, run by scripts/build.ts in a process of its own: checks the content and
 * builds the site model once (in a worker thread, while Astro starts), and renders the pages with Astro from that
 * same model (src/lib/prebuilt.ts) into the scratch folder. When it exits, everything it held — the model, Astro's
 * module graph and content store — is given back before the search index is built, so the build's memory peaks at
 * the larger of the two halves, not their sum.
 *
 * Environment (set by build.ts): CONTENT_DIR, OUT_DIR (the scratch folder), BUILD_TARGET (the output folder, for
 * messages). Reports its stage times and page count to the parent over IPC. Exit 1 with a message for editors on
 * bad content or a failed render.
 *
 * It needs no loader: Node strips its types, and those of everything it imports (tsconfig's `erasableSyntaxOnly`
 * keeps them strippable). Run as `node scripts/lib/render.ts`, the modules Astro loads while rendering (its bundle of
 * compiled pages) do not go through tsx's resolve and load hooks either, which took about 3 s of the child's CPU time
 * at 1,000 articles (profiled with --cpu-prof; a fifth of it building source maps for those chunks).
 */
import { basename } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { Worker } from "node:worker_threads";
import { deployment } from "../../src/lib/deployment.ts";
import { sharePrebuiltSite, type PrebuiltSite } from "../../src/lib/prebuilt.ts";
import { now, type Span, type Stage } from "./build-report.ts";
import type { ContentInput, ContentResult } from "./content-worker.ts";
import { unflatten } from "./flat-graph.ts";
import pageStream, { type StreamedPage } from "./page-stream.ts";
import { countPages } from "./pages.ts";
import { stampUpdated } from "./updated-stamp.ts";

// tsx turns on Node's source maps for our TypeScript; left on, Node also reads and keeps the source map of every
// module Astro loads while rendering (its whole bundle of compiled articles): about 15 % more CPU time and 200 MB
// more memory at 1,000 articles, measured with the benchmark. A build's messages to editors carry no stack traces.
process.setSourceMapsEnabled(false);

const spans: Partial<Record<Stage, Span[]>> = {};

/** What this stage tells the build once the pages are written (after it has streamed them, see page-stream.ts). */
export interface RenderReport {
  type: "report";
  spans: Partial<Record<Stage, Span[]>>;
  pages: number;
  /** Pages rewritten after Astro wrote them (see updated-stamp.ts). */
  rewritten: string[];
}

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const { contentDir, outDir } = deployment(process.env);
const target = basename(process.env["BUILD_TARGET"] ?? "dist");

// The content check ("check") and the site model ("model") run in a worker thread (./content-worker.ts) while Astro
// starts here: its content sync and bundling need no model, only the pages do, and they wait for it (site.ts).
// Content with errors stops the build as soon as the check has found them, with the editor's messages, whatever
// Astro is doing; if Astro fails first, the check's messages still come first (see below).
const contentInput: ContentInput = { contentDir };
const contentErrors = (errors: string[]) =>
  `The content has ${errors.length} problem(s); nothing was built and ${target}/ is unchanged:\n` +
  errors.map((e) => `  - ${e}`).join("\n");
// Settles only when the check has passed: with errors, it stops the build with the editor's messages. The worker's
// answer is held by no name of its own: once the model is rebuilt from it, its flattened form can be collected (6 MB
// at 1,000 articles, 55 MB at 10,000, measured after a forced collection).
const checked = new Promise<ContentResult>((done) => {
  const worker = new Worker(new URL("./content-worker.ts", import.meta.url), { workerData: contentInput });
  worker.once("message", (result: ContentResult) => {
    done(result);
    void worker.terminate();
  });
  worker.once("error", (error) => done({ ok: false, errors: [`The content check failed: ${error.message}`] }));
}).then((result) => {
  if (!result.ok) fail(contentErrors(result.errors));
  Object.assign(spans, result.spans);
  console.log(result.summary);
  return unflatten<PrebuiltSite>(result.site);
});
sharePrebuiltSite(contentDir, checked);

let rewritten: string[] = [];
try {
  const { build } = await import("astro");
  // "warn": Astro's line per page is left out (`--verbose` shows it); its warnings and errors are not.
  const logLevel = process.argv.includes("--verbose") ? "info" : "warn";
  // `--fresh` renders every page, ignoring the incremental cache (src/lib/page-keys.ts).
  const force = process.argv.includes("--fresh");
  // Each page Astro renders goes to the parent as well (see page-stream.ts), which copies it meanwhile; the pages
  // rendered are noted (the others were restored from Astro's cache); and the generation of the pages is timed apart
  // from the rest of Astro's build.
  const renderedPages = new Set<string>();
  const integrations = [
    pageStream({
      send: process.send ? (message: StreamedPage) => process.send!(message) : undefined,
      rendered: (file) => renderedPages.add(file),
      generated: (span) => (spans.astroPages = [span]),
    }),
  ];
  const start = now();
  await build({ root: process.cwd(), logLevel, force, integrations });
  // Pages restored from the incremental cache may carry an older "Updated" date (see updated-stamp.ts).
  rewritten = stampUpdated(outDir, renderedPages);
  spans.astro = [[start, now()]];
  // Every page waits for the model, so the check is done; a site with no page that needs one still waits here.
  await checked;
} catch (error) {
  // A content mistake can also make Astro fail (a frontmatter it cannot read): the check's message says it better.
  await checked;
  // Astro's message names the file and what is wrong; its stack trace is of no use to an editor.
  // Rolldown colours its message when FORCE_COLOR is set (as on CI); the editor reads words, not escape codes.
  const { message, hint } = error as { message?: string; hint?: string };
  const plain = (text: string) => stripVTControlCharacters(text).trim();
  fail(
    `The build failed: ${plain(message ?? String(error))}${hint ? `\nHint: ${plain(hint)}` : ""}\n` +
      `${target}/ still holds the last good build.`,
  );
}

const report: RenderReport = { type: "report", spans, pages: countPages(outDir), rewritten };
// Sent in order: once the report is on its way, so is every page before it.
await new Promise<void>((sent) => (process.send ? process.send(report, undefined, {}, () => sent()) : sent()));
// Astro may leave handles open (watchers); this half of the build is done.
process.disconnect?.();
process.exit(0);
