/**
 * Offline, for a site within its offline budget: after one visit the service worker has saved every page and the
 * whole search index; with the network gone, visited and unvisited pages open, search works, and anything else shows
 * the offline page. A new build replaces the cache as a whole. (offline-budget.test.ts: a site over its budget.)
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Edition } from "../../src/lib/offline.ts";
import { formatSize } from "../../src/lib/sizes.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";
import { BUILDS } from "./builds.ts";
import { offlineFiles } from "../../scripts/lib/service-worker.ts";
import { cachedPaths, firstVisit, summaryOf, takeNewBuild } from "./offline-helpers.ts";
import { resultsOn } from "./search-helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("with the network off after one visit", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await serve(BUILDS.root.outDir);
    ({ context, page } = await firstVisit(browser, server));
    await context.setOffline(true);
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  /** A size as the footer writes it (src/scripts/offline-save.ts). */
  const size = (bytes: number) => formatSize(bytes, "en-GB");

  it("kept the whole site on the first visit, and says so in the footer", async () => {
    const edition = JSON.parse(readFileSync(join(BUILDS.root.outDir, "offline/edition.json"), "utf8")) as Edition;
    expect(edition.whole).toBe(true);
    const everyFile = offlineFiles(BUILDS.root.outDir).map(([path]) => `/${path}`);
    expect(everyFile).toContain("/articles/envoy-kabul-talks-torkham-reopens/");
    expect(await cachedPaths(page, "workbox-precache")).toEqual([...everyFile, "/offline/edition.json"].sort());
    expect(await summaryOf(page, ".site-footer")).toBe(
      `This whole briefing (${edition.precache.pages} pages, ${size(edition.precache.bytes)}) is ` +
        "kept on this device: every page and full-text search work with no connection.",
    );
    expect(await page.locator(".site-footer button:visible").count()).toBe(0);
  });

  it("reloads the page already visited", async () => {
    await page.reload();
    expect(await page.locator("h1").textContent()).toBe("Where things stand");
  });

  it("opens a page not yet visited", async () => {
    await page.goto(`${server.root}actors/isis-k/`);
    expect(await page.locator("h1").textContent()).toBe("Islamic State’s Khorasan branch");
  });

  it("searches", async () => {
    await page.goto(`${server.root}search/?q=Torkham&type=Article`);
    expect(await resultsOn(page)).toEqual([
      "/articles/asif-delegation-kabul-torkham-closure/",
      "/articles/envoy-kabul-talks-torkham-reopens/",
    ]);
  });

  it("shows the offline page, with links to what is saved, for anything else", async () => {
    await page.goto(`${server.root}no-such-page/`);
    expect(await page.locator("h1").textContent()).toBe("You are offline");
    expect(await page.getByRole("link", { name: "Search" }).count()).toBeGreaterThan(0);
  });
});

describe("a new build", () => {
  it("replaces the saved site and search index together", async () => {
    const work = mkdtempSync(join(tmpdir(), "sw-"));
    const content = join(work, "content");
    const out = join(work, "dist");
    cpSync("tests/fixtures/content", content, { recursive: true });
    cpSync(BUILDS.fixture.outDir, out, { recursive: true });
    const server = await serve(out);
    const { context, page } = await firstVisit(browser, server);
    const before = await page.evaluate(() => caches.keys());

    // Publish a change: a new crossing name, which the pages and the search index must both show offline.
    const file = join(content, "crossings/north-gate.md");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("summary: A crossing", "summary: A renamed crossing, Zephyr Gate"),
    );
    const build = spawnSync(process.execPath, ["scripts/build.ts"], {
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out },
    });
    expect(build.status, build.stderr).toBe(0);

    // The page finds the new worker; it installs the new precache and takes over (controllerchange).
    await takeNewBuild(page);
    await page.reload();
    // Still one precache, now holding the new build: no old pages beside a new index.
    expect(await page.evaluate(() => caches.keys())).toEqual(before);

    await context.setOffline(true);
    await page.goto(`${server.root}crossings/north-gate/`);
    expect(await page.locator(".lede").textContent()).toBe(
      "A renamed crossing, Zephyr Gate that exists only in the tests.",
    );
    await page.goto(`${server.root}search/?q=Zephyr`);
    expect(await resultsOn(page)).toEqual(["/crossings/north-gate/"]);
    await context.close();
    await server.close();
  });
});
