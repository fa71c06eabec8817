/**
 * Generates the service worker with Workbox: it precaches every page, asset and the whole search index, so the site
 * reads and searches offline after one visit. Each build gets a new precache manifest (revisions are content
 * hashes), so a new build replaces the old cache as one unit: never old pages with a new index.
 */
import { generateSW } from "workbox-build";
import { join } from "node:path";

export async function buildServiceWorker(siteDir: string, base: string) {
  const { count, size, warnings } = await generateSW({
    globDirectory: siteDir,
    globPatterns: [
      "**/*.{html,css,js,mjs,json,xml,svg,png,txt,webmanifest,wasm,pagefind,pf_meta,pf_index,pf_fragment,pf_filter}",
    ],
    globIgnores: ["sw.js", "workbox-*.js", "404.html"],
    swDest: join(siteDir, "sw.js"),
    // Precache URLs are relative to the site root; the base makes them absolute under any sub-path.
    modifyURLPrefix: { "": base },
    // "/actors/ttp/" is served from "/actors/ttp/index.html"; query strings (?q=… on /search/) do not matter.
    directoryIndex: "index.html",
    ignoreURLParametersMatching: [/.*/],
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
    runtimeCaching: [
      {
        // Anything not precached: try the network, and offline show the offline page.
        urlPattern: ({ request }) => request.mode === "navigate",
        handler: "NetworkOnly",
        options: { precacheFallback: { fallbackURL: `${base}offline/index.html` } },
      },
    ],
  });
  return { count, size, warnings };
}
