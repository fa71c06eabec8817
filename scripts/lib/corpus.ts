/**
 * A deterministic synthetic corpus for benchmarks: `articles` articles naming `entities` entities by their names and
 * aliases, written to `dir` as a content folder the engine can build.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface CorpusEntity {
  folder: "actors" | "crossings" | "themes";
  id: string;
  name: string;
  aliases: string[];
}

export function writeCorpus(dir: string, nArticles: number, nEntities: number): CorpusEntity[] {
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
  writeFileSync(
    join(dir, "site.yaml"),
    "title: Bench\ndescription: A synthetic corpus.\nlang: en\nintro: Synthetic.\n",
  );

  const entities: CorpusEntity[] = [];
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
    const tag = (folder: CorpusEntity["folder"]) => [
      ...new Set(named.filter((e) => e.folder === folder).map((e) => e.id)),
    ];
    const day = String((a % 28) + 1).padStart(2, "0");
    writeFileSync(
      join(dir, "articles", `a${a}.mdx`),
      `---\ntitle: Article ${a}\npublished: 2025-${String((a % 12) + 1).padStart(2, "0")}-${day}\nsummary: Synthetic.\n` +
        `actors: [${tag("actors").join(", ")}]\ncrossings: [${tag("crossings").join(", ")}]\n` +
        `themes: [${[...tag("themes"), pick(themes).id].join(", ")}]\n---\n\n${paragraphs.join(".\n\n")}.\n`,
    );
  }

  return entities;
}
