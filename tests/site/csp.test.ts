/**
 * The Content-Security-Policy: every page of the built site carries the same strict policy (Astro's hashes, no
 * 'unsafe-inline', nothing from another origin), and in real Chromium no page type reports a violation — search with
 * Pagefind's WebAssembly and worker, a facet, highlighting and the service worker included.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES } from "../../src/lib/csp.ts";
import { useSite } from "../support/site.ts";
import { BUILDS } from "./builds.ts";
import { resultsOn } from "./search-helpers.ts";

const DIR = BUILDS.root.outDir;
const session = useSite(DIR);

/** The policy of a page: directive name → sources. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
  if (!meta) return undefined;
  return new Map(
    meta[1]!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("every page's policy", () => {
  const pages = readdirSync(DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));

  it("is the site's: the directives of src/lib/csp.ts, scripts and styles by hash, nothing inline", () => {
    const wrong: string[] = [];
    for (const file of pages) {
      const policy = policyOf(readFileSync(join(DIR, file), "utf8"));
      if (!policy) {
        wrong.push(`${file}: no policy`);
        continue;
      }
      for (const directive of CSP_DIRECTIVES) {
        const [name, ...sources] = directive.split(" ");
        if (policy.get(name!)?.join(" ") !== sources.join(" ")) wrong.push(`${file}: ${name} ${policy.get(name!)}`);
      }
      const script = policy.get("script-src") ?? [];
      const style = policy.get("style-src") ?? [];
      const hashes = (sources: string[]) => sources.filter((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s));
      if (script.join(" ") !== [...CSP_SCRIPT_SOURCES, ...hashes(script)].join(" ")) wrong.push(`${file}: ${script}`);
      if (style.join(" ") !== ["'self'", ...hashes(style)].join(" ")) wrong.push(`${file}: ${style}`);
      const names = [...policy.keys()].sort();
      const expected = [...CSP_DIRECTIVES.map((d) => d.split(" ")[0]!), "script-src", "style-src"].sort();
      if (names.join() !== expected.join()) wrong.push(`${file}: directives ${names}`);
    }
    expect(pages.length).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it("leaves no script inline that its policy does not hash, no style element and no style attribute", () => {
    const inline: string[] = [];
    for (const file of pages) {
      const html = readFileSync(join(DIR, file), "utf8");
      // An inline script is allowed only when the page's own policy lists its hash (Astro's, or src/lib/csp.ts's).
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? "";
      for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/\bsrc=|type="application\/ld\+json"/.test(attrs!) || body === "") continue;
        const hash = `'sha256-${createHash("sha256").update(body!).digest("base64")}'`;
        if (!policy.includes(hash)) inline.push(`${file}: <script${attrs}>`);
      }
      if (/<style[\s>]/.test(html)) inline.push(`${file}: <style>`);
      if (/\sstyle="/.test(html)) inline.push(`${file}: style attribute`);
    }
    expect(inline).toEqual([]);
  });
});

describe("in Chromium", () => {
  const violations: string[] = [];

  async function open(path: string, serviceWorkers: "allow" | "block" = "block"): Promise<Page> {
    const page = await (await session.browser.newContext({ serviceWorkers })).newPage();
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`),
      ),
    );
    page.on("console", (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(`${path}: ${m.text()}`);
    });
    await page.goto(session.server.root + path.replace(/^\//, ""));
    return page;
  }

  it.each([
    "/",
    "/articles/",
    "/articles/asif-delegation-kabul-torkham-closure/",
    "/actors/",
    "/actors/ttp/",
    "/crossings/torkham/",
    "/themes/border-crossings/",
    "/timeline/",
    "/data/",
    "/offline/",
    "/not-a-page/",
  ])("reports no violation on %s", async (path) => {
    const page = await open(path);
    await page.waitForLoadState("networkidle");
    await page.context().close();
    expect(violations).toEqual([]);
  });

  it("reports none while Pagefind searches, filters and a result's page marks the words", async () => {
    const page = await open("/search/?q=Torkham");
    const results = await resultsOn(page);
    expect(results.length).toBeGreaterThan(2);
    const before = await page.locator("#search-status").textContent();
    await page.locator('#search-facets input[name="type"][value="Crossing"]').check();
    await page.waitForFunction((t) => document.getElementById("search-status")?.textContent !== t, before);
    const crossings = await resultsOn(page);
    expect(crossings[0]).toBe("/crossings/torkham/");
    expect(crossings.every((p) => p.startsWith("/crossings/"))).toBe(true);
    await page.locator(".search-result h2 a").first().click();
    await page.locator("mark.pagefind-highlight").first().waitFor();
    await page.context().close();
    expect(violations).toEqual([]);
  });

  it("reports none while the service worker installs and controls the page", async () => {
    const page = await open("/", "allow");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.context().close();
    expect(violations).toEqual([]);
  });
});
