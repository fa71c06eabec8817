/**
 * The content check, for editors: validates every file in content/ without building the site — schemas, that every
 * reference resolves, unique ids and names, dates (no future publication, no event after its article) — and warns
 * about actors and crossings mentioned but not tagged (or tagged but never named), overview paragraphs that cite no
 * article or cite one that does not tag the entity, event dates neither stated in the body nor explained by a
 * dateNote, and quotations without a speaker. With --sources DIR it also rejects any run of 16+ words copied from a
 * source text in DIR, and warns about quotation marks around words no source quotes.
 * Exit 1 on any error; 0 with warnings printed.
 *
 * Usage: npm run check:content [-- --content DIR] [--sources DIR]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { collectBlocks, parseBody } from "../src/lib/blocks.ts";
import { loadContent } from "../src/lib/content-files.ts";
import { buildModel, formatProblem, type Problem } from "../src/lib/model.ts";
import { sharedRuns } from "../src/lib/overlap.ts";
import { quotationsNotInSources, sourceQuotations } from "../src/lib/rules/quotations.ts";

let values: { content: string; sources?: string | undefined };
try {
  ({ values } = parseArgs({
    options: {
      content: { type: "string", default: process.env["CONTENT_DIR"] ?? "content" },
      sources: { type: "string" },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run check:content [-- --content DIR] [--sources DIR]`);
  process.exit(2);
}

const started = performance.now();
const { input, problems } = loadContent(values.content, { includeDrafts: true });
const all: Problem[] = [...problems, ...buildModel(input).problems];

if (values.sources) {
  const sources = readdirSync(values.sources).map((f) => readFileSync(join(values.sources ?? "", f), "utf8"));
  const quoted = sourceQuotations(sources);
  const { articles, actors, crossings, themes, standing } = input;
  for (const entries of [articles, actors, crossings, themes, standing ? [standing] : []]) {
    for (const entry of entries) {
      for (const run of sharedRuns(readFileSync(entry.file, "utf8"), sources)) {
        all.push({
          file: entry.file,
          field: "body",
          message: `${run.length} consecutive words are copied from a source: "${run.text}"`,
          fix: "brief the source in our own words; quote only a few attributed words",
          severity: "error",
        });
      }
      let blocks: ReturnType<typeof collectBlocks> = [];
      try {
        blocks = collectBlocks(parseBody(entry.body, entry.file.endsWith(".mdx")));
      } catch {
        // The model has already reported a body that does not parse.
      }
      all.push(...quotationsNotInSources(entry, blocks, quoted));
    }
  }
}

const errors = all.filter((p) => p.severity === "error");
const warnings = all.filter((p) => p.severity === "warning");
for (const p of errors) console.log(`error: ${formatProblem(p)}`);
for (const p of warnings) console.log(`warning: ${formatProblem(p)}`);
const counts = `${input.articles.length} articles, ${input.actors.length} actors, ${input.crossings.length} crossings, ${input.themes.length} themes`;
const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
if (errors.length > 0) console.log(`${errors.length} error(s), ${warnings.length} warning(s) in ${counts} (${took}).`);
else if (warnings.length > 0) console.log(`Content OK with ${warnings.length} warning(s): ${counts} (${took}).`);
else console.log(`Content OK: ${counts} (${took}).`);
process.exit(errors.length > 0 ? 1 : 0);
