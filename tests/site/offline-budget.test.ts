/**
 * Offline, for a site over its offline budget (the "budget" build: the real content under /briefing/, with
 * offlineBudgetMB: 0.5): the first visit keeps only what reading and searching need; search offline finds every
 * article and entity by title, name or alias from the look-up index and says what it cannot do; the reader can save
 * the whole briefing, and a new build updates the saved copy.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Edition, FileList } from "../../src/lib/offline.ts";
import { formatSize } from "../../src/lib/sizes.ts";
import { launch } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";
import { axeViolations } from "../support/site.ts";
import { BUILDS, SITE_URL } from "./builds.ts";
import { cachedPaths, firstVisit, summaryOf, takeNewBuild } from "./offline-helpers.ts";
import { resultsOn } from "./search-helpers.ts";

const { outDir, base } = BUILDS.budget;
const read = <T>(dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
const edition = read<Edition>(outDir, "offline/edition.json");
const list = read<FileList>(outDir, "offline/files.json");
/** A size as the save control writes it (src/scripts/offline-save.ts). */
const kB = (bytes: number) => formatSize(bytes, "en-GB");

const ARTICLES = {
  asif: `${base}articles/asif-delegation-kabul-torkham-closure/`,
  envoy: `${base}articles/envoy-kabul-talks-torkham-reopens/`,
  dar: `${base}articles/dar-invites-muttaqi-to-islamabad/`,
};
const NOTICE =
  "Offline: showing matches by title and name. Full-text search needs the briefing saved for offline reading — " +
  "Save the briefing.";

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  browser = await launch();
  server = await serve(outDir, base);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The results on the search page: each page's path and whether it is on the device. */
async function lookupResults(page: Page): Promise<{ path: string; saved: boolean }[]> {
  await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.trim());
  return page.locator(".search-result").evaluateAll((items) =>
    items.map((li) => ({
      path: new URL((li as HTMLElement).dataset["url"] ?? "", location.href).pathname,
      saved: li.querySelector(".not-saved") === null && li.querySelector("h2 > a") !== null,
    })),
  );
}

describe("the first visit to a site over its budget", () => {
  it("keeps the reading and search essentials, within the budget, and no article", async () => {
    const { context, page } = await firstVisit(browser, server);
    const pagefind = read<{ languages: Record<string, { hash: string }> }>(outDir, "pagefind/pagefind-entry.json");
    const meta = Object.values(pagefind.languages).map((l) => `pagefind/pagefind.${l.hash}.pf_meta`);
    const expected = [
      "",
      ...readdirSync(join(outDir, "_astro")).map((f) => `_astro/${f}`),
      "actors/",
      "articles/",
      "crossings/",
      "favicon.svg",
      "manifest.webmanifest",
      "offline/",
      "offline/edition.json",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind-highlight.js",
      "pagefind/pagefind-worker.js",
      ...meta,
      "pagefind/pagefind.js",
      "pagefind/wasm.en-gb.pagefind",
      "places/",
      "search/",
      "search/lookup.json",
      "search/names.json",
      "themes/",
      "timeline/",
    ].map((p) => base + p);
    expect(await cachedPaths(page, "workbox-precache")).toEqual(expected.sort());
    expect(edition.whole).toBe(false);
    expect(edition.precache.bytes).toBeLessThanOrEqual(BUILDS.budget.offlineBudgetMB * 1_000_000);
    expect(list.files.map(([path]) => path)).toContain("articles/envoy-kabul-talks-torkham-reopens/");
    await context.close();
  });
});

