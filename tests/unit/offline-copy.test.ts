import { describe, expect, it } from "vitest";
import {
  copyFile,
  copyPolicy,
  offlineZipName,
  relativeAddress,
  slugify,
  upToRoot,
  zipFacts,
} from "../../src/lib/offline-copy.ts";
import {
  chunkOf,
  chunksNeeded,
  excerptOf,
  indexScript,
  INDEX_GLOBAL,
  searchOffline,
  type IndexedPage,
  type PagesPart,
} from "../../src/lib/offline-search.ts";

describe("offlineZipName", () => {
  it.each([
    [{ title: "Pakistan–Afghanistan Briefing" }, "pakistan-afghanistan-briefing-offline.zip"],
    [{ title: "Sahel Désk: notes & facts" }, "sahel-desk-notes-facts-offline.zip"],
    [{ title: "Pakistan–Afghanistan Briefing", slug: "pak-afghan" }, "pak-afghan-offline.zip"],
    [{ title: "البوابة" }, "briefing-offline.zip"],
  ])("names the zip of %o %s", (site, name) => {
    expect(offlineZipName(site)).toBe(name);
  });

  it("folds a title to lower-case ASCII words", () => {
    expect(slugify("  Ça va — Kabul 2025 ")).toBe("ca-va-kabul-2025");
  });
});

describe("relativeAddress", () => {
  it.each([
    ["/actors/ttp/", "index.html", "/", "actors/ttp/index.html"],
    ["/actors/ttp/", "articles/x/index.html", "/", "../../actors/ttp/index.html"],
    ["/", "articles/x/index.html", "/", "../../index.html"],
    ["/_astro/a.css", "actors/index.html", "/", "../_astro/a.css"],
    ["/articles/x/#published-note", "actors/ttp/index.html", "/", "../../articles/x/index.html#published-note"],
    ["/search/?q=TTP", "index.html", "/", "search/index.html?q=TTP"],
    ["/desk/actors/ttp/", "desk-free/index.html", "/desk/", "../actors/ttp/index.html"],
    ["/desk", "index.html", "/desk/", "index.html"],
    ["/elsewhere/", "index.html", "/desk/", "/elsewhere/"],
    ["https://example.org/a/", "index.html", "/", "https://example.org/a/"],
    ["mailto:desk@example.org", "index.html", "/", "mailto:desk@example.org"],
    ["#main", "actors/index.html", "/", "#main"],
    ["", "actors/index.html", "/", ""],
    ["//cdn.example.org/x.js", "index.html", "/", "//cdn.example.org/x.js"],
  ])("rewrites %s in %s (base %s) as %s", (href, from, base, expected) => {
    expect(relativeAddress(href, from, base)).toBe(expected);
  });

  it("names folders' pages and climbs to the root", () => {
    expect(copyFile("")).toBe("index.html");
    expect(copyFile("data/events.csv")).toBe("data/events.csv");
    expect(upToRoot("index.html")).toBe("");
    expect(upToRoot("a/b/index.html")).toBe("../../");
  });
});

describe("zipFacts", () => {
  it.each([
    [330_460, "ZIP, 330 kB, built 22 November 2026"],
    [12_345_678, "ZIP, 12.3 MB, built 22 November 2026"],
    [200, "ZIP, 1 kB, built 22 November 2026"],
  ])("says %i bytes as %s", (bytes, text) => {
    expect(zipFacts(bytes, new Date("2026-11-22T23:59:00Z"), "en-GB")).toBe(text);
  });
});

const page = (p: Partial<IndexedPage> & Pick<IndexedPage, "path" | "title" | "type">): IndexedPage => ({
  filters: { type: [p.type] },
  names: {},
  chunk: "all",
  ...p,
});
const PART: PagesPart = {
  chunks: ["2024", "2025", "other"],
  pages: [
    page({
      path: "actors/ttp/",
      title: "Tehrik-i-Taliban Pakistan",
      type: "Actor",
      names: { aliases: "TTP, Pakistani Taliban, Tehreek-e-Taliban Pakistan" },
      filters: { type: ["Actor"], actor: ["Tehrik-i-Taliban Pakistan"] },
      chunk: "other",
    }),
    page({
      path: "articles/torkham-closes/",
      title: "Torkham closes after clashes",
      type: "Article",
      date: "2025-03-02",
      names: { names: "Torkham; Tehrik-i-Taliban Pakistan; TTP; Pakistani Taliban" },
      filters: { type: ["Article"], year: ["2025"], crossing: ["Torkham"], actor: ["Tehrik-i-Taliban Pakistan"] },
      chunk: "2025",
    }),
    page({
      path: "articles/chaman-trade/",
      title: "Trade resumes at Chaman",
      type: "Article",
      date: "2024-06-10",
      names: { names: "Chaman" },
      filters: { type: ["Article"], year: ["2024"], crossing: ["Chaman"] },
      chunk: "2024",
    }),
  ],
  entities: [["Actor", "Tehrik-i-Taliban Pakistan", ["TTP", "Pakistani Taliban"], "/actors/ttp/"]],
};
const TEXTS = new Map([
  [0, "An armed group fighting the Pakistani state from bases across the border."],
  [1, "Pakistan closed the Torkham crossing on Sunday after border guards exchanged fire; trucks queued for days."],
  [2, "Traders at Chaman said the crossing reopened to trucks carrying fruit, after talks in Quetta."],
]);
const paths = (state: Parameters<typeof searchOffline>[2], named = false) =>
  searchOffline(
    PART,
    TEXTS,
    state,
    named ? [{ facet: "actor", type: "Actor", name: "x", path: "/actors/ttp/" }] : [],
  ).results.map((r) => r.page.path);

