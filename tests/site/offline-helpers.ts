import type { Browser, BrowserContext, Page } from "playwright-core";
import type { StaticServer } from "../support/server.ts";

/** Opens the site and waits until the service worker has installed (precached its files) and controls the page. */
export async function firstVisit(
  browser: Browser,
  server: StaticServer,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.root);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

/** The paths in a cache whose name starts with `prefix` (Workbox's precache keys lose their revision), sorted. */
export async function cachedPaths(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate(async (prefix) => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith(prefix)) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  }, prefix);
}

/** Makes the page's service worker fetch the new build, and waits until the new worker has taken over. */
export async function takeNewBuild(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const taken = new Promise((done) =>
      navigator.serviceWorker.addEventListener("controllerchange", done, { once: true }),
    );
    await registration.update();
    await taken;
  });
}

/** What the save control in `within` says, once it has something to say. */
export async function summaryOf(page: Page, within: string): Promise<string> {
  const summary = page.locator(`${within} [data-summary]`);
  await summary.filter({ hasText: /./ }).waitFor();
  return (await summary.textContent()) ?? "";
}
