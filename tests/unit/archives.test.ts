import { describe, expect, it } from "vitest";
import { buildArchives, entityPageRoutes, mostCovered, pageRoutes, timelineArchive } from "../../src/lib/archives.ts";
import { loadContent } from "../../src/lib/content-files.ts";
import { buildModel } from "../../src/lib/model.ts";
import { pageKeys } from "../../src/lib/page-keys.ts";

// The fixture desk: five published articles, 2025 and 2026, four events.
const { input } = loadContent("tests/fixtures/content", { includeDrafts: false });
const model = buildModel(input);
const lists = { perPage: 2, recent: 2, mentionsPerArticle: 1, connected: 1 };
const archives = buildArchives(model, lists);
const ids = (pages: { items: { id: string }[] }[]) => pages.map((p) => p.items.map((a) => a.id));
const anchors = (pages: { items: { anchor: string }[] }[]) => pages.map((p) => p.items.map((e) => e.anchor));

describe("buildArchives", () => {
  it("pages every article, newest first, with where each year and month starts", () => {
    expect(ids(archives.articles.pages)).toEqual([
      ["markup-in-title", "components"],
      ["gfm-showcase", "ministry-talks-after-reopening"],
      ["gate-closes-for-repairs"],
    ]);
    const page2 = { page: 2, path: "/articles/page/2/" };
    expect(archives.articles.years).toEqual([
      { year: 2026, page: 1, path: "/articles/", lastPage: 2, months: [{ month: 1, page: 1, path: "/articles/" }] },
      {
        year: 2025,
        ...page2,
        lastPage: 3,
        months: [
          { month: 11, ...page2 },
          { month: 6, page: 3, path: "/articles/page/3/" },
        ],
      },
    ]);
  });

  it("pages every event on the timeline newest first, and again oldest first", () => {
    expect([archives.timeline.order, archives.timeline.path]).toEqual(["newest-first", "/timeline/"]);
    expect(anchors(archives.timeline.pages)).toEqual([
      ["gfm-showcase-2026-01-2815a3", "ministry-talks-after-reopening-2025-11-03-e0287a"],
      ["ministry-talks-after-reopening-2025-10-e5c524", "gate-closes-for-repairs-2025-06-10-9f8def"],
    ]);
    expect([archives.timelineOldest.order, archives.timelineOldest.path]).toEqual([
      "oldest-first",
      "/timeline/oldest/",
    ]);
    expect(anchors(archives.timelineOldest.pages)).toEqual([
      ["gate-closes-for-repairs-2025-06-10-9f8def", "ministry-talks-after-reopening-2025-10-e5c524"],
      ["ministry-talks-after-reopening-2025-11-03-e0287a", "gfm-showcase-2026-01-2815a3"],
    ]);
  });

  it("gives an entity its most recent articles, events and status changes, its most connected, and archives of all", () => {
    const gate = archives.entities.get("crossing:north-gate");
    expect(gate?.recentArticles.map((r) => r.article.id)).toEqual(["markup-in-title", "components"]);
    expect(gate?.recentEvents.map((e) => e.anchor)).toEqual([
      "ministry-talks-after-reopening-2025-10-e5c524",
      "gfm-showcase-2026-01-2815a3",
    ]);
    expect(gate?.connected.map((r) => [r.entity.id, r.count])).toEqual([["border-crossings", 5]]);
    // The rest unfold on the page, strongest first, up to a page's worth (perPage: 2).
    expect(gate?.allConnected.map((r) => [r.entity.id, r.count])).toEqual([
      ["border-crossings", 5],
      ["example-ministry", 3],
    ]);
    expect(gate?.articles?.path).toBe("/crossings/north-gate/articles/");
    expect(gate?.articles?.pages.map((p) => p.items.map((r) => r.article.id))).toEqual([
      ["markup-in-title", "components"],
      ["gfm-showcase", "ministry-talks-after-reopening"],
      ["gate-closes-for-repairs"],
    ]);
    expect(gate?.statusHistory.map((e) => `${e.date.iso} ${e.status}`)).toEqual(["2025-10 reopened", "2026-01 closed"]);
    expect(gate?.timeline?.path).toBe("/crossings/north-gate/timeline/");
    expect(anchors(gate?.timeline?.pages ?? [])).toEqual([
      ["gate-closes-for-repairs-2025-06-10-9f8def", "ministry-talks-after-reopening-2025-10-e5c524"],
      ["gfm-showcase-2026-01-2815a3"],
    ]);
  });

  it("unfolds nothing when the strongest few are all there are", () => {
    const roomy = buildArchives(model, { ...lists, connected: 10 }).entities.get("crossing:north-gate");
    expect(roomy?.connected.length).toBe(model.entities.get("crossing:north-gate")?.related.length);
    expect(roomy?.allConnected).toEqual([]);
  });

  it("makes no archive of a list the entity page shows whole", () => {
    const ministry = archives.entities.get("actor:example-ministry");
    expect(ministry?.recentEvents.map((e) => e.anchor)).toEqual(["ministry-talks-after-reopening-2025-11-03-e0287a"]);
    expect(ministry?.timeline).toBeUndefined();
    expect(ministry?.articles?.pages.length).toBe(2);
    const roomy = buildArchives(model, { ...lists, recent: 10 }).entities.get("crossing:north-gate");
    expect([roomy?.articles, roomy?.timeline]).toEqual([undefined, undefined]);
    // Without a timeline archive to hold the rest, the status history stays whole.
    expect(roomy?.statusHistory.length).toBe(3);
  });
});

