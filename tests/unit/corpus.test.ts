/**
 * The benchmark's synthetic corpus (scripts/lib/corpus.ts): the same seed writes the same bytes, the real content
 * check (schemas and model) finds nothing to report, and it has the shape the benchmark claims — entity counts,
 * extensions, events and status changes, partial dates, a Zipf-like spread of mentions.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  addArticle,
  defaultEntityCount,
  generateCorpus,
  writeCorpusFiles,
  type CorpusOptions,
} from "../../scripts/lib/corpus.ts";
import { loadContent } from "../../src/lib/content-files.ts";
import { checkContent } from "../../src/lib/check.ts";
import { formatProblem } from "../../src/lib/model.ts";

// Small enough to check in well under a second on a quiet machine; the shape does not depend on the size.
const OPTIONS: CorpusOptions = { articles: 40, entities: 100 };
// The corpus's last publication day, so the check's "no future dates" rule does not depend on the clock.
const TODAY = "2025-06-30";

function checked(dir: string) {
  const loaded = loadContent(dir, { includeDrafts: true });
  const { model, problems } = checkContent(loaded, { today: TODAY });
  return { input: loaded.input, model, problems: problems.map(formatProblem) };
}

// The corpus as written, plus one article added the way the benchmark's rebuild adds it; checked once.
const corpus = generateCorpus(OPTIONS);
const dir = join(mkdtempSync(join(tmpdir(), "corpus-")), "content");
writeCorpusFiles(dir, corpus);
const added = addArticle(dir, OPTIONS);
const articles = [...corpus.articles, added];
const { input, model, problems } = checked(dir);

const filesIn = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1))
    .sort();

describe("the synthetic corpus", () => {
  it("writes the same bytes for the same seed and different ones for another", () => {
    expect(generateCorpus(OPTIONS).files).toEqual(corpus.files);
    expect(generateCorpus({ ...OPTIONS, seed: 7 }).files).not.toEqual(corpus.files);
  });

  it("passes the content check with no error and no warning", () => {
    expect(problems).toEqual([]);
  });

  it.each([
    [40, 300],
    [1000, 300],
    [5000, 500],
    [10000, 1000],
  ])("has max(300, articles / 10) entities by default: %i articles, %i entities", (articles, entities) => {
    expect(defaultEntityCount(articles)).toBe(entities);
  });

  it("splits 100 entities into 89 actors of every kind, 3 crossings and 8 themes", () => {
    expect([input.actors.length, input.crossings.length, input.themes.length]).toEqual([89, 3, 8]);
    expect(new Set(input.actors.map((a) => a.data.kind))).toEqual(
      new Set(["person", "government", "organisation", "armed-group", "media"]),
    );
    expect(input.articles.map((a) => a.id)).toEqual(articles.map((a) => a.id).sort());
  });

  it("mixes .mdx and .md about 70/30, and uses the prose components in MDX only", () => {
    const mdx = input.articles.filter((a) => a.file.endsWith(".mdx"));
    expect(mdx.length).toBe(articles.filter((a) => a.file.endsWith(".mdx")).length);
    expect(mdx.length / input.articles.length).toBeGreaterThan(0.55);
    expect(mdx.length / input.articles.length).toBeLessThan(0.85);
    const withComponents = input.articles.filter((a) => /<(Quote|Note)\b/.test(a.body));
    expect(withComponents.length).toBeGreaterThan(0);
    expect(withComponents.every((a) => a.file.endsWith(".mdx"))).toBe(true);
  });

  it("writes bodies of about 400–700 words with headings, lists and some tables", () => {
    for (const a of articles) {
      expect(a.words).toBeGreaterThanOrEqual(400);
      expect(a.words).toBeLessThan(850);
    }
    const bodies = input.articles.map((a) => a.body);
    expect(bodies.every((b) => /^## /m.test(b))).toBe(true);
    expect(bodies.filter((b) => /^- /m.test(b)).length).toBeGreaterThan(20);
    const tables = bodies.filter((b) => /^\| --- \|/m.test(b)).length;
    expect(tables).toBe(articles.filter((a) => a.hasTable).length);
    expect(tables).toBeGreaterThan(0);
  });

  it("gives every article 2–5 events, some changing a crossing's status, some dated to the month or year", () => {
    expect(model.articles.every((a) => a.events.length >= 2 && a.events.length <= 5)).toBe(true);
    expect(model.events.length).toBe(articles.reduce((n, a) => n + a.events, 0));
    const changes = model.events.filter((e) => e.status);
    expect(changes.length).toBe(articles.reduce((n, a) => n + a.statusEvents, 0));
    expect(new Set(changes.map((e) => e.status))).toContain("closed");
    expect(new Set(changes.map((e) => e.status))).toContain("reopened");
    expect(model.crossings.some((c) => c.statusHistory.length >= 3)).toBe(true);
    expect(new Set(model.events.map((e) => e.date.precision))).toEqual(new Set(["day", "month", "year"]));
  });

  it("spreads mentions like Zipf: a handful of entities in most articles, most entities in few", () => {
    const counts = [...model.entities.values()].map((v) => v.articles.length).sort((a, b) => b - a);
    const inMost = counts.filter((n) => n > input.articles.length / 2).length;
    expect(inMost).toBeGreaterThanOrEqual(3);
    expect(inMost).toBeLessThanOrEqual(8);
    expect(model.entities.get("actor:ttp")?.articles.length).toBeGreaterThan(input.articles.length / 2);
    // Most entities are named in at most one article in ten.
    expect(counts.filter((n) => n <= input.articles.length / 10).length).toBeGreaterThan(counts.length / 2);
  });

  it("names entities by their aliases too, not only by their names", () => {
    const spellings = model.articles.flatMap((a) => a.mentions);
    const byAlias = spellings.filter((m) => m.text !== model.entities.get(m.entity)?.entity.name);
    expect(byAlias.length / spellings.length).toBeGreaterThan(0.2);
  });

  it("adds one article dated on the last day without changing any other file", () => {
    expect(added.published).toBe(TODAY);
    expect(corpus.files.has(added.file)).toBe(false);
    expect(filesIn(dir)).toEqual([...corpus.files.keys(), added.file].sort());
    for (const [path, text] of corpus.files) expect(readFileSync(join(dir, path), "utf8")).toBe(text);
    expect(model.articles[0]?.id).toBe(added.id);
  });
});
