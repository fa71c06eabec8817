import { describe, expect, it } from "vitest";
import { validateEntries, type RawEntry } from "../../src/lib/content-files.ts";
import { checkContent } from "../../src/lib/check.ts";
import { eventId } from "../../src/lib/event-ids.ts";
import { buildModel, formatProblem, relatedArticles, type Problem } from "../../src/lib/model.ts";
import { actorSchema, articleSchema, crossingSchema, themeSchema } from "../../src/lib/schemas.ts";

/** Fixtures go through the real schemas, so they are valid content by construction. */
function entries(
  folder: string,
  ext: string,
  list: Record<string, { body?: string } & Record<string, unknown>>,
): RawEntry[] {
  return Object.entries(list).map(([id, { body = "", ...frontmatter }]) => ({
    id,
    file: `content/${folder}/${id}${ext}`,
    frontmatter,
    body,
    bodyLine: 1,
    lineOf: () => undefined,
  }));
}

const cite = (slug: string) => `([source](article:${slug}))`;

function fixture(overrides: { articles?: Parameters<typeof entries>[2] } = {}) {
  const problems: Problem[] = [];
  const input = {
    actors: validateEntries(
      entries("actors", ".md", {
        ttp: {
          name: "Tehrik-i-Taliban Pakistan",
          aliases: ["TTP", "Pakistani Taliban"],
          kind: "armed-group",
          summary: "A group.",
          body: `A group ${cite("a2")}.`,
        },
        taliban: {
          name: "Afghan Taliban",
          aliases: ["Taliban"],
          kind: "government",
          summary: "The rulers.",
          body: `Rulers ${cite("a2")}.`,
        },
        dar: {
          name: "Ishaq Dar",
          aliases: ["Dar"],
          kind: "person",
          summary: "A minister.",
          roles: [{ title: "Foreign minister", source: "a3" }],
          body: `Visited ${cite("a3")}.`,
        },
      }),
      actorSchema,
      problems,
    ),
    crossings: validateEntries(
      entries("crossings", ".md", {
        torkham: {
          name: "Torkham",
          location: { lat: 34.1, lon: 71.1 },
          summary: "A crossing.",
          body: `Closed and reopened ${cite("a1")}.`,
        },
      }),
      crossingSchema,
      problems,
    ),
    themes: validateEntries(
      entries("themes", ".md", {
        talks: {
          name: "Diplomacy and talks",
          aliases: ["talks"],
          summary: "Talks.",
          body: `Many ${cite("a1")} ${cite("a2")}.`,
        },
        // No article is about closures, though one says "closed": the theme has no articles and no overview.
        closures: { name: "Border closures", aliases: ["closed"], summary: "Closures." },
      }),
      themeSchema,
      problems,
    ),
    articles: validateEntries(
      entries(
        "articles",
        ".mdx",
        overrides.articles ?? {
          a1: {
            title: "Torkham closes",
            published: new Date("2023-02-22T00:00:00Z"),
            summary: "The crossing closed.",
            actors: ["taliban"],
            crossings: ["torkham"],
            themes: ["talks"],
            events: [
              {
                date: "2023-02-19",
                dateNote: "Inferred.",
                summary: "Torkham closes.",
                crossings: ["torkham"],
                status: "closed",
              },
            ],
            body: "The Taliban closed Torkham.\n\n- Talks followed.\n",
          },
          a2: {
            title: "Talks in Kabul",
            published: "2025-03-22",
            summary: "Talks about the TTP.",
            actors: ["taliban", "ttp"],
            crossings: ["torkham"],
            themes: ["talks"],
            events: [
              {
                date: "2025-03-22",
                dateNote: "Inferred.",
                summary: "Torkham reopens.",
                crossings: ["torkham"],
                status: "reopened",
              },
              {
                date: "2025-02",
                dateNote: "Inferred.",
                summary: "Torkham had closed.",
                crossings: ["torkham"],
                status: "closed",
              },
            ],
            body: "Talks with the Taliban on the TTP. The Pakistani Taliban were the topic.\n\nTorkham reopened.\n",
          },
          a3: {
            title: "Dar visits",
            published: "2025-04-20",
            summary: "A visit.",
            actors: ["dar", "taliban"],
            themes: ["talks"],
            events: [{ date: 2025, dateNote: "Inferred.", summary: "A year of talks.", actors: ["dar"] }],
            body: "Ishaq Dar held talks with the Taliban.\n",
          },
        },
      ),
      articleSchema,
      problems,
    ),
  };
  // The model only derives; the content rules judge it (check.ts).
  const checked = checkContent({ input });
  return { model: checked.model, problems, ruleProblems: checked.problems };
}

