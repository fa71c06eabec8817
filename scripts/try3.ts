import { launch } from "../tests/support/browser.ts";
import { serve } from "../tests/support/server.ts";
const server = await serve("dist");
const browser = await launch();
for (const p of [
  "",
  "actors/ttp/",
  "articles/",
  "timeline/",
  "search/?q=Torkham",
  "data/",
  "offline/",
  "articles/dar-invites-muttaqi-to-islamabad/?highlight=Torkham",
  "nope/",
]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error("CSP", e.violatedDirective, e.blockedURI),
    ),
  );
  page.on("console", (m) => console.log(p, "CONSOLE", m.type(), m.text()));
  page.on("pageerror", (e) => console.log(p, "PAGEERROR", e.message));
  await page.goto(server.root + p);
  await page.waitForTimeout(1500);
  console.log(
    p,
    "ok",
    await page
      .locator("#search-status")
      .textContent()
      .catch(() => ""),
  );
  await context.close();
}
await browser.close();
await server.close();
