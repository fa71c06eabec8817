/**
 * The first half of the production build, run by scripts/build.ts in a process of its own: checks the content,
 * builds the site model once, and renders the pages with Astro from that same model (src/lib/prebuilt.ts) into the
 * scratch folder. When it exits, everything it held — the model, Astro's module graph and content store — is given
 * back before the search index is built, so the build's memory peaks at the larger of the two halves, not their sum.
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
import { checkDerivation } from "../../src/lib/check.ts";
import { loadDesk } from "../../src/lib/content-files.ts";
import { deployment } from "../../src/lib/deployment.ts";
import { deriveModel } from "../../src/lib/model.ts";
import { formatProblem } from "../../src/lib/problems.ts";
import { sharePrebuiltModel } from "../../src/lib/prebuilt.ts";
import type { Stage } from "./build-report.ts";
import { countPages } from "./pages.ts";
import { stampUpdated } from "./updated-stamp.ts";

// tsx turns on Node's source maps for our TypeScript; left on, Node also reads and keeps the source map of every
// module Astro loads while rendering (its whole bundle of compiled articles): about 15 % more CPU time and 200 MB
// more memory at 1,000 articles, measured with the benchmark. A build's messages to editors carry no stack traces.
process.setSourceMapsEnabled(false);

const stages: Partial<Record<Stage, number>> = {};
async function timed<T>(stage: Stage, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    stages[stage] = (stages[stage] ?? 0) + performance.now() - start;
  }
}

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const { contentDir, outDir } = deployment(process.env);
const target = basename(process.env["BUILD_TARGET"] ?? "dist");

// Reading and judging the content is the "check" stage; deriving the model from it, the "model" stage.
const loaded = await timed("check", () => loadDesk(contentDir, { includeDrafts: false }));
const { input, site } = loaded;
// The parsed bodies the rules read are dropped with the derivation once they have run; the pages get the model.
const { model, problems } = await (async () => {
  const derivation = await timed("model", () => deriveModel(input));
  return { model: derivation.model, problems: await timed("check", () => checkDerivation(loaded, derivation)) };
})();
const errors = problems.filter((p) => p.severity === "error");
if (errors.length > 0 || !site) {
  fail(
    `The content has ${errors.length} problem(s); nothing was built and ${target}/ is unchanged:\n` +
      errors.map((p) => `  - ${formatProblem(p)}`).join("\n"),
  );
}
const warnings = problems.length - errors.length;
console.log(
  `Content: ${input.articles.length} articles, ${input.actors.length} actors, ${input.crossings.length} crossings, ${input.places?.length ?? 0} places, ` +
    `${input.themes.length} themes${warnings ? ` (${warnings} warning(s): npm run check:content lists them)` : ""}`,
);
// The check is done: the parsed YAML documents kept to name lines in messages are not needed by the pages.
for (const entry of Object.values(input).flat()) if (entry) delete entry.lineOf;
sharePrebuiltModel(contentDir, model);

try {
  const { build } = await import("astro");
  // "warn": Astro's line per page is left out (`--verbose` shows it); its warnings and errors are not.
  const logLevel = process.argv.includes("--verbose") ? "info" : "warn";
  // `--fresh` renders every page, ignoring the incremental cache (src/lib/page-keys.ts).
  const force = process.argv.includes("--fresh");
  await timed("astro", async () => {
    await build({ root: process.cwd(), logLevel, force });
    // Pages restored from the incremental cache may carry an older "Updated" date (see updated-stamp.ts).
    stampUpdated(outDir);
  });
} catch (error) {
  // Astro's message names the file and what is wrong; its stack trace is of no use to an editor.
  // Rolldown colours its message when FORCE_COLOR is set (as on CI); the editor reads words, not escape codes.
  const { message, hint } = error as { message?: string; hint?: string };
  const plain = (text: string) => stripVTControlCharacters(text).trim();
  fail(
    `The build failed: ${plain(message ?? String(error))}${hint ? `\nHint: ${plain(hint)}` : ""}\n` +
      `${target}/ still holds the last good build.`,
  );
}

process.send?.({ stages, pages: countPages(outDir) });
// Astro may leave handles open (watchers); this half of the build is done.
process.disconnect?.();
process.exit(0);
