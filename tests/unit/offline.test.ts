import { describe, expect, it } from "vitest";
import { BudgetError, planPrecache, type CoreFiles } from "../../scripts/lib/precache.ts";
import { planSave, totals, type FileList, type OfflineFile, type SavedState } from "../../src/lib/offline.ts";

const FILES: OfflineFile[] = [
  ["", 100, "h0"],
  ["_astro/layout.css", 50, "c1"],
  ["_astro/search.js", 50, "j1"],
  ["articles/", 300, "a0"],
  ["articles/a/", 400, "a1"],
  ["articles/b/", 400, "a2"],
  ["offline/", 100, "o1"],
  ["pagefind/index/en_1.pf_index", 200, "p1"],
  ["search/", 100, "s1"],
  ["search/lookup.json", 150, "l1"],
];
const CORE: CoreFiles = { shell: ["offline/", "_astro/*"], wanted: ["", "search/", "search/lookup.json", "articles/"] };
const paths = (files: OfflineFile[]) => files.map(([path]) => path);

describe("planPrecache", () => {
  it("keeps the whole site while it fits the budget, with room for the edition", () => {
    const plan = planPrecache(FILES, CORE, 1850, 0);
    expect(plan.whole).toBe(true);
    expect(paths(plan.precache)).toEqual(paths(FILES));
    expect(plan.rest).toEqual([]);
    expect(planPrecache(FILES, CORE, 1850, 1).whole).toBe(false);
  });

  it("past the budget, keeps the shell and then the core files in order of need while they fit", () => {
    const plan = planPrecache(FILES, CORE, 800, 0);
    expect(plan.whole).toBe(false);
    // Shell 200, home 100, search 100, look-up 150: 550; the articles index (300) no longer fits.
    expect(paths(plan.precache)).toEqual([
      "",
      "_astro/layout.css",
      "_astro/search.js",
      "offline/",
      "search/",
      "search/lookup.json",
    ]);
    expect(paths(plan.leftOut)).toEqual(["articles/"]);
    expect(paths(plan.rest)).toEqual(["articles/", "articles/a/", "articles/b/", "pagefind/index/en_1.pf_index"]);
  });

  it("skips a core file that does not fit but keeps a later one that does", () => {
    const plan = planPrecache(FILES, { shell: ["offline/"], wanted: ["articles/", "search/"] }, 250, 0);
    expect(paths(plan.precache)).toEqual(["offline/", "search/"]);
    expect(paths(plan.leftOut)).toEqual(["articles/"]);
  });

  it("refuses a budget that cannot hold the shell, saying what to set", () => {
    const large = FILES.map(([path, bytes, revision]): OfflineFile => [path, bytes * 1000, revision]);
    expect(() => planPrecache(large, CORE, 150_000, 1000)).toThrow(BudgetError);
    expect(() => planPrecache(large, CORE, 150_000, 1000)).toThrow(
      "the offline budget (offlineBudgetMB in site.yaml) is 150.0 kB, but the offline page and the layout's " +
        "styles and scripts alone take 201.0 kB. Raise offlineBudgetMB to at least 0.3.",
    );
  });
});

describe("planSave", () => {
  const list = (files: OfflineFile[]): FileList => ({ build: "b2", files });
  const state = (revisions: Record<string, string>): SavedState => ({ build: "b1", status: "saved", revisions });

  it("downloads everything for a first save", () => {
    const plan = planSave(list(FILES), [], undefined);
    expect(plan).toEqual({ remove: [], fetch: FILES, kept: [] });
  });

  it("after a rebuild, keeps unchanged files, fetches changed and new ones, and removes the rest", () => {
    const saved = ["articles/", "articles/a/", "articles/b/", "articles/gone/"];
    const before = state({ "articles/": "a0-old", "articles/a/": "a1", "articles/b/": "a2", "articles/gone/": "g" });
    const plan = planSave(list(FILES.slice(3, 6)), saved, before);
    expect(plan.remove).toEqual(["articles/", "articles/gone/"]);
    expect(paths(plan.fetch)).toEqual(["articles/"]);
    expect(paths(plan.kept)).toEqual(["articles/a/", "articles/b/"]);
  });

  it("resumes a stopped save where it stopped", () => {
    const stopped: SavedState = { ...state({ "articles/a/": "a1" }), build: "b2", status: "stopped" };
    const plan = planSave(list(FILES.slice(3, 6)), ["articles/a/"], stopped);
    expect(paths(plan.fetch)).toEqual(["articles/", "articles/b/"]);
    expect(paths(plan.kept)).toEqual(["articles/a/"]);
  });

  it("does not trust saved files without a record of their revisions", () => {
    expect(planSave(list(FILES.slice(3, 6)), ["articles/a/"], undefined).remove).toEqual(["articles/a/"]);
  });
});

describe("totals", () => {
  it("counts files, pages and bytes", () => {
    expect(totals(FILES)).toEqual({ files: 10, pages: 6, bytes: 1850 });
  });
});