describe("buildModel", () => {
  const { model, problems, ruleProblems } = fixture();
  const view = (key: `${"actor" | "crossing" | "theme"}:${string}`) => {
    const v = model.entities.get(key);
    if (!v) throw new Error(`no ${key}`);
    return v;
  };

  it("accepts valid fixtures with no problems", () => {
    expect(problems).toEqual([]);
    expect(ruleProblems).toEqual([]);
  });

  it("orders articles newest first and links each to its older and newer neighbour", () => {
    expect(model.articles.map((a) => a.id)).toEqual(["a3", "a2", "a1"]);
    expect(model.articleById.get("a2")?.previous?.id).toBe("a1");
    expect(model.articleById.get("a2")?.next?.id).toBe("a3");
    expect(model.articleById.get("a1")?.previous).toBeUndefined();
  });

  it("records every sentence that names an entity, with its paragraph anchor and the names marked", () => {
    const talks = "Talks with the Taliban on the TTP.";
    const topic = "The Pakistani Taliban were the topic.";
    expect(model.articleById.get("a2")?.mentions).toEqual([
      { entity: "theme:talks", blockId: "p1", sentence: talks, marks: [[0, 5]], text: "Talks", count: 1 },
      { entity: "actor:taliban", blockId: "p1", sentence: talks, marks: [[15, 22]], text: "Taliban", count: 1 },
      { entity: "actor:ttp", blockId: "p1", sentence: talks, marks: [[30, 33]], text: "TTP", count: 1 },
      { entity: "actor:ttp", blockId: "p1", sentence: topic, marks: [[4, 21]], text: "Pakistani Taliban", count: 1 },
      {
        entity: "crossing:torkham",
        blockId: "p2",
        sentence: "Torkham reopened.",
        marks: [[0, 7]],
        text: "Torkham",
        count: 1,
      },
    ]);
  });

  it("lists, for each entity, exactly the articles that tag or mention it, newest first", () => {
    expect(view("actor:ttp").articles.map((r) => r.article.id)).toEqual(["a2"]);
    expect(view("theme:talks").articles.map((r) => r.article.id)).toEqual(["a3", "a2", "a1"]);
    expect(view("actor:taliban").articles.map((r) => r.article.id)).toEqual(["a3", "a2", "a1"]);
    expect(view("crossing:torkham").articles.map((r) => r.article.id)).toEqual(["a2", "a1"]);
    expect(view("actor:ttp").mentionCount).toBe(2);
  });

  it("lists a theme's articles by tag only: a keyword in a body does not put the article on the theme's page", () => {
    expect(model.articleById.get("a1")?.mentions.map((m) => m.entity)).toContain("theme:closures");
    expect(view("theme:closures").articles).toEqual([]);
    expect(model.articleById.get("a1")?.entities).not.toContain("theme:closures");
  });

  it("relates entities by the number of articles they share", () => {
    expect(view("actor:ttp").related.map((r) => [r.entity.id, r.count])).toEqual([
      ["taliban", 1],
      ["talks", 1],
      ["torkham", 1],
    ]);
    expect(view("actor:taliban").related.map((r) => [r.entity.id, r.count])).toEqual([
      ["talks", 3],
      ["torkham", 2],
      ["dar", 1],
      ["ttp", 1],
    ]);
  });

  it("ranks related articles by shared entities", () => {
    expect(model.articleById.get("a1")?.related.map((r) => [r.article.id, r.shared.length])).toEqual([
      ["a2", 3],
      ["a3", 2],
    ]);
  });

  it("puts every event on one timeline in date order, what is known only to the year after the year's months", () => {
    expect(model.events.map((e) => [e.date.iso, e.anchor])).toEqual([
      ["2023-02-19", "a1-2023-02-19-8800d7"],
      ["2025-02", "a2-2025-02-a0d399"],
      ["2025-03-22", "a2-2025-03-22-626d83"],
      ["2025", "a3-2025-9ccb62"],
    ]);
  });

  it("keeps each event's date note", () => {
    expect(model.events.map((e) => e.dateNote)).toEqual(["Inferred.", "Inferred.", "Inferred.", "Inferred."]);
  });

  it("builds a crossing's status history from its events", () => {
    expect(view("crossing:torkham").statusHistory.map((e) => [e.date.iso, e.status])).toEqual([
      ["2023-02-19", "closed"],
      ["2025-02", "closed"],
      ["2025-03-22", "reopened"],
    ]);
  });

  it("gives a theme the events of the articles tagged with it", () => {
    expect(view("theme:talks").events.map((e) => e.anchor)).toEqual([
      "a1-2023-02-19-8800d7",
      "a2-2025-02-a0d399",
      "a2-2025-03-22-626d83",
      "a3-2025-9ccb62",
    ]);
  });

  it("gives an actor one role line per title, with the article that reports it", () => {
    expect(view("actor:dar").roles.map((r) => [r.title, r.sources.map((a) => a.id)])).toEqual([
      ["Foreign minister", ["a3"]],
    ]);
    expect(view("actor:ttp").roles).toEqual([]);
  });
});

