/**
 * The production build, safe for editors: checks the content first and stops with plain messages (file, field,
 * fix) instead of a stack trace; builds into a scratch folder and only replaces the output folder when the whole
 * build has succeeded, so a mistake never destroys the last good build.
 *
 * Environment: SITE_URL, BASE_PATH, CONTENT_DIR, OUT_DIR (see README).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { loadContent, loadSiteConfig } from "../src/lib/content-files.ts";
import { deployment } from "../src/lib/deployment.ts";
import { buildModel, formatProblem } from "../src/lib/model.ts";
import { astroEnv } from "./lib/astro-env.ts";
import { buildSearchIndex } from "./lib/search-index.ts";
import { buildServiceWorker, offlineReport } from "./lib/service-worker.ts";

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

let target: string;
let contentDir: string;
let base: string;
try {
  const d = deployment(process.env);
  target = resolve(d.outDir);
  contentDir = d.contentDir;
  base = d.base;
} catch (error) {
  fail((error as Error).message);
}

const { input, problems } = loadContent(contentDir, { includeDrafts: false });
const errors = [...problems, ...buildModel(input).problems].filter((p) => p.severity === "error");
if (errors.length > 0) {
  fail(
    `The content has ${errors.length} problem(s); nothing was built and ${basename(target)}/ is unchanged:\n` +
      errors.map((p) => `  - ${formatProblem(p)}`).join("\n"),
  );
}

const scratch = resolve(".tmp", `build-${process.pid}`);
rmSync(scratch, { recursive: true, force: true });
mkdirSync(dirname(scratch), { recursive: true });
const astro = spawnSync(process.execPath, [resolve("node_modules/astro/bin/astro.mjs"), "build"], {
  stdio: "inherit",
  env: { ...astroEnv(), NODE_ENV: "production", OUT_DIR: scratch, ASTRO_TELEMETRY_DISABLED: "1" },
});
if (astro.status !== 0) {
  rmSync(scratch, { recursive: true, force: true });
  fail(`The build failed (see above); ${basename(target)}/ still holds the last good build.`);
}

// The search index and the service worker are part of the build: if either fails, dist/ keeps the last good site.
const search = await buildSearchIndex(scratch);
if (search.errors.length > 0) {
  rmSync(scratch, { recursive: true, force: true });
  fail(
    `The search index failed; ${basename(target)}/ still holds the last good build:\n  - ${search.errors.join("\n  - ")}`,
  );
}
console.log(`Search index: ${search.pages} pages`);
try {
  const { offlineBudgetMB } = loadSiteConfig(contentDir);
  const sw = await buildServiceWorker(scratch, base, offlineBudgetMB * 1_000_000);
  console.log(offlineReport(sw, offlineBudgetMB));
} catch (error) {
  rmSync(scratch, { recursive: true, force: true });
  fail(
    `The service worker failed (${(error as Error).message}); ${basename(target)}/ still holds the last good build.`,
  );
}

// Swap in the new build: the old one is moved aside first so the output folder is never half-written.
const old = join(dirname(scratch), `old-${process.pid}`);
if (existsSync(target)) renameSync(target, old);
mkdirSync(dirname(target), { recursive: true });
renameSync(scratch, target);
rmSync(old, { recursive: true, force: true });
console.log(`Built into ${target}`);
