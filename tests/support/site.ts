/** Shared set-up for the browser tests: one Chromium and one server on a built site per test file, and axe. */
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launch } from "./browser.ts";
import { serve, type StaticServer } from "./server.ts";

export interface SiteSession {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** Starts a server on `dir` and a browser before the file's tests, and stops both after them. */
export function useSite(dir: string): SiteSession {
  const session = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    session.server = await serve(dir);
    session.browser = await launch();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** axe-core's violations on the page (WCAG 2.1 A and AA, and best practice), one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the site's Content-Security-Policy rightly
  // refuses an inline script it has no hash for.
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
