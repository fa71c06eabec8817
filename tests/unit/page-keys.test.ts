/** Cache keys for the incremental build: a page's key changes exactly when something the page shows changes. */
import { describe, expect, it } from "vitest";
import { validateEntries, type RawEntry } from "../../src/lib/content-files.ts";
import { buildModel, type Model } from "../../src/lib/model.ts";
import { buildArchives } from "../../src/lib/archives.ts";
import { articleShown, entityShown, pageKeys } from "../../src/lib/page-keys.ts";
import { actorSchema, articleSchema, crossingSchema, themeSchema } from "../../src/lib/schemas.ts";

type Files = Record<string, Record<string, unknown> & { body?: string }>;

function raw(folder: string, files: Files): RawEntry[] {
  return Object.entries(files).map(([id, { body = "", ...frontmatter }]) => ({
    id,
    file: `content/${folder}/${id}.md`,
    frontmatter,
    body,
    bodyLine: 1,
    lineOf: () => undefined,
  }));
}

const ACTORS: Files = {
  ttp: { name: "TTP", kind: "armed-group", summary: "A group.", body: "A group ([s](article:a1))." },
  dar: { name: "Ishaq Dar", kind: "person", summary: "A minister.", body: "A minister ([s](article:a2))." },
  zaland: { name: "Zaland", kind: "person", summary: "An analyst.", body: "An analyst ([s](article:a3))." },
};
const ARTICLES: Files = {
  a1: { title: "One", published: "2025-01-10", summary: "S.", actors: ["ttp"], themes: ["talks"], body: "The TTP." },
  a2: {
    title: "Two",
    published: "2025-02-10",
    summary: "S.",
    actors: ["ttp", "dar"],
    themes: ["talks"],
    body: "The TTP and Ishaq Dar.",
  },
  a3: {
    title: "Three",
    published: "2025-03-10",
    summary: "S.",
    actors: ["zaland"],
    themes: ["talks"],
    body: "Zaland.",
  },
};

const THEMES: Files = { talks: { name: "Talks", summary: "Talks.", body: "Talks ([s](article:a1))." } };

function model(articles = ARTICLES, actors = ACTORS, themes = THEMES): Model {
  const problems: never[] = [];
  return buildModel({
    actors: validateEntries(raw("actors", actors), actorSchema, problems),
    crossings: validateEntries(raw("crossings", {}), crossingSchema, problems),
    themes: validateEntries(raw("themes", themes), themeSchema, problems),
    articles: validateEntries(raw("articles", articles), articleSchema, problems),
  });
}

/** Every page's key, as the routes compute them: `article:<id>` and the entity keys. */
function keys(m: Model, site: unknown = { title: "Desk" }): Record<string, string> {
  const key = pageKeys(m, site);
  const { entities } = buildArchives(m, { perPage: 50, recent: 10, mentionsPerArticle: 3, connected: 12 });
  return Object.fromEntries([
    ...m.articles.map((article) => [`article:${article.id}`, key(articleShown(article))]),
    ...[...m.entities.values()].map((view) => {
      const lists = entities.get(view.entity.key);
      if (!lists) throw new Error(`no lists for ${view.entity.key}`);
      return [view.entity.key, key(entityShown(view, lists))];
    }),
  ]);
}

/** The pages whose key differs between two models. */
function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
}

const edit = (id: string, patch: Record<string, unknown>): Files => ({
  ...ARTICLES,
  [id]: { ...ARTICLES[id], ...patch },
});

describe("pageKeys", () => {
  const base = keys(model());

  it("gives the same key to the same content, and a different key to every page", () => {
    expect(keys(model())).toEqual(base);
    expect(new Set(Object.values(base)).size).toBe(Object.keys(base).length);
  });

  it.each<[string, () => Record<string, string>, string[]]>([
    [
      "an article's body changes where it names no one: its page only",
      () => keys(model(edit("a3", { body: "Zaland. Nothing else changed." }))),
      ["article:a3"],
    ],
    [
      "an article's body changes where it names someone: its page and that entity's (the mention sentence)",
      () => keys(model(edit("a3", { body: "Zaland, again." }))),
      ["actor:zaland", "article:a3"],
    ],
    [
      // a1 and a2 list each other as related and a2 is a1's newer neighbour; the TTP page lists both.
      "an article's title changes: its page, the pages that list it, its neighbours and its entities' pages",
      () => keys(model(edit("a2", { title: "Two, retitled" }))),
      ["actor:dar", "actor:ttp", "article:a1", "article:a2", "article:a3", "theme:talks"],
    ],
    [
      "an entity's overview changes: its page only",
      () => keys(model(ARTICLES, { ...ACTORS, zaland: { ...ACTORS["zaland"], body: "Changed ([s](article:a3))." } })),
      ["actor:zaland"],
    ],
    [
      // The theme page's "Connected" list carries Zaland's card; the article page shows only names, and a name
      // change re-renders every page through Astro's config hash (render-digest.ts).
      "an entity's summary changes: its page and the pages that carry its card",
      () => keys(model(ARTICLES, { ...ACTORS, zaland: { ...ACTORS["zaland"], summary: "A professor." } })),
      ["actor:zaland", "theme:talks"],
    ],
    [
      "the site's settings change: every page",
      () => keys(model(), { title: "Another desk" }),
      Object.keys(base).sort(),
    ],
  ])("when %s", (_, after, expected) => {
    expect(changed(base, after())).toEqual(expected);
  });

  it("keeps the key of every page an added article does not touch", () => {
    const withTrade = model(
      {
        ...ARTICLES,
        a0: { title: "Zero", published: "2024-12-01", summary: "S.", actors: ["dar"], themes: ["trade"], body: "Dar." },
      },
      ACTORS,
      { ...THEMES, trade: { name: "Trade", summary: "Trade.", body: "Trade ([s](article:a0))." } },
    );
    // a0 is a1's older neighbour and shares Ishaq Dar with a2; a3, the TTP, Zaland and the talks stay as they were.
    expect(changed(base, keys(withTrade))).toEqual([
      "actor:dar",
      "article:a0",
      "article:a1",
      "article:a2",
      "theme:trade",
    ]);
  });

  it("keeps the pages a new newest article does not touch: the Updated date is stamped after, not keyed", () => {
    const withNewest = model({
      ...ARTICLES,
      a4: { title: "Four", published: "2025-04-10", summary: "S.", actors: ["dar"], themes: ["talks"], body: "Dar." },
    });
    // a4 is a3's newer neighbour, is related to a2 through Ishaq Dar and to a1 through the talks theme, and joins the
    // theme's page; the TTP's and Zaland's pages stay as they were, although every page's "Updated" line now shows
    // 10 April 2025 (updated-stamp.ts).
    expect(changed(base, keys(withNewest))).toEqual([
      "actor:dar",
      "article:a1",
      "article:a2",
      "article:a3",
      "article:a4",
      "theme:talks",
    ]);
  });
});