describe("search with the network off after one visit", () => {
  it("finds articles by title and entities by any alias from the look-up index, and says so", async () => {
    const { context, page } = await firstVisit(browser, server);
    await context.setOffline(true);
    await page.goto(`${server.root}search/?q=Tehreek-e-Taliban`);
    expect(await lookupResults(page)).toEqual([{ path: `${base}actors/ttp/`, saved: false }]);
    expect(await page.locator("#search-offline").isVisible()).toBe(true);
    expect(await page.locator("#search-offline").innerText()).toBe(NOTICE);
    expect(await page.locator("#search-status").textContent()).toBe("1 result for “Tehreek-e-Taliban”.");

    await page.fill("#search-q", "Muttaqi Islamabad");
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("Islamabad"));
    expect(await lookupResults(page)).toEqual([{ path: ARTICLES.dar, saved: false }]);
    expect(await page.locator(".search-result h2").textContent()).toBe(
      "Dar invites Muttaqi to Islamabad after one-day Kabul visit",
    );
    expect(await axeViolations(page)).toEqual([]);

    // The offline page, shown for a page not on the device, offers to save the briefing next time.
    await page.goto(`${server.root}no-such-page/`);
    expect(await page.locator("h1").textContent()).toBe("You are offline");
    expect(await summaryOf(page, "main")).toBe(
      "Pages you open are kept on this device. To read every page and use full-text search with no connection, " +
        `save the whole briefing: ${edition.save.pages} pages, ${kB(edition.save.bytes)} to download.`,
    );
    expect(await page.locator(".site-footer [data-offline-save]").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("links the results whose page is on the device and marks the others", async () => {
    const { context, page } = await firstVisit(browser, server);
    await page.goto(server.origin + ARTICLES.envoy);
    await context.setOffline(true);
    await page.goto(`${server.root}search/?q=Torkham`);
    expect(await lookupResults(page)).toEqual([
      { path: `${base}crossings/torkham/`, saved: false },
      { path: ARTICLES.envoy, saved: true },
      { path: ARTICLES.asif, saved: false },
    ]);
    expect(await page.locator(".search-result .not-saved").first().textContent()).toBe("Not saved on this device");
    await page.locator(".search-result h2 a").click();
    await page.waitForURL(/envoy-kabul-talks-torkham-reopens\/\?highlight=Torkham$/);
    expect(await page.locator("h1").textContent()).toBe(
      "Pakistan’s envoy raises TTP militancy in Kabul as Torkham reopens after nearly a month",
    );
    await context.close();
  });
});

describe("search offline, by the same names", () => {
  it("suggests the closest name for a misspelt one, from the names the device keeps", async () => {
    const { context, page } = await firstVisit(browser, server);
    await context.setOffline(true);
    await page.goto(`${server.root}search/?q=Chamman`);
    expect(await lookupResults(page)).toEqual([]);
    expect(await page.locator("#search-status").textContent()).toBe("No results for “Chamman”.");
    expect(await page.locator("#search-suggest").textContent()).toBe("Did you mean Chaman?");
    await page.locator("#search-suggest a").click();
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("“Chaman”"));
    expect(await lookupResults(page)).toEqual([{ path: `${base}crossings/chaman/`, saved: false }]);
    expect(await page.locator(".search-result p:not(.meta)").count()).toBe(0);
    await context.close();
  });

  it("says which other name found an entity, never the whole list", async () => {
    const { context, page } = await firstVisit(browser, server);
    await context.setOffline(true);
    await page.goto(`${server.root}search/?q=Pakistani+Taliban`);
    expect(await lookupResults(page)).toEqual([
      { path: `${base}actors/ttp/`, saved: false },
      { path: `${base}articles/taliban-shift-on-ttp-coordination-committee/`, saved: false },
    ]);
    expect(await page.locator(".search-result p:not(.meta)").allTextContents()).toEqual([
      "Also written “Pakistani Taliban”",
    ]);
    await context.close();
  });
});

describe("saving the whole briefing", () => {
  it("states the size first, shows progress, cancels, survives reloads, and then works offline", async () => {
    const slow = await serve(outDir, base, { delayMs: 40 });
    const { context, page } = await firstVisit(browser, slow);
    const footer = ".site-footer";
    const pages = `${edition.save.pages} pages`;
    expect(await summaryOf(page, footer)).toBe(
      "Pages you open are kept on this device. To read every page and use full-text search with no connection, " +
        `save the whole briefing: ${pages}, ${kB(edition.save.bytes)} to download.`,
    );
    // Nothing is downloaded before the reader asks.
    expect(await cachedPaths(page, "briefing-saved")).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Save the whole briefing for offline reading" }).click();
    await page
      .locator(`${footer} [data-summary]`)
      .filter({ hasText: /^Saving: [1-9]/ })
      .waitFor();
    expect(await page.locator(`${footer} progress`).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Cancel" }).click();
    const stopped = page.locator(`${footer} [data-summary]`).filter({ hasText: /^Saving cancelled\. / });
    await stopped.waitFor();
    const [, saved] = /^Saving cancelled\. (\d+) of /.exec((await stopped.textContent()) ?? "") ?? [];
    expect(Number(saved)).toBeGreaterThan(0);
    expect(Number(saved)).toBeLessThan(edition.save.pages);
    expect(await page.locator(`${footer} [data-status]`).textContent()).toBe(await stopped.textContent());
    const keptAtCancel = await cachedPaths(page, "briefing-saved");
    await page.waitForTimeout(300);
    expect(await cachedPaths(page, "briefing-saved")).toEqual(keptAtCancel);

    // After a reload the control shows what was saved, and resumes on request.
    await page.reload();
    expect(await summaryOf(page, footer)).toMatch(
      new RegExp(
        `^Saving stopped\\. ${saved} of ${pages} are saved on this device \\([\\d.]+ [kM]B of ${kB(edition.save.bytes)}\\)\\.$`,
      ),
    );
    expect(await axeViolations(page)).toEqual([]);
    const saving = page.locator(`${footer} [data-summary]`).filter({ hasText: /^Saving: / });
    await page.getByRole("button", { name: "Resume saving" }).click();
    await saving.waitFor();
    // A lost connection stops the save, which carries on by itself on the next page load once online again.
    await context.setOffline(true);
    await page
      .locator(`${footer} [data-summary]`)
      .filter({ hasText: /^Saving stopped: the connection failed\. Resume when you are online\. \d+ of / })
      .waitFor();
    await context.setOffline(false);
    await page.reload();
    await saving.waitFor();
    // So does a reload in the middle of saving.
    await page.reload();
    const done =
      `The whole briefing is saved on this device (${pages}, ${kB(edition.save.bytes)}): every page and ` +
      "full-text search work with no connection. Each new edition is saved when you are online.";
    await page.locator(`${footer} [data-summary]`).filter({ hasText: done }).waitFor({ timeout: 30_000 });
    expect(await cachedPaths(page, "briefing-saved")).toEqual(
      [...list.files.map(([path]) => base + path), `${base}offline/saved-copy.json`].sort(),
    );

    await context.setOffline(true);
    const allPages = list.files.map(([path]) => path).filter((p) => p.endsWith("/"));
    for (const path of allPages) {
      // Exactly the page built, as the worker serves it; its styles and scripts are precached.
      const response = await page.goto(slow.root + path, { waitUntil: "commit" });
      expect(response?.ok(), path).toBe(true);
      expect(await response?.text(), path).toBe(readFileSync(join(outDir, path, "index.html"), "utf8"));
    }
    await page.goto(`${slow.root}search/?q=Torkham&type=Article`);
    expect(await resultsOn(page)).toEqual([ARTICLES.asif, ARTICLES.envoy]);
    expect(await page.locator("#search-offline").isVisible()).toBe(false);
    await context.close();
    await slow.close();
  }, 120_000);
});

describe("a new build", () => {
  it("updates the saved copy: changed and new files fetched, removed ones dropped", async () => {
    const work = mkdtempSync(join(tmpdir(), "save-"));
    const content = join(work, "content");
    const out = join(work, "dist");
    cpSync(BUILDS.budget.contentDir, content, { recursive: true });
    cpSync(outDir, out, { recursive: true });
    const site = await serve(out, base);
    const { context, page } = await firstVisit(browser, site);
    await page.getByRole("button", { name: "Save the whole briefing for offline reading" }).click();
    await page
      .locator(".site-footer [data-summary]")
      .filter({ hasText: /^The whole briefing is saved/ })
      .waitFor();

    const file = join(content, "crossings/torkham.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^summary: .*$/m, "summary: The Zephyr Gate crossing."));
    // A search chunk or fragment that changes gets a new name: the old one must leave the saved copy.
    const build = spawnSync(process.execPath, ["scripts/build.ts"], {
      encoding: "utf8",
      env: { ...process.env, SITE_URL, CONTENT_DIR: content, OUT_DIR: out, BASE_PATH: base },
    });
    expect(build.status, build.stderr).toBe(0);
    const newList = read<FileList>(out, "offline/files.json");
    expect(newList.build).not.toBe(list.build);

    // The new worker takes over; the control sees a saved copy of an older build and brings it up to date.
    await takeNewBuild(page);
    await expect
      .poll(() => cachedPaths(page, "briefing-saved"), { timeout: 30_000 })
      .toEqual([...newList.files.map(([path]) => base + path), `${base}offline/saved-copy.json`].sort());
    const removed = list.files.filter(([path]) => !newList.files.some(([p]) => p === path));
    expect(removed.length).toBeGreaterThan(0);
    await page
      .locator(".site-footer [data-summary]")
      .filter({ hasText: /^The whole briefing is saved/ })
      .waitFor();

    await context.setOffline(true);
    await page.goto(`${site.root}crossings/torkham/`);
    expect(await page.locator(".lede").textContent()).toBe("The Zephyr Gate crossing.");
    await page.goto(`${site.root}search/?q=Zephyr`);
    expect(await resultsOn(page)).toEqual([`${base}crossings/torkham/`]);
    await context.close();
    await site.close();
  }, 120_000);
});
