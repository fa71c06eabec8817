// @ts-check
/**
 * Builds the floor site: `astro build` through Astro's own API, then a Pagefind index through Pagefind's Node API,
 * in one process — the plainest way to publish a searchable Astro site. Environment: CONTENT_DIR, OUT_DIR,
 * and BUILD_REPORT=<file> for the same per-stage JSON the project's build writes.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "astro";
import { close, createIndex } from "pagefind";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = process.env.OUT_DIR || `${root}../../.tmp/floor/dist`;

let last = performance.now();
const lap = () => {
  const now = performance.now();
  const ms = now - last;
  last = now;
  return ms;
};

// When Astro begins to generate the pages (after bundling them) and when it is done, timed as the project's build
// times it (scripts/lib/page-stream.ts): Astro's own prerenderer, wrapped only to note the two moments.
/** @type {[number, number]} */
const pages = [0, 0];
/** @type {import("astro").AstroIntegration} */
const clock = {
  name: "floor:page-clock",
  hooks: {
    "astro:build:start": ({ setPrerenderer }) =>
      setPrerenderer((astro) => ({
        name: "floor:page-clock",
        setup: () => {
          pages[0] = performance.now();
          return astro.setup?.() ?? Promise.resolve();
        },
        getStaticPaths: () => astro.getStaticPaths(),
        ...(astro.collectStaticImages ? { collectStaticImages: astro.collectStaticImages.bind(astro) } : {}),
        render: (request, options) => astro.render(request, options),
        teardown: async () => {
          await astro.teardown?.();
          pages[1] = performance.now();
        },
      })),
  },
};

await build({ root, integrations: [clock] });
const astro = lap();
const astroPages = pages[1] - pages[0];

const { index, errors } = await createIndex({});
if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
const added = await index.addDirectory({ path: outDir });
const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
await close();
const problems = [...errors, ...added.errors, ...written.errors];
if (problems.length > 0 || added.page_count === 0) throw new Error(`Pagefind: ${problems.join("; ") || "no pages"}`);
const pagefind = lap();

console.log(`Floor: ${added.page_count} pages indexed`);
if (process.env.BUILD_REPORT) {
  const report = {
    stages: { astro, astroPages, pagefind },
    // The stages one after the other; astroPages is the end of astro.
    coveredMs: astro + pagefind,
    pages: added.page_count,
    precacheBytes: 0,
    precacheFiles: 0,
  };
  writeFileSync(process.env.BUILD_REPORT, `${JSON.stringify(report, null, 2)}\n`);
}
