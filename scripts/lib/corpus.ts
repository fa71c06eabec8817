/**
 * A deterministic, realistic synthetic corpus for benchmarks and tests, shaped like the real desk's content:
 *
 * - `articles` briefed articles spread evenly over three years (1 July 2022 to 30 June 2025: about one a day at
 *   1,000, nine at 10,000), ~70% `.mdx` and ~30% `.md`, bodies of 400–700 words with `##` headings, lists, some GFM tables and (in MDX) the prose components;
 * - about max(300, articles / 10) entities: actors of every kind, 2–10 crossings and 8–15 themes, mentioned with a
 *   Zipf-like spread — a handful (the TTP, the Taliban, Pakistan, Torkham) in most articles, most entities in few —
 *   by their name or any alias;
 * - 2–5 events per article, some changing a crossing's status (closed, reopened, restricted) in a plausible order,
 *   some dated only to the month or year;
 * - entity entries whose every paragraph and list item cites articles that mention them, and actors' roles citing
 *   their source article.
 *
 * Tags follow mentions exactly and every date is consistent, so the content check reports no error and no warning.
 * The same options always give the same bytes: a seeded PRNG, no clock, no Math.random. Articles come from one
 * sequential stream and entity entries cite only the first `articles`, so `addArticle` can append one more to a
 * written corpus, for a rebuild, without changing any other file.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  ACTOR_SENTENCES,
  CROSSING_SENTENCES,
  CROSSINGS,
  DATELINES,
  FIGURES,
  GIVEN,
  HEAD_ACTORS,
  HEADINGS,
  HONORIFICS,
  MONTHS,
  NEUTRAL_SENTENCES,
  NOTE_SENTENCES,
  ORDINALS,
  ORGANISATIONS,
  OUTLETS,
  QUOTES,
  ROLE_TITLES,
  STATUS_WORDS,
  SUFFIXES,
  SYLLABLES,
  TABLE_HEADINGS,
  THEME_SENTENCES,
  THEMES,
  WEEKDAYS,
  type EntitySpec,
  type Status,
} from "./corpus-words.ts";

export type EntityFolder = "actors" | "crossings" | "themes";

export interface CorpusEntity {
  folder: EntityFolder;
  id: string;
  name: string;
  aliases: string[];
}

export interface CorpusArticle {
  id: string;
  /** Path relative to the content folder, e.g. `articles/2023-04-05-….mdx`. */
  file: string;
  published: string;
  /** Ids of the entities the body names (and the article tags), by folder. */
  tags: Record<EntityFolder, string[]>;
  events: number;
  /** Events that change a crossing's status. */
  statusEvents: number;
  /** Words of the body (markup excluded). */
  words: number;
  hasTable: boolean;
}

export interface Corpus {
  entities: CorpusEntity[];
  articles: CorpusArticle[];
  /** Every file of the content folder: path relative to it → text. */
  files: Map<string, string>;
}

export interface CorpusOptions {
  articles: number;
  /** Default: max(300, articles / 10). */
  entities?: number;
  /** Default 42. */
  seed?: number;
  /**
   * Generate this many further articles after `articles`, dated on the corpus's last day. Entity entries (and the
   * first `articles` articles) stay byte-for-byte the same, as if an editor had just added them.
   */
  extra?: number;
}

export function defaultEntityCount(articles: number): number {
  return Math.max(300, Math.round(articles / 10));
}

// ---------------------------------------------------------------------------------------------------------------
// Randomness: mulberry32, small and good enough to spread choices; seeded, so every run measures the same corpus.

class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return at(list, Math.floor(this.next() * list.length));
  }
}

function shuffle<T>(list: T[], random: Random): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [at(list, j), at(list, i)];
  }
  return list;
}

function at<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`corpus: no item ${i} in a list of ${list.length}`);
  return value;
}

