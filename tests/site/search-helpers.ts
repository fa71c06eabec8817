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
