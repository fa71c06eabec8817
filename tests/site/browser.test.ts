/**
 * What only a browser shows: accessibility (axe-core, zero violations, light and dark), no request to another
 * origin, no console errors, and the skip link and mention links working. Runs Debian's Chromium on the root build
 * and, for paginated archives, on the fixture build.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type StaticServer } from "../support/server.ts";
import { axeViolations, useSite } from "../support/site.ts";
import { BUILDS } from "./builds.ts";

const PAGES = [
  "/",
  "/articles/",
  "/articles/envoy-kabul-talks-torkham-reopens/",
  "/actors/",
  "/actors/ttp/",
  "/actors/sadiq-khan/",
  "/crossings/",
  "/crossings/torkham/",
  "/crossings/chaman/",
  "/places/",
  "/places/kabul/",
  "/places/afghanistan/",
  "/themes/",
  "/themes/cross-border-militancy/",
  "/timeline/",
  "/timeline/oldest/",
  "/actors/afghan-taliban/timeline/",
  "/search/",
  "/offline/",
  "/data/",
  "/no-such-page/",
];
/** Archives and a capped entity page, from the fixture build, whose tiny list bounds give them page and year links. */
const ARCHIVES = [
  // A desk without "Where things stand": the home page falls back to its introduction.
  "/",
  "/articles/page/2/",
  "/timeline/page/2/",
  "/crossings/north-gate/",
  "/crossings/north-gate/articles/page/2/",
  "/crossings/north-gate/timeline/page/2/",
];

const session = useSite(BUILDS.root.outDir);
let fixture: StaticServer;
beforeAll(async () => {
  fixture = await serve(BUILDS.fixture.outDir);
});
afterAll(() => fixture.close());

