/**
 * Benchmark: generates a synthetic corpus (1,000 articles, 300 entities by default) and prints how long each stage
 * takes, so we can see that matching never dominates a build. Figures only; nothing here passes or fails.
 *
 * Usage: npm run bench [-- --articles 1000 --entities 300 --build]
 *   --build also runs the full production build of the corpus and reports the matching share of it.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { collectBlocks, parseBody } from "../src/lib/blocks.ts";
import { loadContent } from "../src/lib/content-files.ts";
import { MentionMatcher } from "../src/lib/mentions.ts";
import { buildModel, mentionTargets } from "../src/lib/model.ts";
import { writeCorpus } from "./lib/corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    entities: { type: "string", default: "300" },
    build: { type: "boolean", default: false },
  },
});
const nArticles = Number(values.articles);
const nEntities = Number(values.entities);
const dir = resolve(".tmp/bench/content");

const entities = writeCorpus(dir, nArticles, nEntities);

const time = <T>(label: string, fn: () => T): [T, number] => {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
  return [result, ms];
};

console.log(`corpus: ${nArticles} articles, ${nEntities} entities (${entities.length * 3} names)`);
const [{ input }] = time("read and validate content/", () => loadContent(dir, { includeDrafts: true }));
const [matcher] = time("build the matcher", () => new MentionMatcher(mentionTargets(input)));
const [blocks] = time("parse every article body (remark + MDX)", () =>
  input.articles.map((a) => collectBlocks(parseBody(a.body, true))),
);
const words = input.articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0);
const [mentions, matchMs] = time("find mentions in every body", () =>
  blocks.flat().reduce((n, b) => n + matcher.find(b.text).length, 0),
);
const [, modelMs] = time("whole site model (parse + match + relations)", () => buildModel(input));
console.log(
  `words: ${words}; mentions: ${mentions}; matching: ${(((words / matchMs) * 1000) / 1e6).toFixed(1)} M words/s`,
);
console.log(`matching share of the model: ${((matchMs / modelMs) * 100).toFixed(1)} %`);

if (values.build) {
  const [, buildMs] = time("full production build (astro + model)", () =>
    spawnSync(resolve("node_modules/.bin/tsx"), ["scripts/build.ts"], {
      stdio: "ignore",
      env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: resolve(".tmp/bench/dist") },
    }),
  );
  console.log(`matching share of the full build: ${((matchMs / buildMs) * 100).toFixed(2)} %`);
}
