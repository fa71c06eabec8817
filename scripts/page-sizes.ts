/**
 * Page sizes: builds the synthetic corpus (scripts/lib/corpus.ts) with the production build and prints, for each
 * route type, how many pages it has and its largest page, raw and gzipped, against the budget of 60 kB gzip per
 * page. Figures only; nothing here passes or fails.
 *
 * Usage: npm run bench:pages [-- --articles 10000 --entities 300 --no-build]
 *   --no-build measures the last build of the corpus again.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { filesIn } from "../tests/site/html.ts";
import { writeCorpus } from "./lib/corpus.ts";

const BUDGET = 60 * 1024;

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    entities: { type: "string", default: "300" },
    "no-build": { type: "boolean", default: false },
  },
});
const root = resolve(".tmp/page-sizes");
const contentDir = join(root, "content");
const outDir = join(root, "dist");

if (!values["no-build"]) {
  const nArticles = Number(values.articles);
  const nEntities = Number(values.entities);
  writeCorpus(contentDir, nArticles, nEntities);
  console.log(`building ${nArticles} articles, ${nEntities} entities…`);
  const started = performance.now();
  const build = spawnSync(process.execPath, ["scripts/build.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir },
  });
  if (build.status !== 0) throw new Error("the build of the corpus failed");
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The route a built page comes from: ids and page numbers replaced by placeholders. */
function routeOf(file: string): string {
  const path = `/${file.replace(/index\.html$/, "")}`;
  return path
    .replace(/^\/(articles|actors|crossings|themes)\/(?!page\/)[^/]+\//, "/$1/[id]/")
    .replace(/\/page\/\d+\//, "/page/[n]/");
}

interface Largest {
  pages: number;
  file: string;
  raw: number;
  gzip: number;
}
const routes = new Map<string, Largest>();
const files = filesIn(outDir);
const pages = files.filter((f) => f.endsWith(".html"));
for (const file of pages) {
  const bytes = readFileSync(join(outDir, file));
  const gzip = gzipSync(bytes).length;
  const route = routeOf(file);
  const seen = routes.get(route);
  if (!seen) routes.set(route, { pages: 1, file, raw: bytes.length, gzip });
  else {
    seen.pages++;
    if (gzip > seen.gzip) Object.assign(seen, { file, raw: bytes.length, gzip });
  }
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const rows = [...routes].sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...rows.map(([r]) => r.length), 5);
console.log(`\n${"route".padEnd(width)}  pages   largest raw  largest gzip  largest page`);
for (const [route, l] of rows) {
  console.log(
    `${route.padEnd(width)}  ${String(l.pages).padStart(5)}  ${kB(l.raw).padStart(12)}  ${kB(l.gzip).padStart(12)}` +
      `  /${l.file.replace(/index\.html$/, "")}${l.gzip > BUDGET ? "  OVER 60 kB" : ""}`,
  );
}
const over = rows.filter(([, l]) => l.gzip > BUDGET).length;
console.log(`\n${pages.length} pages; ${over === 0 ? "every page is within" : `${over} route(s) exceed`} 60 kB gzip`);

// Downloads that are not pages but grow with the site, for the record.
const others = files
  .filter((f) => /\.(xml|js|json|webmanifest)$/.test(f) && !f.startsWith("pagefind/") && !f.startsWith("_astro/"))
  .map((f) => {
    const bytes = readFileSync(join(outDir, f));
    return { f, raw: bytes.length, gzip: gzipSync(bytes).length };
  })
  .sort((a, b) => b.gzip - a.gzip)
  .slice(0, 5);
console.log("largest other files:");
for (const o of others) console.log(`  /${o.f}: ${kB(o.raw)} raw, ${kB(o.gzip)} gzip`);
