/**
 * Search in real Chromium against the built site: exact result sets, facets, browsing, the URL, the no-JavaScript
 * form and index, highlighting, excerpts free of name lists, spelling suggestions, phrases first, the phone layout,
 * keyboard use, accessibility, and no search code on pages that do not search.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { NamesIndex } from "../../src/lib/search.ts";
import { serve } from "../support/server.ts";
import { axeViolations, useSite } from "../support/site.ts";
import { BUILDS } from "./builds.ts";
import { resultsOn, shownResults } from "./search-helpers.ts";

const errors: string[] = [];

const session = useSite(BUILDS.root.outDir);

async function open(
  path: string,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await session.browser.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  page.on("console", (m) => {
    // Playwright's own notice that it blocked the service worker (these tests run without one) is not the site's.
    if (m.text() === "Service Worker registration blocked by Playwright") return;
    if (m.type() === "error" || m.type() === "warning") errors.push(`${path}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(session.server.root + path.replace(/^\//, ""));
  return page;
}

async function search(params: string): Promise<string[]> {
  const page = await open(`/search/?${params}`);
  const results = await resultsOn(page);
  await page.context().close();
  return results;
}

const ARTICLES = {
  asif: "/articles/asif-delegation-kabul-torkham-closure/",
  envoy: "/articles/envoy-kabul-talks-torkham-reopens/",
  fm: "/articles/foreign-ministry-ttp-central-issue/",
  shift: "/articles/taliban-shift-on-ttp-coordination-committee/",
  dar: "/articles/dar-invites-muttaqi-to-islamabad/",
};
const sorted = (list: string[]) => [...list].sort();

describe("every spelling finds the entity", () => {
  it("Tehreek-e-Taliban finds the TTP page first, then every article that tags or mentions the TTP", async () => {
    const results = await search("q=Tehreek-e-Taliban");
    expect(results[0]).toBe("/actors/ttp/");
    expect(sorted(results)).toEqual(sorted(["/actors/ttp/", ...Object.values(ARTICLES)]));
  });

  it.each([
    ["Mohammad Sadiq", "/actors/sadiq-khan/"],
    ["Noor-ud-Din Azizi", "/actors/nooruddin-azizi/"],
    ["Nooruddin", "/actors/nooruddin-azizi/"],
    ["TTP", "/actors/ttp/"],
    ["ISI", "/actors/isi/"],
    ["Torkham", "/crossings/torkham/"],
  ])("%s puts %s first", async (query, first) => {
    expect((await search(`q=${encodeURIComponent(query)}`))[0]).toBe(first);
  });

  it("Noor-ud-Din Azizi and Nooruddin find the same pages", async () => {
    const expected = sorted([
      "/actors/nooruddin-azizi/",
      ARTICLES.envoy,
      ARTICLES.shift,
      "/themes/diplomacy-and-talks/",
      "/actors/afghan-taliban/",
      "/actors/sadiq-khan/",
      "/timeline/",
      "/places/islamabad/",
    ]);
    expect(sorted(await search("q=Noor-ud-Din+Azizi"))).toEqual(expected);
    expect(sorted(await search("q=Nooruddin"))).toEqual(expected);
  });

  it("Torkham finds exactly the pages that name it", async () => {
    expect(sorted(await search("q=Torkham"))).toEqual(
      sorted([
        "/crossings/torkham/",
        ARTICLES.asif,
        ARTICLES.envoy,
        "/timeline/",
        "/themes/border-crossings/",
        "/crossings/chaman/",
        "/actors/bilawal-bhutto-zardari/",
        "/actors/nadeem-anjum/",
        "/actors/abdul-ghani-baradar/",
        "/actors/khawaja-asif/",
        "/actors/isi/",
        "/actors/sadiq-khan/",
        "/actors/pakistan/",
        "/actors/afghan-taliban/",
        "/places/afghanistan/",
        "/places/kabul/",
      ]),
    );
  });
});

describe("facets", () => {
  it("narrow a query exactly", async () => {
    expect(await search("q=Torkham&type=Article")).toEqual([ARTICLES.asif, ARTICLES.envoy]);
  });

  it("browse with an empty query: all articles about Torkham in 2025", async () => {
    expect(await search("type=Article&crossing=Torkham&year=2025")).toEqual([ARTICLES.envoy]);
  });

  it("combine: values within a facet are alternatives, newest first when browsing", async () => {
    expect(await search("type=Article&year=2023&year=2025&outlet=Amu+TV")).toEqual([ARTICLES.dar]);
    expect(await search("type=Article&actor=Ishaq+Dar&actor=Khawaja+Muhammad+Asif")).toEqual([
      ARTICLES.dar,
      ARTICLES.asif,
    ]);
  });

  it("show counts, and a click updates the results and the URL", async () => {
    const page = await open("/search/?q=Torkham");
    await resultsOn(page);
    const article = page.getByRole("checkbox", { name: "Article (2)" });
    await article.check();
    await page.waitForFunction(
      () => document.getElementById("search-status")?.textContent === "2 results for “Torkham”.",
    );
    expect(new URL(page.url()).search).toBe("?q=Torkham&type=Article");
    await page.reload();
    expect(await page.getByRole("checkbox", { name: "Article (2)" }).isChecked()).toBe(true);
    expect(await page.locator("#search-q").inputValue()).toBe("Torkham");
    expect(await resultsOn(page)).toEqual([ARTICLES.asif, ARTICLES.envoy]);
    await page.context().close();
  });
});

describe("the search box", () => {
  it("in the header is a plain form that lands on the results, even without JavaScript", async () => {
    const page = await open(ARTICLES.fm, { javaScriptEnabled: false });
    await page.getByRole("searchbox", { name: "Search the briefing" }).fill("Torkham");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=Torkham$/);
    expect(await page.locator("noscript").count()).toBe(1);
    await page.context().close();

    const withJs = await open(ARTICLES.fm);
    await withJs.getByRole("searchbox", { name: "Search the briefing" }).fill("Torkham");
    await withJs.keyboard.press("Enter");
    await withJs.waitForURL(/\/search\/\?q=Torkham$/);
    expect((await resultsOn(withJs))[0]).toBe("/crossings/torkham/");
    await withJs.context().close();
  });

  it("is reached with the / key, and Escape clears the search", async () => {
    const page = await open("/timeline/");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-q");
    await page.context().close();

    const searchPage = await open("/search/?q=Torkham");
    await resultsOn(searchPage);
    await searchPage.locator("h1").click();
    await searchPage.keyboard.press("/");
    expect(await searchPage.evaluate(() => document.activeElement?.id)).toBe("search-q");
    await searchPage.keyboard.press("Escape");
    await searchPage.waitForFunction(() => document.querySelectorAll(".search-result").length === 0);
    expect(new URL(searchPage.url()).search).toBe("");
    await searchPage.context().close();
  });

  it("announces results politely", async () => {
    const page = await open("/search/?q=Torkham");
    const status = page.locator("#search-status");
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    await page.waitForFunction(
      () => document.getElementById("search-status")?.textContent === "16 results for “Torkham”.",
    );
    await page.context().close();
  });
});

describe("results", () => {
  it("show title, type, date and an excerpt with the words marked, and the target page marks them too", async () => {
    const page = await open("/search/?q=Torkham&type=Article");
    await resultsOn(page);
    const first = page.locator(".search-result").first();
    expect(await first.locator("h2").textContent()).toBe(
      "Khawaja Asif leads security delegation to Kabul while Torkham stays shut",
    );
    expect(await first.locator(".meta").textContent()).toBe("Article22 February 2023");
    expect(await first.locator("mark").first().textContent()).toBe("Torkham");
    await first.locator("h2 a").click();
    await page.waitForURL(/\?highlight=Torkham$/);
    await page.waitForSelector("mark.pagefind-highlight");
    expect(await page.locator("mark.pagefind-highlight").first().textContent()).toBe("Torkham");
    await page.context().close();
  });

  it("offer sub-results that jump to the matching section", async () => {
    const page = await open("/search/?q=ceasefire&type=Timeline");
    await resultsOn(page);
    const sub = page.locator(".sub-results a").first();
    expect(await sub.getAttribute("href")).toMatch(/^\/timeline\/\?highlight=ceasefire#(y|m)\d{4}/);
    await page.context().close();
  });
});

describe("excerpts come from the briefing, never from lists of names", () => {
  const names = JSON.parse(readFileSync(join(BUILDS.root.outDir, "search/names.json"), "utf8")) as NamesIndex;
  /** What a list of names looks like in a page's text: an entity page's aliases, an article's spellings, a role. */
  const LISTS = [
    ...names.entities.flatMap(([, name, aliases]) => [
      ...(aliases.length > 1 ? [aliases.slice(0, 2).join(", ")] : []),
      ...(aliases.length > 0 ? [`${name}; ${aliases[0]}`, `${name} (also`] : []),
    ]),
    "Named here",
    "Also written as",
    "Keywords",
    "as reported on",
  ];

  it("refugees: the excerpt of each result, exactly", async () => {
    const page = await open("/search/?q=refugees");
    expect(await shownResults(page)).toEqual([
      {
        path: "/themes/migrants-and-deportations/",
        excerpt:
          "Migrants and deportations. Pakistan’s drive to deport Afghan migrants, refugee issues in bilateral talks, " +
          "and a dispute over Afghans crossing for medical care without",
        marked: ["refugee"],
        subs: [],
      },
      {
        path: "/actors/nooruddin-azizi/",
        excerpt:
          "led a Taliban delegation to Islamabad on trade, refugees and transit in April 2025. Overview. Nooruddin " +
          "Azizi, also spelled Noor-ud-Din Azizi, is the Taliban’s",
        marked: ["refugees"],
        subs: [
          "Overview — a Taliban delegation to Islamabad for discussions on cooperation in trade, on refugee " +
            "questions and on the future of the Afghanistan–Pakistan Transit Trade Agreement",
        ],
      },
      {
        path: "/places/islamabad/",
        excerpt:
          "under commerce minister Nooruddin Azizi was in Islamabad for talks on trade, refugees and a transit trade " +
          "agreement. The report adds that an earlier",
        marked: ["refugees"],
        subs: [
          "Overview — under commerce minister Nooruddin Azizi was in Islamabad for talks on trade, refugees and a " +
            "transit trade agreement. The report adds that an earlier",
        ],
      },
      {
        path: "/themes/diplomacy-and-talks/",
        excerpt:
          "a Taliban delegation under Azizi was in Islamabad for talks on trade, refugees and the transit trade " +
          "agreement (17 Apr 2025). April 2025. Ishaq",
        marked: ["refugees"],
        subs: [
          "Overview — a Taliban delegation under Azizi was in Islamabad for talks on trade, refugees and the " +
            "transit trade agreement (17 Apr 2025). April 2025. Ishaq",
        ],
      },
      {
        path: "/articles/taliban-shift-on-ttp-coordination-committee/",
        excerpt:
          "minister Noor-ud-Din Azizi was in Islamabad. Its agenda covered cooperation on trade, refugee issues and " +
          "the future of the Afghanistan–Pakistan Transit Trade Agreement. Background.",
        marked: ["refugee"],
        subs: [
          "A parallel visit to Islamabad — minister Noor-ud-Din Azizi was in Islamabad. Its agenda covered " +
            "cooperation on trade, refugee issues and the future of the Afghanistan–Pakistan Transit Trade Agreement.",
        ],
      },
      {
        path: "/actors/afghan-taliban/",
        excerpt:
          "a Taliban delegation under Nooruddin Azizi was in Islamabad to discuss trade, refugees and the future of " +
          "the Afghanistan–Pakistan Transit Trade Agreement (17 Apr",
        marked: ["refugees"],
        subs: [
          "Border and trade — a Taliban delegation under Nooruddin Azizi was in Islamabad to discuss trade, " +
            "refugees and the future of the Afghanistan–Pakistan Transit Trade Agreement (17 Apr",
        ],
      },
      {
        path: "/timeline/",
        excerpt:
          "by commerce minister Noor-ud-Din Azizi is in Islamabad for discussions on trade, refugees and the transit " +
          "trade agreement while the Pakistani delegation is in",
        marked: ["refugees"],
        subs: [
          "April 2025 — by commerce minister Noor-ud-Din Azizi is in Islamabad for discussions on trade, refugees " +
            "and the transit trade agreement while the Pakistani delegation is in",
        ],
      },
    ]);
    await page.context().close();
  });

  it.each(["refugees", "trade", "Taliban", "TTP", "Tehreek-e-Taliban", "Muttaqi", "talks", "minister", "Torkham"])(
    "%s: no excerpt or sub-result shows an alias list, a names line or a role line",
    async (query) => {
      const page = await open(`/search/?q=${encodeURIComponent(query)}`);
      const shown = await shownResults(page);
      expect(shown.length).toBeGreaterThan(0);
      const lists = shown.flatMap(({ path, excerpt, subs }) =>
        [excerpt, ...subs].flatMap((text) => LISTS.filter((l) => text.includes(l)).map((l) => `${path}: ${l}`)),
      );
      expect(lists).toEqual([]);
      await page.context().close();
    },
  );

  it("an article found by another spelling of a name shows its own opening, with nothing marked", async () => {
    const page = await open("/search/?q=Tehreek-e-Taliban");
    expect((await shownResults(page)).find((r) => r.path === ARTICLES.fm)).toEqual({
      path: ARTICLES.fm,
      excerpt:
        "Islamabad says TTP bases in Afghanistan dominated its envoy’s Kabul visit. Pakistan’s Foreign Ministry " +
        "said the presence of TTP bases in Afghanistan was the",
      marked: [],
      subs: [],
    });
    await page.context().close();
  });
});

