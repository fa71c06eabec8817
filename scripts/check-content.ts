/**
 * The content check, for editors: validates every file in content/ without building the site — site.yaml and the
 * entries' schemas, that every reference resolves, unique ids and names, names that are not common words, bodies
 * that hold no code, dates (no future publication, no event after its article) — and warns about actors and
 * crossings mentioned but not tagged (or tagged but never named), overview paragraphs that cite no article or cite
 * one that does not tag the entity, event dates neither stated in the body nor explained by a dateNote, and
 * quotations without a speaker. A reference to an entry that fails its schema is marked as following from that
 * entry's problem. With --sources DIR it also rejects any run of 16+ words copied from a source text in DIR, and
 * warns about quotation marks around words no source quotes. The rules live in src/lib/rules/.
 * Exit 1 on any error; 0 with warnings printed.
 *
 * Usage: npm run check:content [-- --content DIR] [--sources DIR]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkContent } from "../src/lib/check.ts";
import { loadDesk } from "../src/lib/content-files.ts";
import { formatProblem } from "../src/lib/problems.ts";

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
const loaded = loadDesk(values.content, { includeDrafts: true });
const { input } = loaded;
const sources = values.sources
  ? readdirSync(values.sources).map((f) => readFileSync(join(values.sources ?? "", f), "utf8"))
  : undefined;
const all = checkContent(loaded, sources ? { sources } : {}).problems;
// A reference to an entry that fails its schema follows from that entry's problem (see problems.ts).
const following = all.filter((p) => p.cause).length;

const errors = all.filter((p) => p.severity === "error");
const warnings = all.filter((p) => p.severity === "warning");
for (const p of errors) console.log(`error: ${formatProblem(p)}`);
for (const p of warnings) console.log(`warning: ${formatProblem(p)}`);
const counts = `${input.articles.length} articles, ${input.actors.length} actors, ${input.crossings.length} crossings, ${input.places?.length ?? 0} places, ${input.themes.length} themes`;
const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
const follow = following ? ` (${following} follow from another)` : "";
if (errors.length > 0)
  console.log(`${errors.length} error(s)${follow}, ${warnings.length} warning(s) in ${counts} (${took}).`);
else if (warnings.length > 0) console.log(`Content OK with ${warnings.length} warning(s): ${counts} (${took}).`);
else console.log(`Content OK: ${counts} (${took}).`);
process.exit(errors.length > 0 ? 1 : 0);
