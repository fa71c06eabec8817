/**
 * Screenshots of every page type at phone and desktop widths, light and dark, into .tmp/screenshots/, for looking
 * at what we build. Usage: npm run build && npm run screenshots [-- /path/ …]
 */
import { mkdirSync } from "node:fs";
import { launch } from "../tests/support/browser.ts";
import { serve } from "../tests/support/server.ts";

// --top: only the first screenful, which is easier to read than a full page.
const top = process.argv.includes("--top");
const args = process.argv.slice(2).filter((a) => a !== "--top");
const paths = args.length
  ? args
  : [
      "/",
      "/articles/envoy-kabul-talks-torkham-reopens/",
      "/actors/ttp/",
      "/crossings/torkham/",
      "/timeline/",
      "/actors/",
      "/themes/cross-border-militancy/",
    ];
const out = ".tmp/screenshots";
mkdirSync(out, { recursive: true });
const server = await serve("dist");
const browser = await launch();
for (const scheme of ["light", "dark"] as const) {
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const path of paths) {
      await page.goto(server.origin + path);
      const name = `${path.replace(/\W+/g, "_") || "home"}-${width}-${scheme}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: !top });
      console.log(`${out}/${name}`);
    }
    await page.close();
  }
}
await browser.close();
await server.close();
