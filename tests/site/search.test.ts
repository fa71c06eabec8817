/**
 * Search in real Chromium against the built site: exact result sets, facets, browsing, the URL, the no-JavaScript
 * form, highlighting, keyboard use, accessibility, and no search code on pages that do not search.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { serve } from "../support/server.ts";
import { axeViolations, useSite } from "../support/site.ts";
import { BUILDS } from "./builds.ts";
import { resultsOn } from "./search-helpers.ts";

const errors: string[] = [];

const session = useSite(BUILDS.root.outDir);

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
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
      () => document.getElementById("search-status")?.textContent === "14 results for “Torkham”.",
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
