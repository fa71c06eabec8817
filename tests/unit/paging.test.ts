import { describe, expect, it } from "vitest";
import { monthJumps, pageLinks, pageParam, pagePath, paginate, rangeText } from "../../src/lib/paging.ts";

describe("pagePath and pageParam", () => {
  it.each([
    ["/articles/", 1, "/articles/", undefined],
    ["/articles/", 2, "/articles/page/2/", "page/2"],
    ["/actors/ttp/timeline/", 12, "/actors/ttp/timeline/page/12/", "page/12"],
  ])("%s, page %i is at %s", (first, n, path, param) => {
    expect(pagePath(first, n)).toBe(path);
    expect(pageParam(n)).toBe(param);
  });
});

describe("paginate", () => {
  const dated = [
    [2025, 3],
    [2025, 3],
    [2025, 1],
    [2024, 12],
    [2024, undefined],
    [2022, 5],
    [2021, 1],
  ].map(([year, month], i) => ({ id: `a${i + 1}`, year: year as number, month }));
  const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

  it("cuts a list into pages in its own order, numbering items across pages", () => {
    const paged = paginate(dated, 3, "/articles/");
    expect(paged.total).toBe(7);
    expect(paged.pages.map((p) => [p.number, p.path, ids(p.items), p.from, p.to])).toEqual([
      [1, "/articles/", ["a1", "a2", "a3"], 1, 3],
      [2, "/articles/page/2/", ["a4", "a5", "a6"], 4, 6],
      [3, "/articles/page/3/", ["a7"], 7, 7],
    ]);
  });

  it("gives an empty list one empty page, and a list that fits one page", () => {
    expect(paginate([], 3, "/x/").pages).toEqual([{ number: 1, path: "/x/", items: [], from: 0, to: 0 }]);
    expect(paginate(dated, 7, "/x/").pages.map((p) => ids(p.items))).toEqual([ids(dated)]);
  });

  it("says on which page each year and each month starts, in list order", () => {
    const at = (page: number) => ({ page, path: page === 1 ? "/articles/" : `/articles/page/${page}/` });
    expect(paginate(dated, 2, "/articles/", (d) => d).years).toEqual([
      {
        year: 2025,
        ...at(1),
        lastPage: 2,
        months: [
          { month: 3, ...at(1) },
          { month: 1, ...at(2) },
        ],
      },
      {
        year: 2024,
        ...at(2),
        lastPage: 3,
        months: [
          { month: 12, ...at(2) },
          { month: undefined, ...at(3) },
        ],
      },
      { year: 2022, ...at(3), lastPage: 3, months: [{ month: 5, ...at(3) }] },
      { year: 2021, ...at(4), lastPage: 4, months: [{ month: 1, ...at(4) }] },
    ]);
    expect(paginate(dated, 3, "/articles/").years).toEqual([]);
  });

  it.each([0, -1, 2.5])("refuses %s items per page", (perPage) => {
    expect(() => paginate(dated, perPage, "/x/")).toThrow(RangeError);
  });
});

describe("monthJumps", () => {
  const paged = paginate(
    [
      { year: 2025, month: 3 },
      { year: 2025, month: 3 },
      { year: 2025, month: 2 },
      { year: 2025, month: 1 },
      { year: 2024, month: 12 },
      { year: 2023, month: 6 },
      { year: 2023, month: 6 },
      { year: 2023, month: 6 },
    ],
    2,
    "/t/",
    (d) => d,
  );
  const years = (n: number) => monthJumps(paged, paged.pages[n - 1] as (typeof paged.pages)[number]).map((y) => y.year);

  it.each([
    // 2025 runs over pages 1-2 in three months; on page 3 2024 ends the page and 2023 starts, one month each.
    [1, [2025]],
    [2, [2025]],
    [3, []],
    [4, []],
  ])("on page %i lists the months of %j", (n, expected) => {
    expect(years(n)).toEqual(expected);
  });
});

describe("pageLinks", () => {
  it.each([
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [2, 3, [1, 2, 3]],
    [1, 5, [1, 2, null, 5]],
    [3, 5, [1, 2, 3, 4, 5]],
    [1, 20, [1, 2, null, 20]],
    [4, 20, [1, 2, 3, 4, 5, null, 20]],
    [10, 20, [1, null, 9, 10, 11, null, 20]],
    [19, 20, [1, null, 18, 19, 20]],
    [20, 20, [1, null, 19, 20]],
  ])("on page %i of %i links to %j", (current, count, expected) => {
    expect(pageLinks(current, count)).toEqual(expected);
  });

  it("widens the window around the current page on request", () => {
    expect(pageLinks(10, 20, 2)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  });
});

describe("rangeText", () => {
  it.each([
    [{ from: 51, to: 100 }, 4210, "en-GB", "51–100 of 4,210"],
    [{ from: 4201, to: 4210 }, 4210, "en-GB", "4,201–4,210 of 4,210"],
    [{ from: 7, to: 7 }, 7, "en", "7 of 7"],
    [{ from: 1001, to: 1050 }, 2000, "de", "1.001–1.050 of 2.000"],
  ])("describes %j of %i in %s as %s", (page, total, locale, text) => {
    expect(rangeText(page, total, locale)).toBe(text);
  });
});
