/**
 * What only a browser shows about entity and article pages: the folds stay accessible when opened, "In this article"
 * follows the body on a phone and sits beside it on a wide screen, and a printed article is black on white in either
 * colour scheme, without the site's furniture, with its address and its source, on at most two A4 pages.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, useSite } from "../support/site.ts";
import { BUILDS, SITE_URL } from "./builds.ts";
import { modelOf } from "./models.ts";

const session = useSite(BUILDS.root.outDir);

async function open(path: string, options: { colorScheme?: "light" | "dark"; width?: number } = {}): Promise<Page> {
  const { colorScheme = "light", width = 1280 } = options;
  const page = await session.browser.newPage({ colorScheme, viewport: { width, height: 900 } });
  await page.goto(session.server.root + path.slice(1));
  return page;
}

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe.each(["light", "dark"] as const)("opened folds in the %s colour scheme", (colorScheme) => {
  it.each(["/actors/ttp/", "/actors/sadiq-khan/", "/articles/foreign-ministry-ttp-central-issue/"])(
    "%s has no accessibility violations with every fold open",
    async (path) => {
      const page = await open(path, { colorScheme });
      const folds = await page.locator("details").evaluateAll((all) => {
        for (const d of all) (d as HTMLDetailsElement).open = true;
        return all.length;
      });
      expect(folds).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );
});

describe("In this article", () => {
  const boxes = async (page: Page) =>
    page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        return r ? { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right } : undefined;
      };
      return { body: box("article.prose"), panel: box("#in-this-article"), events: box("#events") };
    });

  it("comes after the body on a 390 px phone, before the events", async () => {
    const page = await open("/articles/envoy-kabul-talks-torkham-reopens/", { width: 390 });
    const { body, panel, events } = await boxes(page);
    expect(panel && body && panel.top >= body.bottom).toBe(true);
    expect(panel && events && panel.bottom <= events.top).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it("sits beside the body, at its top, on a 1280 px screen", async () => {
    const page = await open("/articles/envoy-kabul-talks-torkham-reopens/");
    const { body, panel } = await boxes(page);
    expect(panel && body && panel.left >= body.right).toBe(true);
    expect(panel && body && panel.top < body.top).toBe(true);
    await page.close();
  });
});

describe.each(["light", "dark"] as const)("a printed article from a %s-scheme browser", (colorScheme) => {
  it.each(modelOf("root").articles.map((a) => a.id))("%s fits on two A4 pages", async (id) => {
    const page = await open(`/articles/${id}/`, { colorScheme });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("is black on white, leaves out the furniture, and prints its own address and its source", async () => {
    const page = await open("/articles/envoy-kabul-talks-torkham-reopens/", { colorScheme });
    await page.emulateMedia({ media: "print", colorScheme });
    const shown = (selector: string) =>
      page.locator(selector).evaluateAll((all) => all.map((e) => e.checkVisibility()));
    for (const furniture of [
      ".site-nav",
      ".site-search",
      "#in-this-article",
      ".related-articles",
      ".pager",
      ".site-footer",
    ]) {
      expect(await shown(furniture), furniture).toEqual([false]);
    }
    expect(await shown(".provenance")).toEqual([true]);
    expect(await page.locator(".print-address").innerText()).toBe(
      `${SITE_URL}/articles/envoy-kabul-talks-torkham-reopens/`,
    );
    const colours = await page.evaluate(() =>
      [document.body, document.querySelector(".status"), document.querySelector(".provenance")].map((e) => {
        const style = e ? getComputedStyle(e) : undefined;
        return [style?.color, style?.backgroundColor];
      }),
    );
    expect(colours).toEqual([
      ["rgb(0, 0, 0)", "rgb(255, 255, 255)"],
      ["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"],
      ["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"],
    ]);
    await page.close();
  });
});
