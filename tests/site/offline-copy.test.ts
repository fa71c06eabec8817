/**
 * The offline copy in real Chromium: the fixture site's zip, unzipped to a temporary folder and opened from the disk
 * (`file://`) with no server. Reading, following links, searching by an alias and a facet, with an empty console and
 * no request that leaves the disk; every address in the copy resolves to a file in it; the zip is deterministic.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOfflineCopy } from "../../scripts/lib/offline-copy.ts";
import { offlineZipName } from "../../src/lib/offline-copy.ts";
import { launch } from "../support/browser.ts";
import { serve } from "../support/server.ts";
import { BUILDS } from "./builds.ts";
import { resultsOn } from "./search-helpers.ts";

const ZIP = offlineZipName({ title: "Fixture Desk" });
const FOLDER = ZIP.replace(/\.zip$/, "");
const zipPath = resolve(BUILDS.fixture.outDir, ZIP);

let unzipped: string;
let root: string;
let entries: string[];
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  unzipped = mkdtempSync(join(tmpdir(), "offline-copy-"));
  const files = unzipSync(readFileSync(zipPath));
  entries = Object.keys(files);
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    mkdirSync(dirname(join(unzipped, name)), { recursive: true });
    writeFileSync(join(unzipped, name), data);
  }
  root = pathToFileURL(join(unzipped, FOLDER)).href + "/";
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(unzipped, { recursive: true, force: true });
});

/** A page of the copy, watched: console messages, uncaught errors and any request off the disk are problems. */
async function open(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("console", (m) => problems.push(`${path}: console ${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${path}: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith("file://")) problems.push(`${path}: request to ${r.url()}`);
  });
  page.on("requestfailed", (r) => problems.push(`${path}: failed ${r.url()}`));
  await page.goto(root + path);
  return page;
}
const inCopy = (page: Page) => page.url().slice(root.length);

describe("the zip", () => {
  it("holds the site in one folder, sorted, without what needs a server", () => {
    expect(entries.every((e) => e.startsWith(`${FOLDER}/`))).toBe(true);
    expect(entries).toEqual([...entries].sort());
    const paths = entries.map((e) => e.slice(FOLDER.length + 1));
    expect(paths).toContain("index.html");
    expect(paths).toContain("search/offline/pages.js");
    expect(paths).toContain("search/offline/text-all.js");
    const needServer =
      /^(sw\.js|404\.html|manifest\.webmanifest|robots\.txt|sitemap)|^pagefind\/|^(search|offline)\/.*\.json$/;
    expect(paths.filter((p) => needServer.test(p))).toEqual([]);
  });

  it("is the same bytes when made again from the same site", async () => {
    const again = join(unzipped, "again.zip");
    await buildOfflineCopy(BUILDS.fixture.outDir, { base: "/", zipPath: again, folder: FOLDER });
    expect(readFileSync(again).equals(readFileSync(zipPath))).toBe(true);
  });

  it("links every page, stylesheet, script and image by a relative path to a file in the copy", () => {
    const broken: string[] = [];
    for (const entry of entries.filter((e) => e.endsWith(".html"))) {
      const html = readFileSync(join(unzipped, entry), "utf8");
      for (const [, address] of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        if (/^(https?:|mailto:|#|$)/.test(address!)) continue;
        const file = address!.replace(/[?#].*$/, "");
        if (file.startsWith("/") || (!file.endsWith(".html") && !/\.\w+$/.test(file)))
          broken.push(`${entry}: ${address}`);
        else if (!existsSync(resolve(dirname(join(unzipped, entry)), file))) broken.push(`${entry}: ${address}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("opened from the disk", () => {
  it("follows links from the home page to an actor, an article, a crossing and the timeline", async () => {
    const page = await open("index.html");
    await expect(page.locator(".offline-download").count()).resolves.toBe(0);
    await page.locator(".site-nav").getByRole("link", { name: "Actors" }).click();
    expect(inCopy(page)).toBe("actors/index.html");
    await page.locator("main").getByRole("link", { name: "Example Ministry" }).first().click();
    expect(inCopy(page)).toBe("actors/example-ministry/index.html");
    await expect(page.locator("h1").textContent()).resolves.toBe("Example Ministry");
    await page
      .locator("main")
      .getByRole("link", { name: "Ministry holds talks after North Gate reopens" })
      .first()
      .click();
    expect(inCopy(page)).toBe("articles/ministry-talks-after-reopening/index.html");
    await page.locator("main").getByRole("link", { name: "North Gate" }).first().click();
    expect(inCopy(page)).toBe("crossings/north-gate/index.html");
    await page.locator(".site-nav").getByRole("link", { name: "Timeline" }).click();
    expect(inCopy(page)).toBe("timeline/index.html");
    await expect(page.locator("h1").textContent()).resolves.toBe("Timeline");
    // The stylesheet applied: the skip link waits above the top of the page.
    const top = await page.locator(".skip-link").evaluate((a) => a.getBoundingClientRect().top);
    expect(top).toBeLessThan(0);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it("searches by an alias from the header's box, with the entity's page first", async () => {
    const page = await open("articles/index.html");
    await page.locator("#site-search-q").fill("the ministry");
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(/search\/index\.html\?q=/);
    expect(await resultsOn(page)).toEqual(
      [
        "actors/example-ministry/",
        "articles/ministry-talks-after-reopening/",
        "articles/gfm-showcase/",
        "articles/components/",
        "timeline/",
        "timeline/page/2/",
      ].map((p) => `${new URL(root).pathname}${p}index.html`),
    );
    await expect(page.locator("#search-status").textContent()).resolves.toBe("6 results for “the ministry”.");
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it("narrows by a facet, keeps the state in the address, and opens a result", async () => {
    const page = await open("search/index.html?q=north+gate");
    const before = await resultsOn(page);
    expect(before.length).toBeGreaterThan(2);
    await page.locator('#search-facets input[name="year"][value="2025"]').check();
    await page.waitForFunction(() => location.search.includes("year=2025"));
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.startsWith("2 "));
    expect((await resultsOn(page)).map((p) => p.slice(new URL(root).pathname.length))).toEqual([
      "articles/gate-closes-for-repairs/index.html",
      "articles/ministry-talks-after-reopening/index.html",
    ]);
    await expect(page.locator(".search-result mark").first().textContent()).resolves.toMatch(/^North$/i);
    await page.locator(".search-result h2 a").first().click();
    expect(inCopy(page)).toBe("articles/gate-closes-for-repairs/index.html");
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

describe("the copy's search and Pagefind", () => {
  it.each([
    "q=the+ministry",
    "q=north+gate&year=2025",
    "q=repairs",
    "q=Example+Ministry&type=Article",
    "q=gate&crossing=North+Gate&year=2026",
    "type=Article&year=2025",
  ])("find the same pages for %s", async (params) => {
    const server = await serve(BUILDS.fixture.outDir);
    try {
      const online = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
      await online.goto(`${server.root}search/?${params}`);
      const found = (await resultsOn(online)).map((p) => p.replace(/^\//, ""));
      await online.context().close();
      const offline = await open(`search/index.html?${params}`);
      const copy = (await resultsOn(offline)).map((p) =>
        p.slice(new URL(root).pathname.length).replace(/index\.html$/, ""),
      );
      await offline.context().close();
      expect(found.length).toBeGreaterThan(0);
      expect(copy.sort()).toEqual(found.sort());
      expect(problems).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