/** Opens a page (of the root build, or `fixture:/path/` of the fixture build), recording foreign requests and errors. */
async function open(where: string, colorScheme: "light" | "dark" = "light", width = 1280, height = 900) {
  const path = where.replace(/^fixture:/, "");
  const root = where === path ? session.server.root : fixture.root;
  const page = await session.browser.newPage({ colorScheme, viewport: { width, height } });
  const foreign: string[] = [];
  const errors: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === new URL(root).origin) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  page.on("console", (m) => {
    if (m.type() === "error" && !(path === "/no-such-page/" && m.text().includes("404"))) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(root + path.slice(1));
  return { page, foreign, errors };
}

const ALL = [...PAGES, ...ARCHIVES.map((p) => `fixture:${p}`)];

describe.each(["light", "dark"] as const)("in the %s colour scheme", (scheme) => {
  it.each(ALL)("%s has no accessibility violations, no console errors and no foreign requests", async (path) => {
    const { page, foreign, errors } = await open(path, scheme);
    expect(await axeViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("on a phone", () => {
  it.each(ALL)("%s fits a 390 px screen without sideways scrolling", async (path) => {
    const { page } = await open(path, "light", 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});

describe("navigation", () => {
  it("moves focus to the main content with the skip link", async () => {
    const { page } = await open("/actors/ttp/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });

  it("follows a linked mention from an article to the entity's page", async () => {
    const { page } = await open("/articles/asif-delegation-kabul-torkham-closure/");
    await page.locator(".prose a.mention", { hasText: "Torkham" }).first().click();
    await page.waitForURL(/\/crossings\/torkham\/$/);
    expect(await page.locator("h1").textContent()).toBe("Torkham");
    await page.close();
  });

  it("unfolds the sentences that name an entity and takes one to its paragraph in the article", async () => {
    const { page } = await open("/actors/khawaja-asif/");
    const mentions = page.locator("details.mentions").first();
    expect(await mentions.locator("li").first().isVisible()).toBe(false);
    await mentions.locator("summary").click();
    const item = mentions.locator("li").first();
    expect(await item.isVisible()).toBe(true);
    const sentence = ((await item.textContent()) ?? "").replace(/\s*in context$/, "");
    expect(await item.locator("mark").first().textContent()).toBe("Khawaja Muhammad Asif");
    await item.locator("a.in-context").click();
    await page.waitForURL(/\/articles\/asif-delegation-kabul-torkham-closure\/#p\d+$/);
    const target = await page.evaluate(() => document.querySelector(":target")?.textContent ?? "");
    // Both are typeset; the sentence may be shortened with an ellipsis, so compare its start.
    expect(target.replace(/\s+/g, " ")).toContain(sentence.replace(/\s+/g, " ").slice(0, 40));
    await page.close();
  });
});

describe("the briefing", () => {
  // The first screen of a desktop, and the first two of a phone (an iPhone 14's 390 x 844), show the crossings' board,
  // the map and the latest developments: the board's first row, the whole map and the start of the first event.
  it.each([
    ["desktop", 1280, 800, 1],
    ["phone", 390, 844, 2],
  ] as const)(
    "shows the board, the map and the latest events on the first screens of a %s",
    async (_, w, h, screens) => {
      const { page } = await open("/", "light", w, h);
      const box = async (selector: string) => {
        const b = await page.locator(selector).first().boundingBox();
        if (!b) throw new Error(`${selector} is not shown`);
        return b;
      };
      const fold = screens * h;
      const row = await box(".crossing-board li");
      const map = await box("#home-map");
      const event = await box(".home-latest ol.timeline > li");
      expect(row.y + row.height).toBeLessThanOrEqual(fold);
      expect(map.y + map.height).toBeLessThanOrEqual(fold);
      // The first event's date and the first line of what happened.
      expect(event.y + 60).toBeLessThanOrEqual(fold);
      await page.close();
    },
  );

  it("opens an inferred date's note by keyboard, and a screen reader hears it as a disclosure", async () => {
    const { page } = await open("/timeline/");
    const summary = page.locator("#dar-invites-muttaqi-to-islamabad-2025-04-19-e519d2 summary");
    const note = page.locator("#dar-invites-muttaqi-to-islamabad-2025-04-19-e519d2-date");
    expect(await note.isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain("The text says only “on Saturday”.");
    await page.keyboard.press("Space");
    expect(await note.isVisible()).toBe(false);
    // Playwright's snapshot has no role for <summary>: Chromium's own tree says what a screen reader is told.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as unknown as {
      nodes: {
        role?: { value: string };
        name?: { value: string };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    const disclosure = nodes.find(
      (n) => n.role?.value === "DisclosureTriangle" && n.name?.value.startsWith("19 April"),
    );
    expect([disclosure?.name?.value, disclosure?.properties?.find((p) => p.name === "expanded")?.value.value]).toEqual([
      "19 April, inferred",
      false,
    ]);
    await page.close();
  });

  it("takes an inferred date in running text one click to its note, opened", async () => {
    const { page } = await open("/");
    await page.locator(".home-crossings a.inferred-mark").first().click();
    await page.waitForURL(
      /\/articles\/envoy-kabul-talks-torkham-reopens\/#envoy-kabul-talks-torkham-reopens-2025-03-22-5f4b8c-date$/,
    );
    const note = page.locator("#envoy-kabul-talks-torkham-reopens-2025-03-22-5f4b8c-date");
    await expect.poll(() => note.isVisible()).toBe(true);
    await page.close();
  });

  it("reads a status badge as a word of its own, followed by a colon", async () => {
    const { page } = await open("/timeline/");
    const item = page.locator("#asif-delegation-kabul-torkham-closure-2023-02-19-da469a > p").first();
    // The hidden colon is out of the flow, so Chromium gives it a text run of its own: "Closed :", a word apart.
    expect(await item.ariaSnapshot()).toBe(
      '- paragraph: "Closed : The Taliban close Torkham, saying Pakistan failed to keep a pledge to let Afghans without valid travel documents cross for medical purposes."',
    );
    await page.close();
  });
});
