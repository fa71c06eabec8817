/**
 * Scaffolds a new entry: `npm run new -- article "Headline" [--published YYYY-MM-DD] [--from source.txt]`, or
 * `npm run new -- actor|crossing|place|theme "Name"`. Every field is written out with a comment saying what goes there.
 * With --from, the mention engine proposes the actors, crossings, places and themes the source names, and capitalised names
 * that match no entry are listed as candidates for new actors. Never overwrites a file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadEntities } from "../src/lib/content-files.ts";
import { MentionMatcher, type Mention } from "../src/lib/mentions.ts";
import { collectionOf, mentionTargets } from "../src/lib/model.ts";

const USAGE = `Usage:
  npm run new -- article "Headline" [--published YYYY-MM-DD] [--from path/to/source.txt]
  npm run new -- actor "Name" | crossing "Name" | place "Name" | theme "Name"
Options: --content DIR (default: content)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

let parsed: ReturnType<typeof parseArgs<{ options: Options; allowPositionals: true }>>;
type Options = {
  published: { type: "string" };
  from: { type: "string" };
  content: { type: "string"; default: string };
};
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      published: { type: "string" },
      from: { type: "string" },
      content: { type: "string", default: process.env["CONTENT_DIR"] ?? "content" },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const [kind, name] = parsed.positionals;
const { content: contentDir, published, from } = parsed.values;
if (!kind || !["article", "actor", "crossing", "place", "theme"].includes(kind))
  fail("Say what to create: article, actor, crossing, place or theme.");
if (!name?.trim()) fail(`Give the ${kind}'s ${kind === "article" ? "headline" : "name"} in quotes.`);

/** A URL-safe id: lower case ASCII words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const q = (s: string) => JSON.stringify(s);
const today = new Date().toISOString().slice(0, 10);

function write(folder: string, file: string, text: string): void {
  const path = join(contentDir, folder, file);
  if (existsSync(path)) fail(`${path} already exists; nothing was written. Choose another name or edit that file.`);
  mkdirSync(join(contentDir, folder), { recursive: true });
  writeFileSync(path, text);
  console.log(`Created ${path}`);
}

/** Capitalised names in a text that no entry claims: candidates for new actors. */
function candidates(text: string, mentions: Mention[]): string[] {
  const claimed = mentions.map((m) => [m.start, m.end] as const);
  const skip = new Set(
    "The A An In On At By For From To Of And But Or As It Its This That These Those He She They We His Her Their Our After Before During Despite While Since Although However Earlier Last Political Scroll Top Security Following Coinciding According Some Both Everyone Let One Sources Airstrikes Relations Khan Pakistani Afghan Afghans Indian American Taliban’s Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December".split(
      " ",
    ),
  );
  const found = new Map<string, number>();
  const name = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|al|ud|e|i|bin)\s+)?\p{Lu}[\p{L}’'-]*)*/gu;
  for (const m of text.matchAll(name)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (claimed.some(([s, e]) => start < e && end > s)) continue;
    // Drop sentence-opening words ("A Pakistani delegation") and possessives.
    const words = m[0].replace(/[’']s$/, "").split(/\s+/);
    while (words.length > 0 && skip.has(words[0] ?? "")) words.shift();
    const value = words.join(" ");
    if (!value || skip.has(value) || value === value.toUpperCase()) continue;
    found.set(value, (found.get(value) ?? 0) + 1);
  }
  return [...found.keys()].sort();
}

if (kind === "article") {
  const date = published ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--published must be a date written YYYY-MM-DD, not "${date}".`);
  const proposed = {
    actors: new Map<string, Set<string>>(),
    crossings: new Map<string, Set<string>>(),
    places: new Map<string, Set<string>>(),
    themes: new Map<string, Set<string>>(),
  };
  let extra: string[] = [];
  if (from) {
    if (!existsSync(from)) fail(`There is no file at ${from}.`);
    const text = readFileSync(from, "utf8");
    const mentions = new MentionMatcher(mentionTargets(loadEntities(contentDir))).find(text);
    for (const m of mentions) {
      const list = proposed[collectionOf[m.kind]];
      if (!list.has(m.id)) list.set(m.id, new Set());
      list.get(m.id)?.add(m.text);
    }
    extra = candidates(text, mentions);
    console.log(`Proposed from ${from}:`);
    for (const [field, list] of Object.entries(proposed)) {
      console.log(
        `  ${field}: ${[...list].map(([id, spellings]) => `${id} (${[...spellings].join(", ")})`).join("; ") || "none"}`,
      );
    }
    console.log(`  candidate new actors (names that match no entry): ${extra.join(", ") || "none"}`);
  }
  const list = (field: keyof typeof proposed) => {
    const entries = [...proposed[field]];
    if (entries.length === 0) return `${field}: []\n`;
    return `${field}:\n${entries.map(([id, spellings]) => `  - ${id} # matched: ${[...spellings].join(", ")}\n`).join("")}`;
  };
  const text = `---
# Our headline for the article, not the original's.
title: ${q(name)}
# Publication date, YYYY-MM-DD.${published ? "" : " Today's date was filled in: change it to the source's date."}
published: ${date}
# How the date was worked out when the text does not state it: what the text gives and where the rest comes from.
# publishedNote: Not stated; the text gives only "on Friday", and another report dates the meeting 22 March 2025.
# The publisher, only where the text shows it.
# outlet: Amu TV
# The original's address.
# url: https://example.org/original-article
# The original's headline, exactly as published, if the text shows it.
# originalTitle: Pakistani delegation holds talks with Taliban in Kabul
# The dateline city, if the text has one.
# dateline: Kabul
# One or two sentences for lists, search results and the feed (required, at most 400 characters).
summary: ""
# Ids of everyone the briefing names (content/actors/). The body must name each one, by its name or an alias.
${list("actors")}# Ids of the crossings the briefing names (content/crossings/).
${list("crossings")}# Ids of the places the briefing names (content/places/): cities, provinces, countries.
${list("places")}# The one to three themes the article is substantially about (content/themes/): the proposals are only keywords
# found in the source, so keep the ones that fit and delete the rest.
${list("themes")}# Dated developments the article reports. Keep the source's precision: YYYY, YYYY-MM or YYYY-MM-DD.
events: []
#  - date: 2025-03-22
#    dateNote: The text says "on Saturday"; see publishedNote.   # only when the date is inferred: say how
#    summary: Torkham reopens fully after nearly a month.
#    crossings: [torkham]
#    places: [kabul]   # where it happened, if a place entry exists
#    status: reopened   # closed | reopened | open | restricted, for a change at a crossing
# true keeps the article out of the published site.
draft: true
---
${extra.length ? `\n{/* Names in the source that match no entry (add them to content/actors/ if they matter): ${extra.join(", ")} */}\n` : ""}
{/* Our briefing of the article, in our own words: a lead paragraph, then sections (## Heading) or bullets.
    Every fact, figure, claim and denial, and who said it. Quote only a few words, attributed, where the exact
    words are the news. Remove this comment and set draft: false when it is ready. */}
`;
  write("articles", `${date}-${slugify(name)}.mdx`, text);
} else {
  const folder = `${kind}s`;
  const specific =
    kind === "actor"
      ? `# person | government | organisation | armed-group | media
kind: person
# The country the actor belongs to, where known.
# country: Pakistan
# Titles held, each with the article (slug) that reports it; from/to dates are optional.
roles: []
#  - title: Acting foreign minister
#    source: dar-invites-muttaqi-to-islamabad
`
      : kind === "crossing"
        ? `# Where the crossing is, in decimal degrees.
location:
  lat: 0
  lon: 0
# The two sides' provinces or districts.
# between: ["Nangarhar province, Afghanistan", "Khyber district, Pakistan"]
`
        : kind === "place"
          ? `# city | district | province | region | country
kind: city
# Where it is, in decimal degrees (a city's centre, a province's middle): the one fact a place may take from
# outside the sources.
location:
  lat: 0
  lon: 0
# The id of the place it lies in (content/places/), e.g. afghanistan.
# in: afghanistan
# Only when the sources use this place's name for an actor ("Islamabad" for Pakistan's government): the actor's id.
# That actor keeps the shared name in the mention engine; tag the place on the articles that mean the place.
# shorthandFor: pakistan
`
          : "";
  const text = `---
# The name readers know best.
name: ${q(name)}
# Every other spelling and short form the sources use${kind === "theme" ? " (for a theme: its keywords)" : ""}. All-capital aliases match only in capitals.
aliases: []
${specific}# One sentence, shown in lists and as the page description (required).
summary: ""
---

The overview, written from the articles. Every paragraph or bullet cites the article it comes from, with a link
whose address is article:<slug>, for example ([22 Feb 2023](article:asif-delegation-kabul-torkham-closure)).
`;
  write(folder, `${slugify(name)}.md`, text);
}
