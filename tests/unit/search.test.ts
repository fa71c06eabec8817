import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/content-files.ts";
import { buildModel } from "../../src/lib/model.ts";
import {
  BROWSE_LIMIT,
  browseGroups,
  buildNamesIndex,
  buildTitlesIndex,
  entitiesNamed,
  lookUp,
  pagefindFilters,
  readState,
  spellingsText,
  writeState,
  type EntityEntry,
  type LookupIndex,
} from "../../src/lib/search.ts";

const entity = (name: string, aliases: string[], facet: EntityEntry["facet"] = "actor"): EntityEntry => ({
  facet,
  type: facet === "actor" ? "Actor" : facet === "crossing" ? "Crossing" : "Theme",
  name,
  aliases,
});
const ENTITIES = [
  entity("Tehrik-i-Taliban Pakistan", ["TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan"]),
  entity("Afghan Taliban", ["Taliban"]),
  entity("Mohammad Sadiq Khan", ["Sadiq Khan", "Mohammad Sadiq", "Sadiq"]),
  entity("Faiz Mohammad Zaland", ["Zaland"]),
  entity("Nooruddin Azizi", ["Noor-ud-Din Azizi", "Azizi"]),
  entity("Inter-Services Intelligence", ["ISI"]),
  entity("Islamic State Khorasan", ["ISIS-K"]),
  entity("Torkham", [], "crossing"),
];
const names = (q: string) => entitiesNamed(q, ENTITIES).map((e) => e.name);

describe("entitiesNamed", () => {
  it.each([
    ["TTP", ["Tehrik-i-Taliban Pakistan"]],
    ["ttp", []],
    ["Tehreek-e-Taliban", ["Tehrik-i-Taliban Pakistan"]],
    ["tehreek–e–taliban pakistan", ["Tehrik-i-Taliban Pakistan"]],
    ["Taliban", ["Afghan Taliban"]],
    ["Mohammad Sadiq", ["Mohammad Sadiq Khan"]],
    ["Mohammad", ["Mohammad Sadiq Khan"]],
    ["Noor-ud-Din Azizi", ["Nooruddin Azizi"]],
    ["Nooruddin", ["Nooruddin Azizi"]],
    ["ISI", ["Inter-Services Intelligence"]],
    ["torkham", ["Torkham"]],
    ["Tor", []],
    ["Khan", []],
    ["", []],
  ])("%s names %j", (query, expected) => {
    expect(names(query)).toEqual(expected);
  });
});

describe("search state in the URL", () => {
  it("round-trips the query and every facet, dropping empty values and duplicates", () => {
    const params = new URLSearchParams("q=+Torkham+&type=Article&year=2025&year=2025&crossing=Torkham&actor=");
    const state = readState(params);
    expect(state).toEqual({ q: "Torkham", filters: { type: ["Article"], year: ["2025"], crossing: ["Torkham"] } });
    expect(writeState(state).toString()).toBe("q=Torkham&type=Article&year=2025&crossing=Torkham");
    expect(readState(writeState(state))).toEqual(state);
  });

  it("turns facets into Pagefind filters: alternatives within a facet, all facets combined", () => {
    expect(pagefindFilters({ q: "", filters: { type: ["Article", "Actor"], year: ["2025"] } })).toEqual({
      type: { any: ["Article", "Actor"] },
      year: { any: ["2025"] },
    });
  });
});

describe("the look-up index", () => {
  const { input } = loadContent("tests/fixtures/content", { includeDrafts: false });
  const model = buildModel(input);

  it("holds every published article's title, date and page, newest first", () => {
    expect(buildTitlesIndex(model)).toEqual({
      articles: [
        ["<script>alert(1)</script> & <b>bold</b> North Gate", "2026-01-25", "/articles/markup-in-title/"],
        ["A briefing that uses the prose components", "2026-01-20", "/articles/components/"],
        ["A briefing that uses every GFM feature", "2026-01-15", "/articles/gfm-showcase/"],
        ["Ministry holds talks after North Gate reopens", "2025-11-04", "/articles/ministry-talks-after-reopening/"],
        ["North Gate closes for repairs", "2025-06-12", "/articles/gate-closes-for-repairs/"],
      ],
    });
  });

  it("holds every entity's names apart from the titles, so the search page loads only what grows with entities", () => {
    expect(buildNamesIndex(model)).toEqual({
      entities: [
        ["Actor", "Example Ministry", ["the ministry"], "/actors/example-ministry/"],
        ["Crossing", "North Gate", [], "/crossings/north-gate/"],
        ["Theme", "Border crossings", ["crossing", "shut"], "/themes/border-crossings/"],
      ],
    });
  });
});