describe("timelineArchive", () => {
  it("builds the same events newest first, the date jumps following that order", () => {
    const newest = timelineArchive(model.events, "newest-first", 3, "/timeline/newest/");
    expect(anchors(newest.pages)).toEqual([
      [
        "gfm-showcase-2026-01-2815a3",
        "ministry-talks-after-reopening-2025-11-03-e0287a",
        "ministry-talks-after-reopening-2025-10-e5c524",
      ],
      ["gate-closes-for-repairs-2025-06-10-9f8def"],
    ]);
    const first = { page: 1, path: "/timeline/newest/" };
    expect(newest.years).toEqual([
      { year: 2026, ...first, lastPage: 1, months: [{ month: 1, ...first }] },
      {
        year: 2025,
        ...first,
        lastPage: 2,
        months: [
          { month: 11, ...first },
          { month: 10, ...first },
          { month: 6, page: 2, path: "/timeline/newest/page/2/" },
        ],
      },
    ]);
  });
});

describe("routes", () => {
  it("gives each page of a list its rest parameter", () => {
    expect(pageRoutes(archives.articles).map((r) => [r.params.page, r.props.page.number])).toEqual([
      [undefined, 1],
      ["page/2", 2],
      ["page/3", 3],
    ]);
  });

  it("gives each page of each entity's archive its id and rest parameter, for entities that have one", () => {
    const routes = entityPageRoutes(model.actors, archives, "timeline");
    expect(routes).toEqual([]);
    expect(
      entityPageRoutes(model.crossings, archives, "articles").map((r) => [
        r.params.id,
        r.params.page,
        r.props.view.entity.id,
      ]),
    ).toEqual([
      ["north-gate", undefined, "north-gate"],
      ["north-gate", "page/2", "north-gate"],
      ["north-gate", "page/3", "north-gate"],
    ]);
  });
});

describe("cache keys", () => {
  const keysOf = (m: typeof model, list: "articles" | "timeline") => {
    const key = pageKeys(m, lists);
    return pageRoutes(buildArchives(m, lists)[list], key).map((r) => r.cacheKey);
  };
  // The oldest article, alone on page 3, retitled.
  const retitled = buildModel({
    ...input,
    articles: input.articles.map((a) =>
      a.id === "gate-closes-for-repairs" ? { ...a, data: { ...a.data, title: "North Gate shuts for roadworks" } } : a,
    ),
  });

  it("change for the pages that show what changed, and only for them", () => {
    const [before, after] = [keysOf(model, "articles"), keysOf(retitled, "articles")];
    expect(before.map((k, i) => k === after[i])).toEqual([true, true, false]);
    // The timeline's events name their article: the page with its event changes.
    const [was, is] = [keysOf(model, "timeline"), keysOf(retitled, "timeline")];
    expect(was.map((k, i) => k === is[i])).toEqual([true, false]);
  });

  it("are made for every page of every entity archive", () => {
    const routes = entityPageRoutes(model.crossings, archives, "timeline", pageKeys(model, lists));
    expect(routes.map((r) => typeof r.cacheKey)).toEqual(["string", "string"]);
    expect(new Set(routes.map((r) => r.cacheKey)).size).toBe(2);
  });
});

describe("mostCovered", () => {
  it("keeps the views named in the most articles, in the order given", () => {
    const views = [...model.actors, ...model.crossings, ...model.themes];
    expect(views.map((v) => [v.entity.id, v.articles.length])).toEqual([
      ["example-ministry", 3],
      ["north-gate", 5],
      ["border-crossings", 5],
    ]);
    expect(mostCovered(views, 2).map((v) => v.entity.id)).toEqual(["north-gate", "border-crossings"]);
    expect(mostCovered(views, 5).map((v) => v.entity.id)).toEqual([
      "example-ministry",
      "north-gate",
      "border-crossings",
    ]);
  });
});
