/**
 * What only a browser shows about the visuals: they fit a 390 px phone and a 1280 px screen without sideways scroll,
 * and "since your last visit" marks what is new, from the reader's own browser, without moving anything.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, useSite } from "../support/site.ts";
import { BUILDS } from "./builds.ts";

const session = useSite(BUILDS.root.outDir);

async function open(path: string, options: { width?: number; javaScript?: boolean; seen?: string } = {}) {
  const { width = 1280, javaScript = true, seen } = options;
  const context = await session.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
  if (seen)
    await context.addInitScript(
      (value) => {
        if (!sessionStorage.getItem("briefing-since")) localStorage.setItem("briefing-since", value);
      },
      JSON.stringify({ seen, at: "2025-03-23T09:00:00.000Z" }),
    );
  const page = await context.newPage();
  await page.goto(session.server.root + path.slice(1));
  return { page, close: () => context.close() };
}

const newItems = (page: Page) =>
  page.locator(".is-new").evaluateAll((all) => all.map((el) => el.querySelector("a")?.getAttribute("href") ?? ""));

describe("the visuals", () => {
  it.each(["/", "/timeline/", "/actors/", "/actors/ttp/", "/crossings/", "/crossings/torkham/"])(
    "%s fits a 390 px phone and a 1280 px screen without sideways scroll",
    async (path) => {
      for (const width of [390, 1280]) {
        const { page, close } = await open(path, { width });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} at ${width}`,
        ).toBeLessThanOrEqual(width);
        expect(await page.locator("figure.visual svg").count(), path).toBeGreaterThan(0);
        await close();
      }
    },
  );
});

describe("since your last visit", () => {
  it("marks the events and articles published after the newest one seen last time, and says so", async () => {
    const { page, close } = await open("/", { seen: "2025-03-22" });
    const marked = await newItems(page);
    expect(marked.length).toBeGreaterThan(0);
    const events = await page.locator(".home-latest .timeline > li").count();
    expect(
      await page
        .locator(".article-list > li.is-new")
        .evaluateAll((all) => all.map((a) => a.querySelector("h3 a")?.getAttribute("href"))),
    ).toEqual([
      "/articles/dar-invites-muttaqi-to-islamabad/",
      "/articles/taliban-shift-on-ttp-coordination-committee/",
      "/articles/foreign-ministry-ttp-central-issue/",
    ]);
    expect(events).toBeGreaterThan(0);
    expect(await page.locator("[data-since-summary]").textContent()).toBe(
      `Highlighted: ${marked.length} items on this page published after your last visit, on 23 March 2025.`,
    );
    await close();
  });

  it.each(["light", "dark"] as const)("is accessible with items marked, in the %s colour scheme", async (scheme) => {
    for (const path of ["/", "/timeline/"]) {
      const { page, close } = await open(path, { seen: "2025-03-22" });
      await page.emulateMedia({ colorScheme: scheme });
      expect((await newItems(page)).length, path).toBeGreaterThan(0);
      expect(await axeViolations(page), path).toEqual([]);
      await close();
    }
  });

  it("keeps the marks through the visit, and forgets everything when asked", async () => {
    const { page, close } = await open("/", { seen: "2025-03-22" });
    const first = await newItems(page);
    await page.reload();
    expect(await newItems(page)).toEqual(first);
    await page.getByRole("button", { name: "Forget my visits" }).click();
    expect(await newItems(page)).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("briefing-since"))).toBeNull();
    await close();
  });

  it("on a first visit marks nothing and says what will happen", async () => {
    const { page, close } = await open("/timeline/");
    expect(await newItems(page)).toEqual([]);
    expect(await page.locator("[data-since-summary]").textContent()).toBe(
      "From your next visit, what is published after 20 April 2025 will be marked.",
    );
    await close();
  });

  it("moves nothing on the page, and without JavaScript is not there at all", async () => {
    const shifts = async (javaScript: boolean) => {
      const { page, close } = await open("/timeline/", { javaScript, seen: "2025-03-22" });
      const box = await page.locator("#since-visit").boundingBox();
      const top = await page.locator(".timeline").first().boundingBox();
      await close();
      return { box, top: top?.y };
    };
    const withJs = await shifts(true);
    const without = await shifts(false);
    expect(withJs.box?.height).toBeGreaterThan(0);
    expect(without.box).toBeNull();
    // The note's place is reserved before it is drawn: filling it in moves nothing below it.
    const { page, close } = await open("/timeline/", { seen: "2025-03-22" });
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(cls).toBe(0);
    await close();
  });
});