describe("searchOffline", () => {
  it.each([
    ["trucks", {}, ["articles/chaman-trade/", "articles/torkham-closes/"]],
    ["truck", {}, ["articles/chaman-trade/", "articles/torkham-closes/"]],
    ["crossing trucks", { crossing: ["Torkham"] }, ["articles/torkham-closes/"]],
    ["crossing", { year: ["2024"] }, ["articles/chaman-trade/"]],
    ["Pakistani Taliban", {}, ["actors/ttp/", "articles/torkham-closes/"]],
    ["Tehreek-e-Taliban", {}, ["actors/ttp/"]],
    ["ruck", {}, []],
    ["trucks fruit", {}, ["articles/chaman-trade/"]],
  ])("finds %s with filters %o", (q, filters, expected) => {
    expect(paths({ q, filters })).toEqual(expected);
  });

  it("puts pages with the query as a phrase first, then a match in the title before one in the text", () => {
    // Both hold both words; only Chaman's text has "the crossing" as written.
    expect(paths({ q: "the crossing", filters: {} })).toEqual(["articles/chaman-trade/", "articles/torkham-closes/"]);
    // "Torkham" is in one title, "trade" in the other's: the title weighs five times the text.
    expect(paths({ q: "closes", filters: {} })).toEqual(["articles/torkham-closes/"]);
    expect(paths({ q: "border", filters: {} })).toEqual(["actors/ttp/", "articles/torkham-closes/"]);
  });

  it("puts the page of an entity the query names first, unless the filters leave it out", () => {
    expect(paths({ q: "TTP", filters: {} }, true)).toEqual(["actors/ttp/", "articles/torkham-closes/"]);
    expect(paths({ q: "TTP", filters: { type: ["Article"] } }, true)).toEqual(["articles/torkham-closes/"]);
  });

  it("browses the filters newest first and counts the facets of what it found", () => {
    const answer = searchOffline(PART, TEXTS, { q: "", filters: { type: ["Article"] } });
    expect(answer.results.map((r) => r.page.path)).toEqual(["articles/torkham-closes/", "articles/chaman-trade/"]);
    expect(answer.counts).toEqual({
      type: { Article: 2 },
      year: { "2025": 1, "2024": 1 },
      crossing: { Torkham: 1, Chaman: 1 },
      actor: { "Tehrik-i-Taliban Pakistan": 1 },
    });
  });

  it("marks the query's words in an excerpt of at most 24 words, escaped", () => {
    expect(excerptOf("a <b> & trucks queued", ["truck"])).toBe("a &lt;b&gt; &amp; <mark>trucks</mark> queued");
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
    const excerpt = excerptOf(long, ["w40"]);
    expect(excerpt.split(" ")).toHaveLength(24);
    expect(excerpt.startsWith("w35 ")).toBe(true);
    expect(excerpt).toContain("<mark>w40</mark>");
  });
});

describe("the index's chunks", () => {
  it("puts text in one chunk, or one per year and one for undated pages", () => {
    expect(chunkOf({ date: "2025-01-02" }, false)).toBe("all");
    expect(chunkOf({ date: "2025-01-02" }, true)).toBe("2025");
    expect(chunkOf({}, true)).toBe("other");
  });

  it.each([
    ["", {}, []],
    ["torkham", {}, ["2024", "2025", "other"]],
    ["torkham", { year: ["2025"] }, ["2025", "other"]],
  ])("loads for %s with %o the chunks %o", (q, filters, chunks) => {
    expect(chunksNeeded(PART, { q, filters })).toEqual(chunks);
  });

  it("writes each part as a script that assigns it", () => {
    const scope: Record<string, Record<string, unknown>> = {};
    new Function("self", indexScript("text-2025", { 1: "a </script> b\u2028" }))(scope);
    expect(scope[INDEX_GLOBAL]).toEqual({ "text-2025": { 1: "a </script> b\u2028" } });
  });
});

describe("copyPolicy", () => {
  it("keeps the policy's hashes, takes away what the copy does not need, and names the copy's files", () => {
    expect(
      copyPolicy(
        "default-src 'self';object-src 'none';form-action 'self';connect-src 'self';worker-src 'self';" +
          "manifest-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self' 'sha256-BBB=';",
      ),
    ).toBe(
      "default-src 'self' file:; object-src 'none'; form-action 'self' file:; connect-src 'none'; " +
        "worker-src 'none'; manifest-src 'none'; script-src 'self' file: 'sha256-AAA='; style-src 'self' file: 'sha256-BBB='",
    );
  });
});
