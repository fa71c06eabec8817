/// <reference lib="webworker" />
/**
 * The service worker (bundled by scripts/lib/service-worker.ts). A first visit keeps what the build chose within
 * the offline budget (the precache); after that, pages the reader opens and search index chunks fetched are kept as
 * they come, and the reader may save the whole briefing (src/scripts/offline-save.ts). Offline, a request is served
 * from the precache, then the saved copy, then what was kept on the way; a page found nowhere gets the offline page.
 *
 * A new build's worker replaces the precache as one unit and takes over at once (skipWaiting, clientsClaim), so a
 * page never pairs old precached pages with a new index.
 */
import { clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import {
  cleanupOutdatedCaches,
  getCacheKeyForURL,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from "workbox-precaching";
import { registerRoute, setDefaultHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import type { WorkboxPlugin } from "workbox-core/types.js";
import { cacheNames, OFFLINE_PATHS, SAVE_HEADER } from "../lib/offline.ts";
import type { WorkerQuestion } from "./offline-client.ts";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

const scope = self.registration.scope;
const names = cacheNames(scope);
const offlinePage = scope + OFFLINE_PATHS.offlinePage;

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
// Query strings (?q=… on /search/, ?highlight=… on any page) do not change a page.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });

/** The address a file is kept under: without query or fragment. */
function key(url: string): string {
  const u = new URL(url, scope);
  u.search = "";
  u.hash = "";
  return u.href;
}

async function fromSavedCopy(url: string): Promise<Response | undefined> {
  const cache = await caches.open(names.saved);
  return cache.match(key(url));
}

/** Keeps runtime entries under the address without its query, and falls back on the reader's saved copy. */
const keptOrSaved: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => key(request.url),
  cachedResponseWillBeUsed: async ({ cachedResponse, request }) =>
    cachedResponse ?? (await fromSavedCopy(request.url)) ?? null,
};

/** Keeps a runtime cache to its newest `maxEntries` entries. */
function bounded(maxEntries: number): WorkboxPlugin {
  // Workbox's plugin classes do not type-check under exactOptionalPropertyTypes (GoogleChrome/workbox#3141).
  return new ExpirationPlugin({ maxEntries }) as WorkboxPlugin;
}

// Pages: the network first, so a reader online always gets the current page; within a few seconds on a poor
// connection, or offline, the copy on the device. Every page opened is kept (up to a bound) to read again offline.
const pages = new NetworkFirst({
  cacheName: names.pages,
  networkTimeoutSeconds: 4,
  plugins: [keptOrSaved, bounded(300)],
});
registerRoute(
  ({ request }) => request.mode === "navigate",
  async (options) => {
    try {
      return await pages.handle(options);
    } catch {
      return (await matchPrecache(offlinePage)) ?? Response.error();
    }
  },
);

// Pagefind's chunks and fragments are named by their content's hash: one never changes, so the device's copy is
// always right. Failures are counted for the search page, because Pagefind itself carries on without the chunk.
const search = new CacheFirst({
  cacheName: names.search,
  plugins: [keptOrSaved, bounded(1000)],
});
let searchMisses = 0;
const instance = Math.random().toString(36).slice(2);
registerRoute(
  ({ url, request }) =>
    url.href.startsWith(scope + "pagefind/") &&
    /\.pf_(index|fragment|filter)$/.test(url.pathname) &&
    !request.headers.has(SAVE_HEADER),
  async (options) => {
    try {
      return await search.handle(options);
    } catch (error) {
      searchMisses++;
      throw error;
    }
  },
);

// Everything else, and the save control's downloads: the network, and offline the saved copy.
setDefaultHandler(async ({ request }) => {
  try {
    return await fetch(request);
  } catch (error) {
    const saved = request.headers.has(SAVE_HEADER) ? undefined : await fromSavedCopy(request.url);
    if (saved) return saved;
    throw error;
  }
});

/** Whether a page can be opened offline: precached, saved or kept when it was read. */
async function onDevice(url: string): Promise<boolean> {
  if (getCacheKeyForURL(key(url))) return true;
  if (await fromSavedCopy(url)) return true;
  return (await (await caches.open(names.pages)).match(key(url))) !== undefined;
}

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  const question = event.data as WorkerQuestion;
  if (!port) return;
  if (question.type === "search-misses") port.postMessage(`${instance}:${searchMisses}`);
  else if (question.type === "on-device") {
    event.waitUntil(Promise.all(question.urls.map(onDevice)).then((answer) => port.postMessage(answer)));
  }
});