/** Draws indexes 0…n-1 with probability proportional to 1 / (rank + 1)^s: a Zipf-like spread. */
class Zipf {
  readonly #cumulative: number[] = [];
  constructor(n: number, s: number) {
    let sum = 0;
    for (let i = 0; i < n; i++) this.#cumulative.push((sum += 1 / (i + 1) ** s));
  }
  draw(random: Random): number {
    const total = this.#cumulative.at(-1) ?? 0;
    const x = random.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(this.#cumulative, mid) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** `k` distinct indexes (fewer if there are not that many). */
  sample(random: Random, k: number): number[] {
    const chosen = new Set<number>();
    const want = Math.min(k, this.#cumulative.length);
    for (let tries = 0; chosen.size < want && tries < want * 20; tries++) chosen.add(this.draw(random));
    return [...chosen];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entities.

/** Every word of the templates: a generated name may not be one of them, or plain prose would mention it. */
const PROSE_WORDS = new Set(
  [
    ...ACTOR_SENTENCES,
    ...CROSSING_SENTENCES,
    ...THEME_SENTENCES,
    ...NEUTRAL_SENTENCES,
    ...HEADINGS,
    ...TABLE_HEADINGS,
    ...FIGURES,
    ...QUOTES,
    ...NOTE_SENTENCES,
    ...ORDINALS,
    ...Object.values(STATUS_WORDS),
    "Crossing Status Figure Number",
  ]
    .join(" ")
    .toLowerCase()
    .split(/[^a-z']+/),
);

/** The engine's notion of "the same name": case folded unless it is an acronym. */
function nameKey(name: string): string {
  return /\p{Ll}/u.test(name) ? `~${name.toLowerCase().replace(/[-\s]+/g, " ")}` : `=${name}`;
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function generateEntities(count: number, random: Random): EntitySpec[] {
  const crossings = Math.min(10, Math.max(2, Math.round(count / 100) + 2));
  const themes = Math.min(15, Math.max(8, 8 + Math.floor(count / 150)));
  const actors = count - crossings - themes;
  if (actors < HEAD_ACTORS.length) throw new Error(`corpus: ${count} entities are too few`);

  const names = new Set<string>();
  const ids = new Set<string>();
  const claim = (name: string) => {
    const key = nameKey(name);
    if (names.has(key)) return false;
    names.add(key);
    return true;
  };
  const entities: EntitySpec[] = [];
  const add = (spec: EntitySpec) => {
    if (ids.has(spec.id) || !claim(spec.name)) throw new Error(`corpus: "${spec.name}" is taken`);
    ids.add(spec.id);
    spec.aliases = spec.aliases.filter(claim);
    entities.push(spec);
  };

  for (const head of HEAD_ACTORS) add({ ...head, aliases: [...head.aliases] });
  for (const c of CROSSINGS.slice(0, crossings)) {
    add({
      ...c,
      folder: "crossings",
      aliases: [...c.aliases],
      between: ["Nangarhar province, Afghanistan", "Khyber Pakhtunkhwa, Pakistan"],
      summary: `A crossing on the Afghanistan–Pakistan frontier.`,
    });
  }
  for (const t of THEMES.slice(0, themes)) {
    add({ ...t, folder: "themes", aliases: [...t.aliases], summary: `Reporting on ${t.name.toLowerCase()}.` });
  }

  // Generated words are unique across the corpus and never plain English, so a name means one entity only.
  const used = new Set<string>();
  const word = (): string => {
    for (;;) {
      const w = random.pick(SYLLABLES) + random.pick(SYLLABLES) + (random.chance(0.4) ? random.pick(SYLLABLES) : "");
      const full = w + random.pick(SUFFIXES);
      if (full.length < 5 || used.has(full) || PROSE_WORDS.has(full)) continue;
      used.add(full);
      return full[0]?.toUpperCase() + full.slice(1);
    }
  };
  // A second spelling, as transliterations differ: "Karhanzai" → "Karhanzay".
  const variant = (w: string): string => {
    const rules: [RegExp, string][] = [
      [/ai$/, "ay"],
      [/i$/, "ee"],
      [/q/, "k"],
      [/a(?=[^a]*$)/, "aa"],
      [/u/, "oo"],
    ];
    for (const [from, to] of rules) if (from.test(w)) return w.replace(from, to);
    return `${w}h`;
  };
  // One in five tail actors is not a person: governments, organisations, an armed group, outlets.
  const kinds = [
    ...Array.from({ length: 12 }, () => "person" as const),
    "government",
    "government",
    "organisation",
    "organisation",
    "organisation",
    "armed-group",
    "media",
    "media",
  ] as const;
  const initials = (name: string) =>
    name
      .split(/[\s-]+/)
      .map((p) => p[0]?.toUpperCase())
      .join("");
  for (let i = entities.filter((e) => e.folder === "actors").length; i < actors; i++) {
    const kind = kinds[i % kinds.length] ?? "person";
    const w = word();
    let spec: Omit<EntitySpec, "id">;
    if (kind === "person") {
      const given = random.pick(GIVEN);
      const name = `${given[0]} ${w}`;
      const aliases = [
        ...given.slice(1).map((g) => `${g} ${w}`),
        random.chance(0.5) ? `${random.pick(HONORIFICS)} ${w}` : "",
        random.chance(0.5) ? w : "",
        random.chance(0.3) ? `${given[0]} ${variant(w)}` : "",
      ];
      spec = {
        folder: "actors",
        name,
        aliases: aliases.filter(Boolean),
        kind,
        country: random.pick(["Pakistan", "Afghanistan"]),
        summary: "A figure named in the reporting.",
      };
    } else if (kind === "government") {
      const name = `Government of ${w}stan`;
      spec = {
        folder: "actors",
        name,
        aliases: [`${w}stan`, `${variant(w)}stan`],
        kind,
        summary: "A government whose officials appear in the reporting.",
      };
    } else if (kind === "organisation") {
      const name = `${w} ${random.pick(ORGANISATIONS)}`;
      spec = {
        folder: "actors",
        name,
        aliases: [initials(name), name.replace(w, variant(w))],
        kind,
        summary: "An organisation quoted in the reporting.",
      };
    } else if (kind === "armed-group") {
      const name = random.pick([`Lashkar-e-${w}`, `Jamaat-ul-${w}`, `${w} Front`, `Tehrik-e-${w}`]);
      spec = {
        folder: "actors",
        name,
        aliases: [initials(name), name.includes("-e-") ? name.replace("-e-", "-i-") : name.replace(w, variant(w))],
        kind,
        summary: "An armed group named in the reporting.",
      };
    } else {
      const name = random.pick([`${w} News`, `${w} TV`, `The ${w} Times`, `Radio ${w}`]);
      spec = { folder: "actors", name, aliases: [w], kind, summary: "A news outlet cited in the reporting." };
    }
    let id = slugify(spec.name);
    while (ids.has(id)) id = `${id}-${i}`;
    add({ ...spec, id, aliases: spec.aliases.filter((a) => a !== spec.name && a.length > 1) });
  }
  return entities;
}

// ---------------------------------------------------------------------------------------------------------------
// Articles.

const START = Date.UTC(2022, 6, 1);
const DAYS = 1096; // 1 July 2022 to 30 June 2025
const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function shortDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

function fill(template: string, slots: Record<string, string>, random: Random): string {
  return template.replace(/\{([A-Z])\}/g, (_, slot: string) => {
    if (slot === "N") return random.int(20, 4800).toLocaleString("en-GB");
    if (slot === "S") return String(random.int(2, 12));
    if (slot === "W") return random.pick(WEEKDAYS);
    if (slot === "O") return random.pick(ORDINALS);
    return slots[slot] ?? "";
  });
}

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

const yaml = (value: string) => JSON.stringify(value);
const yamlList = (ids: readonly string[]) => `[${ids.join(", ")}]`;

interface Draft {
  article: CorpusArticle;
  text: string;
}

class ArticleWriter {
  readonly #byFolder: Record<EntityFolder, EntitySpec[]>;
  readonly #zipf: Record<EntityFolder, Zipf>;
  readonly #status = new Map<string, Status>();
  readonly #ids = new Set<string>();

  readonly random: Random;

  constructor(entities: EntitySpec[], random: Random) {
    this.random = random;
    this.#byFolder = {
      actors: entities.filter((e) => e.folder === "actors"),
      crossings: entities.filter((e) => e.folder === "crossings"),
      themes: entities.filter((e) => e.folder === "themes"),
    };
    const tail = this.#byFolder.actors.length - HEAD_ACTORS.length;
    this.#zipf = {
      actors: new Zipf(tail, 1.05),
      crossings: new Zipf(this.#byFolder.crossings.length, 1.3),
      themes: new Zipf(this.#byFolder.themes.length, 0.9),
    };
  }

  /** Which entities an article names: the head by their share, the rest by Zipf rank. */
  #choose(): Record<EntityFolder, EntitySpec[]> {
    const { random } = this;
    const actors = this.#byFolder.actors;
    const chosen: EntitySpec[] = actors.slice(0, HEAD_ACTORS.length).filter((a) => random.chance(a.share ?? 0));
    for (const i of this.#zipf.actors.sample(random, random.int(3, 9))) chosen.push(at(actors, HEAD_ACTORS.length + i));
    const crossings = random.chance(0.55)
      ? this.#zipf.crossings.sample(random, random.int(1, 2)).map((i) => at(this.#byFolder.crossings, i))
      : [];
    const themes = this.#zipf.themes.sample(random, random.int(1, 3)).map((i) => at(this.#byFolder.themes, i));
    return { actors: chosen, crossings, themes };
  }

  write(published: string): Draft {
    const { random } = this;
    const chosen = this.#choose();
    const mdx = random.chance(0.7);
    const spelled = new Set<string>();
    const spell = (e: EntitySpec): string => {
      const first = !spelled.has(e.id);
      spelled.add(e.id);
      const name = first && random.chance(0.7) ? e.name : random.pick([e.name, ...e.aliases]);
      // Themes read as common nouns mid-sentence; the engine matches them in any case.
      return e.folder === "themes" ? name[0]?.toLowerCase() + name.slice(1) : name;
    };
    // Every tagged entity must be named in a paragraph, list item or table cell at least once.
    const pending = [...chosen.actors, ...chosen.crossings, ...chosen.themes];
    const next = (folder: EntityFolder, not?: EntitySpec): EntitySpec | undefined => {
      const i = pending.findIndex((e) => e.folder === folder && e !== not);
      if (i >= 0) return pending.splice(i, 1)[0];
      const pool = chosen[folder].filter((e) => e !== not);
      return pool.length ? random.pick(pool) : undefined;
    };
    const sentence = (): string => {
      const kinds: (EntityFolder | "none")[] = ["actors", "crossings", "themes", "none", "none"];
      const wanted = pending[0] && random.chance(0.75) ? pending[0].folder : random.pick(kinds);
      if (wanted === "actors" && chosen.actors.length) {
        const a = next("actors");
        const two = chosen.actors.length > 1;
        const template = random.pick(two ? ACTOR_SENTENCES : ACTOR_SENTENCES.filter((t) => !t.includes("{B}")));
        const slots: Record<string, string> = { A: a ? spell(a) : "" };
        const b = template.includes("{B}") ? next("actors", a) : undefined;
        if (b) slots["B"] = spell(b);
        return fill(template, slots, random);
      }
      if (wanted === "crossings" && chosen.crossings.length) {
        const c = next("crossings");
        return fill(random.pick(CROSSING_SENTENCES), { C: c ? spell(c) : "" }, random);
      }
      if (wanted === "themes" && chosen.themes.length) {
        const t = next("themes");
        return fill(random.pick(THEME_SENTENCES), { T: t ? spell(t) : "" }, random);
      }
      return fill(random.pick(NEUTRAL_SENTENCES), {}, random);
    };
    const paragraph = (n: number) => Array.from({ length: n }, sentence).join(" ");

    // Events first: the body states each date it does not explain with a note, as a briefing does.
    const events = this.#events(published, chosen);
    const target = random.int(400, 700);
    const blocks: string[] = [paragraph(random.int(3, 4))];
    if (events.stated.length) blocks.push(events.stated.join(" "));
    let words = wordsIn(blocks[0] ?? "");
    const headings = [...HEADINGS];
    // About three articles in ten carry a table.
    const wantsTable = random.chance(0.3);
    let hasTable = false;
    let usedNote = false;
    let usedQuote = false;
    while (words < target || pending.length > 0) {
      const heading = headings.splice(random.int(0, headings.length - 1), 1)[0] ?? "More details";
      const sectionStart = blocks.length;
      blocks.push(`## ${heading}`);
      if (random.chance(0.5)) {
        blocks.push(paragraph(random.int(4, 6)));
        if (random.chance(0.4)) blocks.push(paragraph(random.int(3, 5)));
      } else {
        blocks.push(Array.from({ length: random.int(4, 6) }, () => `- ${sentence()}`).join("\n"));
      }
      if (wantsTable && !hasTable && words > 150) {
        hasTable = true;
        blocks.push(`## ${chosen.crossings.length ? TABLE_HEADINGS[0] : TABLE_HEADINGS[1]}`);
        if (chosen.crossings.length) {
          const rows = chosen.crossings.map((c) => {
            const status = this.#status.get(c.id) ?? "open";
            // A crossing named only in the table still counts as named: table cells are blocks.
            const i = pending.indexOf(c);
            if (i >= 0) pending.splice(i, 1);
            return `| ${spell(c)} | ${STATUS_WORDS[status]} | ${random.int(0, 3000).toLocaleString("en-GB")} |`;
          });
          blocks.push(["| Crossing | Status | Lorries waiting |", "| --- | --- | ---: |", ...rows].join("\n"));
        } else {
          const rows = shuffle([...FIGURES], random).slice(0, random.int(2, 4));
          blocks.push(
            [
              "| Figure | Number |",
              "| --- | ---: |",
              ...rows.map((f) => `| ${f} | ${random.int(3, 9000).toLocaleString("en-GB")} |`),
            ].join("\n"),
          );
        }
      }
      if (mdx && !usedNote && random.chance(0.2)) {
        usedNote = true;
        blocks.push(`<Note title="Background">${random.pick(NOTE_SENTENCES)}</Note>`);
      }
      const speaker = chosen.actors.find((a) => a.kind === "person");
      if (mdx && !usedQuote && speaker && random.chance(0.15)) {
        usedQuote = true;
        blocks.push(`<Quote speaker="${speaker.id}" role="in a statement">${random.pick(QUOTES)}</Quote>`);
      }
      words += blocks
        .slice(sectionStart)
        .reduce((n, b) => n + (b.startsWith("## ") ? 0 : wordsIn(b.replace(/<[^>]*>|\|/g, " "))), 0);
      if (blocks.length > 60) throw new Error("corpus: an article body did not converge");
    }

    // Tags are exactly what the body names; a theme is always named (each article has at least one).
    const tags = {
      actors: chosen.actors.map((e) => e.id),
      crossings: chosen.crossings.map((e) => e.id),
      themes: chosen.themes.map((e) => e.id),
    };
    const [lead = at(this.#byFolder.actors, 0), other] = shuffle([...chosen.actors], random);
    const crossing = chosen.crossings[0];
    const theme = at(chosen.themes, 0);
    const title = random.pick(
      [
        other ? `${lead.name} and ${other.name} hold talks amid strains over ${theme.name.toLowerCase()}` : "",
        crossing ? `${crossing.name} closure leaves traders counting losses` : "",
        other ? `${lead.name} accuses ${other.name} of sheltering fighters` : "",
        `${lead.name} pledges action on ${theme.name.toLowerCase()}`,
        crossing ? `${lead.name} sets conditions for reopening ${crossing.name}` : "",
      ].filter(Boolean),
    );
    const base = `${published}-${slugify(title).split("-").slice(0, 7).join("-")}`;
    let id = base;
    for (let n = 2; this.#ids.has(id); n++) id = `${base}-${n}`;
    this.#ids.add(id);

    const ext = mdx ? "mdx" : "md";
    const frontmatter = [
      `title: ${yaml(title)}`,
      `published: ${published}`,
      ...(random.chance(0.05)
        ? [`publishedNote: ${yaml("Not stated; inferred from the events the text dates.")}`]
        : []),
      ...(random.chance(0.8) ? [`outlet: ${yaml(random.pick(OUTLETS))}`] : []),
      ...(random.chance(0.7) ? [`url: https://news.example/${id}`] : []),
      ...(random.chance(0.6) ? [`dateline: ${random.pick(DATELINES)}`] : []),
      `summary: ${yaml(`${lead.name} is at the centre of this report. ${fill(random.pick(NEUTRAL_SENTENCES), {}, random)}`)}`,
      `actors: ${yamlList(tags.actors)}`,
      `crossings: ${yamlList(tags.crossings)}`,
      `themes: ${yamlList(tags.themes)}`,
      "events:",
      ...events.lines,
    ];
    const text = `---\n${frontmatter.join("\n")}\n---\n\n${blocks.join("\n\n")}\n`;
    return {
      text,
      article: {
        id,
        file: `articles/${id}.${ext}`,
        published,
        tags,
        events: events.count,
        statusEvents: events.statusCount,
        words,
        hasTable,
      },
    };
  }

  /** 2–5 events on or before the publication day; a crossing's status moves on from where it last was. */
  #events(published: string, chosen: Record<EntityFolder, EntitySpec[]>) {
    const { random } = this;
    const lines: string[] = [];
    /** Sentences for the body that state an event's date at its precision. */
    const stated: string[] = [];
    const count = random.int(2, 5);
    let statusCount = 0;
    const day = Date.parse(`${published}T00:00:00Z`);
    // Two events of one article never share a date and a summary: that would be one event written twice, and the
    // content check rejects it (their ids would clash; see src/lib/rules/event-ids.ts).
    const written = new Set<string>();
    for (let i = 0; i < count; i++) {
      const iso = isoDay(day - (i === 0 ? 0 : random.int(1, 45)) * DAY_MS);
      const precision = random.next();
      // Keep the precision the source gives: some events only have a month or a year.
      const date = precision < 0.7 ? iso : precision < 0.95 ? iso.slice(0, 7) : iso.slice(0, 4);
      // Most dates are stated in the text; some were worked out, and a note says how.
      const noted = random.chance(0.2);
      const state = (summary: string) => {
        if (noted) return [`    dateNote: ${yaml('Not stated; inferred from "last week" in the report.')}`];
        const when =
          date.length === 10
            ? `On ${shortDate(date)}`
            : `In ${date.length === 7 ? `${MONTHS[Number(date.slice(5)) - 1]} ` : ""}${date.slice(0, 4)}`;
        stated.push(`${when}, ${summary}`);
        return [];
      };
      const crossing =
        chosen.crossings.length && statusCount === 0 && random.chance(0.5) ? random.pick(chosen.crossings) : undefined;
      if (crossing) {
        const before = this.#status.get(crossing.id);
        const status: Status =
          before === "closed"
            ? random.chance(0.8)
              ? "reopened"
              : "restricted"
            : before === "restricted"
              ? random.chance(0.5)
                ? "reopened"
                : "closed"
              : random.chance(0.75)
                ? "closed"
                : random.chance(0.8)
                  ? "restricted"
                  : "open";
        this.#status.set(crossing.id, status);
        statusCount++;
        const what = {
          closed: "is closed to all traffic",
          reopened: "reopens to trade and travellers",
          restricted: "opens to pedestrians only",
          open: "is open as normal",
        }[status];
        lines.push(
          `  - date: ${yaml(date)}`,
          ...state(`${crossing.name} ${what}.`),
          `    summary: ${yaml(`${crossing.name} ${what}.`)}`,
          `    crossings: [${crossing.id}]`,
          `    status: ${status}`,
        );
        continue;
      }
      const actors = chosen.actors.slice(0, random.int(0, Math.min(3, chosen.actors.length)));
      const what = random.pick([
        "holds talks on security",
        "issues a statement on the border",
        "announces new measures",
      ]);
      let summary = actors[0] ? `${actors[0].name} ${what}.` : "Local officials report an attack.";
      while (written.has(`${date} ${summary}`)) summary = `${summary.slice(0, -1)} again.`;
      written.add(`${date} ${summary}`);
      lines.push(
        `  - date: ${yaml(date)}`,
        ...state(summary),
        `    summary: ${yaml(summary)}`,
        ...(actors.length ? [`    actors: ${yamlList(actors.map((a) => a.id))}`] : []),
      );
    }
    return { lines, stated, count, statusCount };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entity entries: overview paragraphs and lists that cite the articles naming them.

function entityText(e: EntitySpec, citing: CorpusArticle[], fallback: CorpusArticle, random: Random): string {
  const sources = citing.length ? citing : [fallback];
  const cite = (a: CorpusArticle) => `[${shortDate(a.published)}](article:${a.id})`;
  const cites = (n: number) => [...new Set(Array.from({ length: n }, () => random.pick(sources)))].map(cite).join("; ");
  const also = e.aliases.length ? `, also written ${e.aliases.slice(0, 2).join(" or ")},` : "";
  // An overview cites only articles that name the entity; one no article names yet has none.
  const paragraphs = citing.length
    ? [`${e.name}${also} appears in ${citing.length} of the briefed articles (${cites(random.int(1, 3))}).`]
    : [];
  if (citing.length >= 3) {
    paragraphs.push(
      "## Recent reporting",
      citing
        .slice(-5)
        .map((a) => `- ${fill(random.pick(NEUTRAL_SENTENCES), {}, random).replace(/\.$/, "")} (${cite(a)}).`)
        .join("\n"),
    );
  }
  if (citing.length >= 10) {
    paragraphs.push(`${fill(random.pick(NEUTRAL_SENTENCES), {}, random).replace(/\.$/, "")} (${cites(2)}).`);
  }
  const fields = [`name: ${yaml(e.name)}`, `aliases: [${e.aliases.map(yaml).join(", ")}]`];
  if (e.folder === "actors") {
    fields.push(`kind: ${e.kind}`);
    if (e.country) fields.push(`country: ${e.country}`);
    if (e.kind === "person") {
      fields.push("roles:");
      for (const source of sources.slice(0, random.int(1, 2))) {
        fields.push(`  - title: ${yaml(random.pick(ROLE_TITLES))}`);
        if (random.chance(0.5)) fields.push(`    from: ${yaml(source.published.slice(0, 7))}`);
        fields.push(`    source: ${source.id}`);
      }
    }
  } else if (e.folder === "crossings" && e.location) {
    fields.push(`location: { lat: ${e.location.lat}, lon: ${e.location.lon} }`);
    if (e.between) fields.push(`between: [${e.between.map(yaml).join(", ")}]`);
  }
  fields.push(`summary: ${yaml(e.summary)}`);
  return `---\n${fields.join("\n")}\n---\n\n${paragraphs.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------------

export function generateCorpus(options: CorpusOptions): Corpus {
  const { articles: n, seed = 42, extra = 0 } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`corpus: articles must be a positive integer, not ${n}`);
  const entities = generateEntities(options.entities ?? defaultEntityCount(n), new Random(seed));
  const writer = new ArticleWriter(entities, new Random(seed + 1));

  const drafts: Draft[] = [];
  for (let i = 0; i < n + extra; i++) {
    // A few a day, oldest first, over three years; the extra articles land on the last day.
    const day = i < n ? Math.floor((i * DAYS) / n) : DAYS - 1;
    drafts.push(writer.write(isoDay(START + day * DAY_MS)));
  }

  const files = new Map<string, string>();
  files.set(
    "site.yaml",
    "title: Synthetic briefing\ndescription: A synthetic corpus for benchmarks.\nlang: en-GB\nintro: Generated articles and entities.\n",
  );
  // Entries cite only the first `n` articles, so adding articles later does not change them.
  const citing = new Map<string, CorpusArticle[]>();
  for (const { article } of drafts.slice(0, n)) {
    for (const id of Object.values(article.tags).flat()) {
      const list = citing.get(id);
      if (list) list.push(article);
      else citing.set(id, [article]);
    }
  }
  const bodies = new Random(seed + 2);
  const first = at(drafts, 0).article;
  for (const e of entities) files.set(`${e.folder}/${e.id}.md`, entityText(e, citing.get(e.id) ?? [], first, bodies));
  for (const { article, text } of drafts) files.set(article.file, text);

  return {
    entities: entities.map(({ folder, id, name, aliases }) => ({ folder, id, name, aliases })),
    articles: drafts.map((d) => d.article),
    files,
  };
}

/** Writes a corpus as a content folder, replacing whatever `dir` held. */
export function writeCorpusFiles(dir: string, corpus: Corpus): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of corpus.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * Writes a corpus of `nArticles` articles (and by default max(300, nArticles / 10) entities) to `dir`; returns its
 * entities, most frequently named first within each kind.
 */
export function writeCorpus(dir: string, nArticles: number, nEntities?: number, seed?: number): CorpusEntity[] {
  const corpus = generateCorpus({
    articles: nArticles,
    ...(nEntities === undefined ? {} : { entities: nEntities }),
    ...(seed === undefined ? {} : { seed }),
  });
  writeCorpusFiles(dir, corpus);
  return corpus.entities;
}

/**
 * Adds the next article to a corpus written with the same options, as an editor adding one file would: nothing
 * else changes. Returns the new article (its `file` is relative to `dir`).
 */
export function addArticle(dir: string, options: CorpusOptions): CorpusArticle {
  const corpus = generateCorpus({ ...options, extra: (options.extra ?? 0) + 1 });
  const article = at(corpus.articles, corpus.articles.length - 1);
  writeFileSync(join(dir, article.file), corpus.files.get(article.file) ?? "");
  return article;
}