describe("typesetting", () => {
  const { model } = fixture({
    articles: {
      q: {
        title: `Dar's "frank" talks -- in Kabul`,
        published: "2025-04-20",
        publishedNote: `The text says "on Saturday".`,
        summary: "Pakistan's minister visits...",
        actors: ["dar"],
        themes: ["talks"],
        events: [
          { date: "2025-04", summary: `Dar calls talks "frank".`, dateNote: "Month 'inferred'.", actors: ["dar"] },
        ],
        body: "Ishaq Dar held talks.\n",
      },
    },
  });
  const article = model.articleById.get("q");

  it("sets an article's headline, summary, notes and event summaries as the body is set, for every page", () => {
    expect(article?.data.title).toBe("Dar’s “frank” talks — in Kabul");
    expect(article?.data.summary).toBe("Pakistan’s minister visits…");
    expect(article?.data.publishedNote).toBe("The text says “on Saturday”.");
    expect(article?.events.map((e) => [e.summary, e.dateNote])).toEqual([
      ["Dar calls talks “frank”.", "Month ‘inferred’."],
    ]);
  });

  it("keeps the frontmatter as written for the open data, and derives event ids from it", () => {
    expect(article?.written.title).toBe(`Dar's "frank" talks -- in Kabul`);
    expect(article?.events[0]?.written.summary).toBe(`Dar calls talks "frank".`);
    expect(article?.events[0]?.anchor).toBe(eventId("q", { date: "2025-04", summary: `Dar calls talks "frank".` }));
  });
});

describe("problems", () => {
  const problemsFor = (articles: Parameters<typeof entries>[2]) =>
    fixture({ articles }).ruleProblems.map(formatProblem);
  const base = { title: "T", published: "2025-01-01", summary: "S.", themes: ["talks"] };
  // The fixture's overviews cite a1–a3 as the default fixture tags them; cases that replace those articles are
  // about the articles' own problems, so only those are compared.
  const articleProblemsFor = (articles: Parameters<typeof entries>[2]) =>
    problemsFor(articles).filter((p) => p.startsWith("content/articles/"));

  it("reports an unknown id with the file, field, and the ids that exist", () => {
    expect(problemsFor({ x: { ...base, actors: ["taliban", "talibn"], body: "Talks with the Taliban." } })).toEqual([
      'content/articles/x.mdx: actors[1]: no actor has the id "talibn". Fix: did you mean "taliban"? Otherwise add content/actors/talibn.md.',
      // The fixture's entity bodies cite a1–a3, which this fixture does not have.
      "content/actors/ttp.md:1: body: the link to article:a2 points at no entry. Fix: use an existing article id.",
      "content/actors/taliban.md:1: body: the link to article:a2 points at no entry. Fix: use an existing article id.",
      "content/actors/dar.md:1: body: the link to article:a3 points at no entry. Fix: use an existing article id.",
      'content/actors/dar.md: roles[0].source: no article has the id "a3". Fix: use the file name (without .mdx) of an article in content/articles/.',
      "content/crossings/torkham.md:1: body: the link to article:a1 points at no entry. Fix: use an existing article id.",
      "content/themes/talks.md:1: body: the link to article:a1 points at no entry. Fix: use an existing article id.",
      "content/themes/talks.md:1: body: the link to article:a2 points at no entry. Fix: use an existing article id.",
    ]);
  });

  it("reports entities mentioned but not tagged, and tagged but not mentioned", () => {
    const found = articleProblemsFor({
      a1: { ...base, actors: ["dar"], body: "Talks with the Taliban." },
      a2: { ...base, body: "Talks." },
      a3: { ...base, body: "Talks." },
    });
    expect(found).toEqual([
      'content/articles/a1.mdx: actors: the body mentions actor "taliban" ("Taliban") but the article does not tag it. Fix: add taliban to actors, or reword the body.',
      'content/articles/a1.mdx: actors: the article tags actor "dar" but the body never mentions it. Fix: name it in the body (by its name or an alias), or remove dar from actors.',
    ]);
  });

  it("does not ask a body to name its themes, nor to tag the themes whose keywords it uses", () => {
    expect(
      articleProblemsFor({
        a1: {
          ...base,
          themes: ["talks"],
          body: "The Taliban closed Torkham.",
          actors: ["taliban"],
          crossings: ["torkham"],
        },
        a2: { ...base, themes: ["closures"], body: "Talks were held." },
        a3: { ...base, body: "Talks." },
      }),
    ).toEqual([]);
  });

  it("reports an event that involves an untagged entity, and a status without a crossing", () => {
    const found = articleProblemsFor({
      a1: {
        ...base,
        body: "Talks in January 2025.",
        events: [{ date: "2025-01", summary: "X.", actors: ["ttp"], status: "closed" }],
      },
      a2: { ...base, body: "Talks." },
      a3: { ...base, body: "Talks." },
    });
    expect(found).toEqual([
      'content/articles/a1.mdx: events[0].actors[0]: event 1 involves actor "ttp", which the article does not tag. Fix: add ttp to the article\'s actors.',
      "content/articles/a1.mdx: events[0].status: event 1 has a status but names no crossing. Fix: add the crossing's id to the event's crossings, or remove status.",
    ]);
  });
});

