/**
 * Builds the offline side of a site: lists every file with its size and revision, chooses what a first visit keeps
 * within the offline budget (./precache.ts), writes the edition and the file list the save control reads, and
 * bundles the service worker (src/scripts/service-worker.ts) with its precache manifest in Workbox's injection point.
 *
 * Each build gets a new precache manifest (revisions are content hashes), so a new build replaces the old precache
 * as one unit: never old pages with a new index.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build as bundle } from "esbuild";
import { OFFLINE_PATHS, totals, type Edition, type FileList, type OfflineFile } from "../../src/lib/offline.ts";
import { format, planPrecache, type CoreFiles } from "./precache.ts";

/** What is worth keeping offline: pages, styles, scripts, data, images and Pagefind's index. */
const KEPT =
  /\.(html|css|js|mjs|json|xml|svg|png|txt|webmanifest|wasm|pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;
/** The 404 page is for the network; the worker and the save list describe the files and are not among them. */
const NOT_KEPT = new Set(["sw.js", "404.html", OFFLINE_PATHS.files, OFFLINE_PATHS.edition]);

/** Room kept in the budget for the edition file, which is written after the plan (it is about 200 bytes). */
const EDITION_RESERVE = 1000;

/** Where the worker's code takes its precache manifest: Workbox's injection point (src/scripts/service-worker.ts). */
export const INJECTION_POINT = "self.__WB_MANIFEST";

/** An entry of the precache manifest: a file's address and its revision (a hash of its bytes). */
export interface PrecacheEntry {
  url: string;
  revision: string;
}

/**
 * The worker's code with its precache manifest in place of the injection point, byte for byte as Workbox's
 * `injectManifest` (workbox-build) writes it: the entries as JSON, their keys in sorted order. That is all
 * `injectManifest` does for a worker bundled beforehand without a source map. workbox-build took 0.39–0.46 s to load
 * (timed alone in three fresh processes; its index loads its own bundler too), and the build loaded it while Pagefind
 * and the offline copy kept both cores busy.
 */
export function injectPrecacheManifest(code: string, entries: readonly PrecacheEntry[]): string {
  const found = code.split(INJECTION_POINT).length - 1;
  if (found !== 1) {
    throw new Error(
      `the service worker's code has ${found} places for its precache manifest (${INJECTION_POINT}); it needs exactly one`,
    );
  }
  const manifest = JSON.stringify(entries.map(({ revision, url }) => ({ revision, url })));
  // A function, so that nothing in the manifest ("$&" in a file's name) is read as a replacement pattern.
  return code.replace(INJECTION_POINT, () => manifest);
}

/** A short content hash: enough to tell versions of one file apart. */
const hash = (data: string | Buffer) => createHash("sha256").update(data).digest("hex").slice(0, 16);

/** Every file worth keeping, by the path a reader requests (`articles/x/` for `articles/x/index.html`). */
export function offlineFiles(siteDir: string): OfflineFile[] {
  const files: OfflineFile[] = [];
  for (const entry of readdirSync(siteDir, { recursive: true, encoding: "utf8" })) {
    const file = entry.split("\\").join("/");
    if (!KEPT.test(file) || NOT_KEPT.has(file)) continue;
    const full = join(siteDir, file);
    const stat = statSync(full);
    if (!stat.isFile()) continue;
    const path = file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
    files.push([path, stat.size, hash(readFileSync(full))]);
  }
  return files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What reading and searching need to start offline; see ./precache.ts for the order. */
function coreFiles(siteDir: string): CoreFiles {
  const entry = JSON.parse(readFileSync(join(siteDir, "pagefind/pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string; wasm?: string }>;
  };
  const languages = Object.values(entry.languages);
  return {
    shell: [OFFLINE_PATHS.offlinePage, "_astro/*", "favicon.svg", "manifest.webmanifest"],
    wanted: [
      "",
      "search/",
      OFFLINE_PATHS.names,
      OFFLINE_PATHS.lookup,
      "pagefind/pagefind.js",
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind-entry.json",
      ...languages.map((l) => `pagefind/pagefind.${l.hash}.pf_meta`),
      ...languages.map((l) => `pagefind/wasm.${l.wasm ?? "unknown"}.pagefind`),
      "pagefind/pagefind-highlight.js",
      // The sections in the header's navigation (src/layouts/BaseLayout.astro).
      "articles/",
      "timeline/",
      "actors/",
      "crossings/",
      "themes/",
      // Last: the newest section, and with its map the heaviest; a tight budget keeps the others first.
      "places/",
    ],
  };
}

export interface OfflineBuild {
  edition: Edition;
  /** What a first visit downloads: the precached files and the edition. */
  precache: { files: number; bytes: number };
  /** Core files that did not fit the budget: they are cached when the reader opens them. */
  leftOut: string[];
  lookupBytes: number;
}

export async function buildServiceWorker(siteDir: string, base: string, budgetBytes: number): Promise<OfflineBuild> {
  const files = offlineFiles(siteDir);
  const plan = planPrecache(files, coreFiles(siteDir), budgetBytes, EDITION_RESERVE);

  // The build's identity covers every file, so any change to any of them is a new edition to save.
  const build = hash(files.map(([path, , revision]) => `${path} ${revision}`).join("\n"));
  const list: FileList = { build, files: plan.rest };
  const edition: Edition = { build, whole: plan.whole, precache: totals(plan.precache), save: totals(plan.rest) };
  const editionText = JSON.stringify(edition);
  mkdirSync(join(siteDir, "offline"), { recursive: true });
  writeFileSync(join(siteDir, OFFLINE_PATHS.files), JSON.stringify(list));
  writeFileSync(join(siteDir, OFFLINE_PATHS.edition), editionText);

  // The worker's source is browser code; esbuild bundles it with Workbox's modules, and the precache manifest
  // takes the place of Workbox's injection point.
  const { outputFiles } = await bundle({
    entryPoints: ["src/scripts/service-worker.ts"],
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    write: false,
    outfile: "sw.js",
    logLevel: "silent",
    // Workbox logs only outside production.
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const code = outputFiles[0]?.text ?? "";
  const manifest: PrecacheEntry[] = [
    ...plan.precache.map(([path, , revision]) => ({ url: base + path, revision })),
    { url: base + OFFLINE_PATHS.edition, revision: hash(editionText) },
  ];
  writeFileSync(join(siteDir, "sw.js"), injectPrecacheManifest(code, manifest));
  const lookupBytes = files
    .filter(([path]) => path === OFFLINE_PATHS.names || path === OFFLINE_PATHS.lookup)
    .reduce((sum, [, bytes]) => sum + bytes, 0);
  const precache = {
    files: edition.precache.files + 1,
    bytes: edition.precache.bytes + Buffer.byteLength(editionText),
  };
  return { edition, precache, leftOut: plan.leftOut.map(([path]) => path || "/"), lookupBytes };
}

/** The build's account of what readers download, for the build log. */
export function offlineReport(sw: OfflineBuild, budgetMB: number): string {
  const { precache, edition, leftOut, lookupBytes } = sw;
  const lines = [
    `Offline: a first visit keeps ${precache.files} files, ${format(precache.bytes)} on disk ` +
      `(budget ${budgetMB} MB): ${edition.whole ? "the whole site" : "reading and search essentials"}.`,
  ];
  if (!edition.whole) {
    lines.push(
      `Offline: saving the whole briefing adds ${edition.save.files} files (${edition.save.pages} pages), ` +
        `${format(edition.save.bytes)}; the look-up index of titles and names is ${format(lookupBytes)}.`,
    );
  }
  if (leftOut.length > 0) {
    lines.push(`Offline: did not fit the budget, kept when first opened instead: ${leftOut.join(", ")}.`);
  }
  return lines.join("\n");
}
