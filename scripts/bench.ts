/**
 * Benchmark: generates a synthetic corpus (1,000 articles, 300 entities by default) and prints how long each stage
 * takes, so we can see that matching never dominates a build. Figures only; nothing here passes or fails.
 *
 * Usage: npm run bench [-- --articles 1000 --entities 300 --build]
 *   --build also runs the full production build of the corpus and reports the matching share of it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { collectBlocks, parseBody } from "../src/lib/blocks.ts";
import { loadContent } from "../src/lib/content-files.ts";
import { MentionMatcher } from "../src/lib/mentions.ts";
import { buildModel, mentionTargets } from "../src/lib/model.ts";

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

// A deterministic pseudo-random generator, so every run measures the same corpus.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const FILLER =
  "officials said the talks would continue as both sides weighed the security situation along the border and the cost to traders and families waiting to cross".split(
    " ",
  );
const syllables = ["ka", "lo", "mir", "zan", "tor", "bad", "qa", "ris", "han", "dul", "sar", "fa", "nu", "rek"];
const word = () => pick(syllables) + pick(syllables) + pick(syllables);
const cap = (w: string) => w[0]?.toUpperCase() + w.slice(1);

rmSync(dir, { recursive: true, force: true });
for (const folder of ["articles", "actors", "crossings", "themes"]) mkdirSync(join(dir, folder), { recursive: true });
writeFileSync(join(dir, "site.yaml"), "title: Bench\ndescription: A synthetic corpus.\nlang: en\nintro: Synthetic.\n");

interface E {
  folder: "actors" | "crossings" | "themes";
  id: string;
  name: string;
  aliases: string[];
}
const entities: E[] = [];
for (let i = 0; i < nEntities; i++) {
  const folder = i % 10 === 0 ? "crossings" : i % 10 === 1 ? "themes" : "actors";
  const name = `${cap(word())} ${cap(word())}`;
  entities.push({ folder, id: `e${i}`, name, aliases: [`${cap(word())}${i}`, `${name} ${cap(word())}`] });
}
for (const e of entities) {
  const extra =
    e.folder === "actors" ? "kind: person\n" : e.folder === "crossings" ? "location: { lat: 30, lon: 70 }\n" : "";
  writeFileSync(
    join(dir, e.folder, `${e.id}.md`),
    `---\nname: ${e.name}\naliases: [${e.aliases.join(", ")}]\n${extra}summary: Synthetic.\n---\n\nOverview ([a](article:a0)).\n`,
  );
}
const themes = entities.filter((e) => e.folder === "themes");
for (let a = 0; a < nArticles; a++) {
  const named = Array.from({ length: 8 }, () => pick(entities));
  const paragraphs = Array.from({ length: 8 }, () =>
    Array.from({ length: 50 }, (_, i) =>
      i % 12 === 0 ? pick([pick(named).name, ...pick(named).aliases]) : pick(FILLER),
    ).join(" "),
  );
  const tag = (folder: E["folder"]) => [...new Set(named.filter((e) => e.folder === folder).map((e) => e.id))];
  const day = String((a % 28) + 1).padStart(2, "0");
  writeFileSync(
    join(dir, "articles", `a${a}.mdx`),
    `---\ntitle: Article ${a}\npublished: 2025-${String((a % 12) + 1).padStart(2, "0")}-${day}\nsummary: Synthetic.\n` +
      `actors: [${tag("actors").join(", ")}]\ncrossings: [${tag("crossings").join(", ")}]\n` +
      `themes: [${[...tag("themes"), pick(themes).id].join(", ")}]\n---\n\n${paragraphs.join(".\n\n")}.\n`,
  );
}

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