describe("relatedArticles", () => {
  // Eight articles, a1 (oldest) to a8, all naming the TTP (a hub); a1 and a8 also name Torkham, a4 and a5 Dar; each
  // has a theme of its own.
  const themes = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
  const problems: Problem[] = [];
  const tagged: Record<number, { actors?: string[]; crossings?: string[] }> = {
    1: { crossings: ["torkham"] },
    4: { actors: ["dar"] },
    5: { actors: ["dar"] },
    8: { crossings: ["torkham"] },
  };
  const articles = Object.fromEntries(
    themes.map((theme, i) => {
      const n = i + 1;
      const { actors = [], crossings = [] } = tagged[n] ?? {};
      const names = [actors.length ? "Ishaq Dar" : "", crossings.length ? "Torkham" : ""].filter(Boolean);
      return [
        `a${n}`,
        {
          title: `Article ${n}`,
          published: `2025-01-0${n}`,
          summary: "S.",
          actors: ["ttp", ...actors],
          crossings,
          themes: [theme],
          body: `The TTP, ${[...names, theme].join(", ")}.`,
        },
      ];
    }),
  );
  const input = {
    actors: validateEntries(
      entries("actors", ".md", {
        ttp: { name: "Tehrik-i-Taliban Pakistan", aliases: ["TTP"], kind: "armed-group", summary: "A group." },
        dar: { name: "Ishaq Dar", kind: "person", summary: "A minister." },
      }),
      actorSchema,
      problems,
    ),
    crossings: validateEntries(
      entries("crossings", ".md", { torkham: { name: "Torkham", location: { lat: 34, lon: 71 }, summary: "A gate." } }),
      crossingSchema,
      problems,
    ),
    themes: validateEntries(
      entries("themes", ".md", Object.fromEntries(themes.map((t) => [t, { name: t, summary: "A theme." }]))),
      themeSchema,
      problems,
    ),
    articles: validateEntries(entries("articles", ".mdx", articles), articleSchema, problems),
  };
  const model = buildModel(input);
  const ranked = (related: ReturnType<typeof relatedArticles>, id: string) =>
    related[model.articles.findIndex((a) => a.id === id)]?.map((r) => `${r.article.id}: ${r.shared.join(" ")}`);

  it("uses valid fixtures", () => {
    expect([...problems, ...checkContent({ input }).problems].map(formatProblem)).toEqual([]);
  });

  it("ranks by shared entities, then newest first, as comparing every pair would when no posting is long", () => {
    const related = relatedArticles(model.articles);
    expect(ranked(related, "a1")).toEqual([
      "a8: actor:ttp crossing:torkham",
      "a7: actor:ttp",
      "a6: actor:ttp",
      "a5: actor:ttp",
      "a4: actor:ttp",
    ]);
    expect(model.articleById.get("a1")?.related.map((r) => r.article.id)).toEqual(["a8", "a7", "a6", "a5", "a4"]);
  });

  it.each([
    ["a1", ["a8: actor:ttp crossing:torkham", "a3: actor:ttp"]],
    ["a8", ["a1: actor:ttp crossing:torkham", "a7: actor:ttp"]],
    ["a4", ["a5: actor:ttp actor:dar", "a3: actor:ttp"]],
    ["a5", ["a4: actor:ttp actor:dar", "a6: actor:ttp"]],
    ["a2", ["a3: actor:ttp", "a1: actor:ttp"]],
  ])("through a hub, offers %s only its neighbours in time, and rare entities from any time", (id, expected) => {
    expect(ranked(relatedArticles(model.articles, { limit: 2, window: 1 }), id)).toEqual(expected);
  });
});
