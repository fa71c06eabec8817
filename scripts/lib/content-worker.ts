/**
 * The content check and the site model, in a worker thread of the render stage (./render.ts), so that they run
 * while Astro starts on the main thread: Astro's content sync and bundling take the first half of its stage and
 * need no model (only the pages' getStaticPaths do), and on their own they keep the machine's second core mostly
 * idle. The model comes back flattened (./flat-graph.ts says why), to be rebuilt on the main thread, with the layout
 * of every network drawing (src/lib/visuals.ts) and of every view of the map (src/lib/map.ts); the problems come back
 * as the lines the editor reads.
 *
 * Plain TypeScript that erases to JavaScript, so that Node's own type stripping runs the worker, as it runs the
 * build.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkDerivation } from "../../src/lib/check.ts";
import { loadDesk } from "../../src/lib/content-files.ts";
import { deriveModel } from "../../src/lib/model.ts";
import type { PrebuiltSite } from "../../src/lib/prebuilt.ts";
import { formatProblem } from "../../src/lib/problems.ts";
import { mapLayouts } from "../../src/lib/map.ts";
import { networkLayouts } from "../../src/lib/visuals.ts";
import { now, type Span } from "./build-report.ts";
import { flatten, type FlatGraph } from "./flat-graph.ts";

export interface ContentInput {
  contentDir: string;
}

export type ContentResult =
  | {
      ok: true;
      /** The site model and the network drawings' and map's layouts, flattened (unflatten it to a PrebuiltSite). */
      site: FlatGraph;
      /** The line the build prints about the content: counts, and how many warnings `check:content` lists. */
      summary: string;
      spans: { check: Span[]; model: Span[] };
    }
  | {
      ok: false;
      /** Each error, as the editor reads it (file, line, field, fix). */
      errors: string[];
    };

/** What the worker posts back: the model and the summary line, or the errors (exported for the tests). */
export function checkForRender({ contentDir }: ContentInput): ContentResult {
  const spans: { check: Span[]; model: Span[] } = { check: [], model: [] };
  const timed = <T>(stage: "check" | "model", run: () => T): T => {
    const start = now();
    try {
      return run();
    } finally {
      spans[stage].push([start, now()]);
    }
  };
  const loaded = timed("check", () => loadDesk(contentDir, { includeDrafts: false }));
  const { input, site } = loaded;
  const derivation = timed("model", () => deriveModel(input));
  const problems = timed("check", () => checkDerivation(loaded, derivation));
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !site) return { ok: false, errors: errors.map(formatProblem) };
  const warnings = problems.length - errors.length;
  // Derived from the model for the pages, and counted with it: the layouts of the network drawings (visuals.ts) and
  // of the map's views (map.ts).
  const layouts = timed("model", () => networkLayouts(derivation.model));
  const maps = timed("model", () => mapLayouts(derivation.model));
  // The parsed YAML documents kept to name lines in messages are not needed by the pages (and are functions).
  for (const entry of Object.values(input).flat()) if (entry) delete entry.lineOf;
  return {
    ok: true,
    site: flatten({ model: derivation.model, layouts, maps } satisfies PrebuiltSite),
    summary:
      `Content: ${input.articles.length} articles, ${input.actors.length} actors, ${input.crossings.length} crossings, ` +
      `${input.places?.length ?? 0} places, ${input.themes.length} themes` +
      (warnings ? ` (${warnings} warning(s): npm run check:content lists them)` : ""),
    spans,
  };
}

if (parentPort) parentPort.postMessage(checkForRender(workerData as ContentInput));
