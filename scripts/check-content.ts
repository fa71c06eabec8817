/**
 * The content check: validates every file in content/ against the schemas, resolves every reference, and reports
 * entities mentioned but not tagged (and tagged but never mentioned), uncited entity paragraphs, and any run of 16+
 * words copied from a source in the seeds folder. Exit 1 if anything is wrong.
 *
 * Usage: npm run check:content [-- --content DIR] [--seeds DIR]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadContent } from "../src/lib/content-files.ts";
import { buildModel, formatProblem, type Problem } from "../src/lib/model.ts";
import { sharedRuns } from "../src/lib/overlap.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: process.env["CONTENT_DIR"] ?? "content" },
    seeds: { type: "string", default: process.env["SEEDS_DIR"] ?? "../shared/seeds" },
  },
});
const contentDir = values.content;
const seedsDir = values.seeds;

const { input, problems } = loadContent(contentDir, { includeDrafts: true });
const model = buildModel(input);
const all: Problem[] = [...problems, ...model.problems];

if (existsSync(seedsDir)) {
  const seeds = readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), "utf8"));
  for (const entries of [input.articles, input.actors, input.crossings, input.themes]) {
    for (const entry of entries) {
      for (const run of sharedRuns(readFileSync(entry.file, "utf8"), seeds)) {
        all.push({
          file: entry.file,
          field: "body",
          message: `${run.length} consecutive words are copied from a source: "${run.text}"`,
          fix: "brief the source in our own words; quote only a few attributed words",
          severity: "check",
        });
      }
    }
  }
} else {
  console.log(`(no seeds folder at ${seedsDir}: skipped the copied-words check)`);
}

for (const p of all) console.log(formatProblem(p));
const counts = `${input.articles.length} articles, ${input.actors.length} actors, ${input.crossings.length} crossings, ${input.themes.length} themes`;
console.log(all.length === 0 ? `Content OK: ${counts}.` : `${all.length} problem(s) in ${counts}.`);
process.exit(all.length === 0 ? 0 : 1);
