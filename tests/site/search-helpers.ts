import type { Page } from "playwright-core";

/** Reads the results through the page's own UI, following "Show more" to the end; returns paths in order. */
export async function resultsOn(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.trim());
  const links = page.locator(".search-result > h2 > a");
  const more = page.locator("#search-more");
  while (await more.isVisible()) {
    const shown = await links.count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, shown);
  }
  return links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

export interface ShownResult {
  path: string;
  /** The excerpt as read. */
  excerpt: string;
  /** The words marked in the excerpt. */
  marked: string[];
  /** Each sub-result's line. */
  subs: string[];
}

/** Every result as the page shows it (following "Show more"): path, excerpt, marked words, sub-results. */
export async function shownResults(page: Page): Promise<ShownResult[]> {
  await resultsOn(page);
  return page.locator(".search-result").evaluateAll((items) =>
    items.map((li) => ({
      path: new URL((li.querySelector("h2 > a") as HTMLAnchorElement).href).pathname,
      excerpt: li.querySelector(":scope > p:not(.meta)")?.textContent ?? "",
      marked: [...li.querySelectorAll(":scope > p mark")].map((m) => m.textContent ?? ""),
      subs: [...li.querySelectorAll(".sub-results > li")].map((s) => s.textContent ?? ""),
    })),
  );
}
