/**
 * Screenshots of every page type at phone and desktop widths, light and dark, into .tmp/screenshots/, for looking
 * at what we build. Usage: npm run build && npm run screenshots [-- /path/ …] [--top] [--site DIR]
 *   --site DIR takes them of another build than dist/, e.g. the fixture build with its tiny page sizes.
 */
import { mkdirSync } from "node:fs";
import { launch } from "../tests/support/browser.ts";
import { serve } from "../tests/support/server.ts";

// --top: only the first screenful, which is easier to read than a full page.
const top = process.argv.includes("--top");
const siteAt = process.argv.indexOf("--site");
const site = siteAt > 0 ? process.argv[siteAt + 1] : undefined;
const args = process.argv.slice(2).filter((a, i, all) => a !== "--top" && a !== "--site" && all[i - 1] !== "--site");
const paths = args.length
  ? args
  : [
      "/",
      "/articles/envoy-kabul-talks-torkham-reopens/",
      "/actors/ttp/",
      "/crossings/torkham/",
      "/crossings/",
      "/places/",
      "/places/kabul/",
      "/timeline/",
      "/actors/",
      "/themes/cross-border-militancy/",
    ];
const out = ".tmp/screenshots";
mkdirSync(out, { recursive: true });
const server = await serve(site ?? "dist");
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