describe("the names an article carries for search", () => {
  it("are every spelling of every entity it names, in one line for Pagefind's names field", () => {
    expect(
      spellingsText([
        { name: "Tehrik-i-Taliban Pakistan", aliases: ["TTP", "Pakistani Taliban"] },
        { name: "Torkham", aliases: [] },
      ]),
    ).toBe("Tehrik-i-Taliban Pakistan; TTP; Pakistani Taliban; Torkham");
  });
});

describe("the A–Z on the search page", () => {
  const { input } = loadContent("tests/fixtures/content", { includeDrafts: false });
  const model = buildModel(input);

  it("lists every entity by kind, A–Z, each with its page", () => {
    expect(browseGroups(model, { lang: "en" })).toEqual([
      {
        id: "government",
        label: "Governments",
        count: 1,
        index: "/actors/",
        entries: [{ name: "Example Ministry", path: "/actors/example-ministry/" }],
      },
      {
        id: "crossing",
        label: "Crossings",
        count: 1,
        index: "/crossings/",
        entries: [{ name: "North Gate", path: "/crossings/north-gate/" }],
      },
      {
        id: "theme",
        label: "Themes",
        count: 1,
        index: "/themes/",
        entries: [{ name: "Border crossings", path: "/themes/border-crossings/" }],
      },
    ]);
  });

  it("links a kind with more names than the limit to its index page instead of listing them", () => {
    expect(BROWSE_LIMIT).toBe(100);
    expect(browseGroups(model, { lang: "en", limit: 0 })).toEqual([
      { id: "government", label: "Governments", count: 1, index: "/actors/" },
      { id: "crossing", label: "Crossings", count: 1, index: "/crossings/" },
      { id: "theme", label: "Themes", count: 1, index: "/themes/" },
    ]);
  });
});

describe("lookUp", () => {
  const INDEX: LookupIndex = {
    articles: [
      ["Pakistan's envoy raises TTP militancy in Kabul as Torkham reopens", "2025-03-22", "/articles/envoy/"],
      ["Islamabad says TTP bases in Afghanistan dominated talks", "2025-03-27", "/articles/bases/"],
      ["Khawaja Asif leads delegation to Kabul while Torkham stays shut", "2023-02-22", "/articles/asif/"],
    ],
    entities: [
      ["Actor", "Tehrik-i-Taliban Pakistan", ["TTP", "Tehreek-e-Taliban Pakistan"], "/actors/ttp/"],
      ["Actor", "Afghan Taliban", ["Taliban"], "/actors/afghan-taliban/"],
      ["Actor", "Nooruddin Azizi", ["Noor-ud-Din Azizi"], "/actors/azizi/"],
      ["Crossing", "Torkham", [], "/crossings/torkham/"],
      ["Theme", "Trade and transit", [], "/themes/trade/"],
    ],
  };
  const paths = (q: string, filters: Record<string, string[]> = {}) => lookUp(INDEX, { q, filters }).map((m) => m.path);

  it.each([
    ["Tehreek-e-Taliban", {}, ["/actors/ttp/"]],
    ["TTP", {}, ["/actors/ttp/", "/articles/envoy/", "/articles/bases/"]],
    ["Torkham", {}, ["/crossings/torkham/", "/articles/envoy/", "/articles/asif/"]],
    ["taliban", {}, ["/actors/afghan-taliban/", "/actors/ttp/"]],
    ["Azizi", {}, ["/actors/azizi/"]],
    ["kabul torkham", {}, ["/articles/envoy/", "/articles/asif/"]],
    ["pakistan’s env", {}, ["/articles/envoy/"]],
    ["Torkham", { type: ["Article"] }, ["/articles/envoy/", "/articles/asif/"]],
    ["Torkham", { year: ["2023"] }, ["/articles/asif/"]],
    ["", { type: ["Article"], year: ["2025"] }, ["/articles/envoy/", "/articles/bases/"]],
    ["", { type: ["Crossing", "Theme"] }, ["/crossings/torkham/", "/themes/trade/"]],
    ["", {}, []],
    ["Zephyr", {}, []],
  ])("%s with %j finds %j", (q, filters, expected) => {
    expect(paths(q, filters)).toEqual(expected);
  });

  it("gives each match its type, title, and the article's date or the alias that found the entity", () => {
    expect(lookUp(INDEX, { q: "Noor-ud-Din", filters: {} })).toEqual([
      { type: "Actor", title: "Nooruddin Azizi", path: "/actors/azizi/", alias: "Noor-ud-Din Azizi" },
    ]);
    expect(lookUp(INDEX, { q: "Torkham", filters: { type: ["Crossing"] } })).toEqual([
      { type: "Crossing", title: "Torkham", path: "/crossings/torkham/" },
    ]);
    expect(lookUp(INDEX, { q: "dominated", filters: {} })).toEqual([
      {
        type: "Article",
        title: "Islamabad says TTP bases in Afghanistan dominated talks",
        path: "/articles/bases/",
        date: "2025-03-27",
      },
    ]);
  });
});
