/** Lists every run of 16+ words that a file in content/ shares with a seed article. Exit 1 if any. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedRuns } from "../src/lib/overlap.ts";

const seedsDir = process.env.SEEDS_DIR ?? "../shared/seeds";
const seeds = readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), "utf8"));
let found = 0;
for (const dir of ["articles", "actors", "crossings", "themes"]) {
  for (const f of readdirSync(join("content", dir))) {
    const path = join("content", dir, f);
    for (const run of sharedRuns(readFileSync(path, "utf8"), seeds)) {
      found++;
      console.log(`${path}: ${run.length} words copied from a seed: "${run.text}"`);
    }
  }
}
console.log(found ? `${found} copied run(s) found` : "no copied runs");
process.exit(found ? 1 : 0);