describe("misspelt names", () => {
  /** The outcome of a search as the reader sees it: status, suggestion, results, marked words, the A–Z shown. */
  async function outcome(page: Page) {
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.trim());
    return page.evaluate(() => ({
      status: document.getElementById("search-status")?.textContent,
      suggestion: document.getElementById("search-suggest")?.hidden
        ? null
        : document.getElementById("search-suggest")?.textContent,
      results: document.querySelectorAll(".search-result").length,
      marked: [...document.querySelectorAll("#search-results mark")].map((m) => m.textContent),
      browse: !document.getElementById("search-browse")?.hidden,
    }));
  }

  it.each([
    ["Torkam", "Did you mean Torkham?"],
    ["Chamman", "Did you mean Chaman?"],
    ["Muttaki", "Did you mean Muttaqi (Amir Khan Muttaqi)?"],
    ["Noorudin", "Did you mean Nooruddin (Nooruddin Azizi)?"],
    ["Torkam Kabul", "Did you mean Torkham Kabul?"],
  ])("%s finds nothing, marks nothing, and asks: %s", async (query, suggestion) => {
    const page = await open(`/search/?q=${encodeURIComponent(query)}`);
    expect(await outcome(page)).toEqual({
      status: `No results for “${query}”.`,
      suggestion,
      results: 0,
      marked: [],
      browse: true,
    });
    await page.context().close();
  });

  it("a suggestion searches for the name, whose page comes first", async () => {
    const page = await open("/search/?q=Torkam&type=Crossing");
    await outcome(page);
    await page.locator("#search-suggest").getByRole("link", { name: "Torkham", exact: true }).click();
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("Torkham"));
    expect(new URL(page.url()).search).toBe("?q=Torkham&type=Crossing");
    expect(await page.locator("#search-q").inputValue()).toBe("Torkham");
    expect(await resultsOn(page)).toEqual(["/crossings/torkham/", "/crossings/chaman/"]);
    expect(await page.locator("#search-suggest").isHidden()).toBe(true);
    expect(await page.locator("#search-browse").isHidden()).toBe(true);
    await page.context().close();
  });

  it("a query near no name says what to try, and offers the A–Z", async () => {
    const page = await open("/search/?q=zzzz");
    expect(await outcome(page)).toEqual({
      status: "No results for “zzzz”.",
      suggestion: "Check the spelling or try fewer words, or find your way from the A–Z below.",
      results: 0,
      marked: [],
      browse: true,
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("a word that is in the briefing in another form is found, not put right", async () => {
    const page = await open("/search/?q=refugees&type=Article");
    expect(await outcome(page)).toEqual({
      status: "1 result for “refugees”.",
      suggestion: null,
      results: 1,
      marked: ["refugee", "refugee"],
      browse: false,
    });
    await page.context().close();
  });
});

describe("phrases", () => {
  it("pages with a name as a phrase come before pages with its words apart", async () => {
    // Faiz Mohammad Zaland's page has "Mohammad" and "Sadiq", never together: Pagefind alone ranks it second.
    expect(await search("q=Mohammad+Sadiq")).toEqual([
      "/actors/sadiq-khan/",
      ARTICLES.shift,
      "/timeline/",
      "/actors/joint-coordination-committee/",
      "/actors/isis-k/",
      "/themes/diplomacy-and-talks/",
      "/actors/amir-khan-muttaqi/",
      "/actors/abdul-qayyum-zakir/",
      "/actors/united-states/",
      ARTICLES.envoy,
      "/actors/amu-tv/",
      ARTICLES.dar,
      "/actors/pakistan/",
      "/themes/cross-border-militancy/",
      "/actors/afghan-taliban/",
      "/crossings/torkham/",
      ARTICLES.asif,
      ARTICLES.fm,
      "/actors/faiz-mohammad-zaland/",
    ]);
  });
});

describe("on a phone", () => {
  const phone = { width: 390, height: 844 };

  it("shows the results first, the facets behind a Filter control that counts the active ones", async () => {
    const page = await open("/search/?q=Taliban&type=Article&year=2025", { viewport: phone });
    await resultsOn(page);
    const toggle = page.getByRole("button", { name: "Filter (2 active)" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("#search-facets").isHidden()).toBe(true);
    // The first result's heading is on the first screen (five facet groups once pushed it ~890 px down), below the
    // navigation's two rows on a phone.
    const first = await page.locator(".search-result h2").first().boundingBox();
    expect(first!.y + first!.height).toBeLessThan(phone.height / 2 + 130);

    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("#search-facets").isVisible()).toBe(true);
    await page.getByRole("checkbox", { name: /^2025 / }).uncheck();
    await page.getByRole("button", { name: "Filter (1 active)" }).waitFor();
    expect(await page.locator("#search-facets").isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("says Filter alone when no facet is chosen; on a wide screen the facets show and the control does not", async () => {
    const page = await open("/search/?q=Taliban", { viewport: phone });
    await resultsOn(page);
    expect(await page.locator("#search-filter-toggle").textContent()).toBe("Filter");
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.locator("#search-filter-toggle").isHidden()).toBe(true);
    expect(await page.locator("#search-facets").isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("without JavaScript", () => {
  it("/search/?q= offers the A–Z of every entity and the list of articles instead of an empty box", async () => {
    const page = await open("/search/?q=TTP", { javaScriptEnabled: false });
    const browse = page.locator("#search-browse");
    expect(await browse.isVisible()).toBe(true);
    expect(await browse.locator("h2").textContent()).toBe("Browse A–Z");
    expect(await browse.locator("h3").allTextContents()).toEqual([
      "People (15)",
      "Governments (4)",
      "Armed groups (2)",
      "Organisations (5)",
      "Media (2)",
      "Crossings (2)",
      "Places (9)",
      "Themes (8)",
    ]);
    const links = await browse
      .locator(".az-list a")
      .evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]));
    const names = JSON.parse(readFileSync(join(BUILDS.root.outDir, "search/names.json"), "utf8")) as NamesIndex;
    expect(links.map(([, path]) => path).sort()).toEqual(names.entities.map(([, , , path]) => path).sort());
    expect(links).toContainEqual(["Tehrik-i-Taliban Pakistan", "/actors/ttp/"]);
    expect(await browse.getByRole("link", { name: "list of articles" }).getAttribute("href")).toBe("/articles/");
    expect(await page.locator("#search-filter-toggle").isHidden()).toBe(true);
    expect(await page.locator(".search-result").count()).toBe(0);
    await page.context().close();
  });

  it("with JavaScript the A–Z gives way to the results", async () => {
    const page = await open("/search/?q=TTP");
    await resultsOn(page);
    expect(await page.locator("#search-browse").isHidden()).toBe(true);
    await page.context().close();
  });
});

describe("budgets and hygiene", () => {
  it("downloads no search code on a page that does not search, even when the box is focused", async () => {
    const context = await session.browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(session.server.root + "actors/ttp/");
    await page.getByRole("searchbox", { name: "Search the briefing" }).focus();
    await page.waitForTimeout(200);
    expect(requested.filter((p) => p.includes("pagefind"))).toEqual([]);
    await context.close();
  });

  it("has no accessibility violations with results and facets open", async () => {
    const page = await open("/search/?q=Taliban&type=Article");
    await resultsOn(page);
    await page.evaluate(() => document.querySelectorAll("details.facet").forEach((d) => d.setAttribute("open", "")));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("leaves the console empty throughout", () => {
    expect(errors).toEqual([]);
  });
});

describe("paginated archives", () => {
  it("are not search results: each article is found on its own page, each event on the timeline page that has it", async () => {
    const fixture = await serve(BUILDS.fixture.outDir);
    const context = await session.browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`${fixture.root}search/?q=repairs`);
    expect(sorted(await resultsOn(page))).toEqual([
      "/articles/gate-closes-for-repairs/",
      "/articles/ministry-talks-after-reopening/",
      "/crossings/north-gate/",
      "/timeline/page/2/",
    ]);
    // The timeline runs newest first; its oldest-first copy is not indexed.
    await page.goto(`${fixture.root}search/?q=traders&type=Timeline`);
    expect(await resultsOn(page)).toEqual(["/timeline/"]);
    expect(await page.locator(".search-result h2").first().textContent()).toBe(
      "Timeline: January 2026 to 3 November 2025",
    );
    await context.close();
    await fixture.close();
  });
});

describe("frontmatter is data", () => {
  it("shows markup in a title as text in search results, and runs none of it", async () => {
    const fixture = await serve(BUILDS.fixture.outDir);
    const context = await session.browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    let dialogs = 0;
    page.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`${fixture.root}search/?q=bold&type=Article`);
    expect(await resultsOn(page)).toEqual(["/articles/markup-in-title/"]);
    expect(await page.locator(".search-result h2").first().textContent()).toBe(
      "<script>alert(1)</script> & <b>bold</b> North Gate",
    );
    await page.locator(".search-result h2 a").first().click();
    await page.waitForURL(/markup-in-title/);
    expect(await page.locator("h1").textContent()).toBe("<script>alert(1)</script> & <b>bold</b> North Gate");
    expect(await page.title()).toBe("<script>alert(1)</script> &…");
    expect(dialogs).toBe(0);
    await context.close();
    await fixture.close();
  });
});
