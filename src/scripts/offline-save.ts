/**
 * "Save the whole briefing for offline reading" (src/components/OfflineSave.astro). Before anything is downloaded it
 * states the size; saving shows pages and bytes, can be cancelled, and resumes after a reload; a saved copy is
 * brought up to date with each new build (changed and new files fetched, removed ones dropped).
 *
 * The page drives the download, not the service worker: the browser stops a worker that has no event to answer
 * (Chromium after 30 seconds idle, and any event after 5 minutes), which a large save on a poor connection outlasts,
 * while the page lives as long as the reader watches it, can show progress directly and cancel with an
 * AbortController. The files go into the saved-copy cache, which the worker reads offline; beside them lies the
 * record of the build they belong to (`SavedState`), so a reload, another tab or a new build knows what is there.
 */
import {
  cacheNames,
  isPage,
  OFFLINE_PATHS,
  planSave,
  SAVE_HEADER,
  SAVED_STATE_PATH,
  totals,
  type Edition,
  type FileList,
  type OfflineFile,
  type SavedState,
  type Totals,
} from "../lib/offline.ts";
import { formatSize } from "../lib/sizes.ts";

const base = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const scope = new URL(base, location.href).href;
const names = cacheNames(scope);
/** Downloads at once: enough to fill a slow link, few enough to leave room for the page the reader is on. */
const PARALLEL = 4;
/** The live region speaks at most this often while saving, so a screen reader is not flooded. */
const ANNOUNCE_MS = 2000;

const urlOf = (path: string) => scope + path;
const pathOf = (url: string) => (url.startsWith(scope) ? url.slice(scope.length) : url);

const lang = () => document.documentElement.lang || "en";
const number = (n: number) => new Intl.NumberFormat(lang()).format(n);
const pages = (n: number) => `${number(n)} ${n === 1 ? "page" : "pages"}`;
const size = (bytes: number) => formatSize(bytes, lang());
const add = (t: Totals, [path, bytes]: OfflineFile): Totals => ({
  files: t.files + 1,
  pages: t.pages + (isPage(path) ? 1 : 0),
  bytes: t.bytes + bytes,
});

interface View {
  root: HTMLElement;
  summary: HTMLElement;
  progress: HTMLProgressElement;
  status: HTMLElement;
  save: HTMLButtonElement;
  cancel: HTMLButtonElement;
  remove: HTMLButtonElement;
}

function viewOf(root: HTMLElement): View {
  const part = <T extends HTMLElement>(selector: string) => root.querySelector(selector) as T;
  return {
    root,
    summary: part("[data-summary]"),
    progress: part("[data-progress]"),
    status: part("[data-status]"),
    save: part('[data-action="save"]'),
    cancel: part('[data-action="cancel"]'),
    remove: part('[data-action="remove"]'),
  };
}

async function readState(): Promise<SavedState | undefined> {
  if (!(await caches.has(names.saved))) return undefined;
  const response = await (await caches.open(names.saved)).match(urlOf(SAVED_STATE_PATH));
  return response ? ((await response.json()) as SavedState) : undefined;
}

async function writeState(cache: Cache, state: SavedState): Promise<void> {
  const body = JSON.stringify(state);
  await cache.put(urlOf(SAVED_STATE_PATH), new Response(body, { headers: { "content-type": "application/json" } }));
}

/** The reader cancelled (as opposed to the connection failing). */
class Cancelled extends Error {}
/** The host serves a newer build than the page's worker holds. */
class NewEdition extends Error {}

export async function startOfflineSave(): Promise<void> {
  const views = [...document.querySelectorAll<HTMLElement>("[data-offline-save]")].map(viewOf);
  if (views.length === 0 || !("serviceWorker" in navigator) || !("caches" in window)) return;
  // The control promises offline reading, which needs the worker installed with its precache.
  await navigator.serviceWorker.ready;

  let edition: Edition | undefined;
  let running: Promise<void> | undefined;
  let controller: AbortController | undefined;
  let lastAnnounced = 0;
  /** A save waits for the new build's worker (NewEdition): start it again once that worker takes over. */
  let saveWhenUpdated = false;

  function show(
    summary: string,
    buttons: { save?: string; cancel?: boolean; remove?: boolean },
    progress?: { value: number; max: number },
  ): void {
    for (const v of views) {
      v.root.hidden = false;
      v.summary.textContent = summary;
      v.save.hidden = !buttons.save;
      v.save.textContent = buttons.save ?? "";
      v.cancel.hidden = !buttons.cancel;
      v.remove.hidden = !buttons.remove;
      v.progress.hidden = !progress;
      if (progress) {
        v.progress.max = Math.max(progress.max, 1);
        v.progress.value = progress.value;
      }
    }
  }

  /** Says `text` in the polite live region; while saving, at most every few seconds unless `now`. */
  function announce(text: string, now = true): void {
    if (!now && performance.now() - lastAnnounced < ANNOUNCE_MS) return;
    lastAnnounced = performance.now();
    for (const v of views) v.status.textContent = text;
  }

  /** Says what is on the device; `stopped` says why a save just stopped. */
  function showAtRest(e: Edition, state: SavedState | undefined, stopped?: string): void {
    if (e.whole) {
      show(
        `This whole briefing (${pages(e.precache.pages)}, ${size(e.precache.bytes)}) is kept on this device: ` +
          "every page and full-text search work with no connection.",
        {},
      );
    } else if (state?.status === "saved" && state.done) {
      show(
        `The whole briefing is saved on this device (${pages(state.done.pages)}, ${size(state.done.bytes)}): ` +
          "every page and full-text search work with no connection. Each new edition is saved when you are online.",
        { remove: true },
      );
    } else if (state?.done) {
      show(
        `${stopped ?? "Saving stopped."} ${number(state.done.pages)} of ${pages(e.save.pages)} are saved on this ` +
          `device (${size(state.done.bytes)} of ${size(e.save.bytes)}).`,
        { save: "Resume saving", remove: true },
      );
    } else {
      show(
        "Pages you open are kept on this device. To read every page and use full-text search with no connection, " +
          `save the whole briefing: ${pages(e.save.pages)}, ${size(e.save.bytes)} to download.`,
        { save: "Save the whole briefing for offline reading" },
      );
    }
  }

  function showProgress(done: Totals, total: Totals, updating: boolean, now = false): void {
    const text =
      `${updating ? "Updating the saved briefing" : "Saving"}: ${number(done.pages)} of ${pages(total.pages)}, ` +
      `${size(done.bytes)} of ${size(total.bytes)}.`;
    show(text, { cancel: true }, { value: done.bytes, max: total.bytes });
    announce(text, now);
  }

  async function download(e: Edition, signal: AbortSignal): Promise<void> {
    const listResponse = await fetch(urlOf(OFFLINE_PATHS.files), {
      cache: "no-cache",
      headers: { [SAVE_HEADER]: "1" },
      signal,
    });
    if (!listResponse.ok) throw new Error(`${listResponse.status} fetching the file list`);
    const list = (await listResponse.json()) as FileList;
    if (list.build !== e.build) {
      // The site already serves a newer build than this page's worker: save that one once the worker has it.
      await (await navigator.serviceWorker.getRegistration(scope))?.update();
      throw new NewEdition();
    }
    const cache = await caches.open(names.saved);
    const previous = await readState();
    const saved = (await cache.keys()).map((r) => pathOf(r.url)).filter((p) => p !== SAVED_STATE_PATH);
    const plan = planSave(list, saved, previous);
    for (const path of plan.remove) await cache.delete(urlOf(path));
    const revisions = Object.fromEntries(list.files.map(([path, , revision]) => [path, revision]));
    const total = totals(list.files);
    let done = totals(plan.kept);
    const updating = previous?.status === "saved";
    await writeState(cache, { build: list.build, status: "saving", revisions, done });
    showProgress(done, total, updating, true);

    let next = 0;
    const worker = async () => {
      while (next < plan.fetch.length) {
        signal.throwIfAborted();
        const file = plan.fetch[next++]!;
        const response = await fetch(urlOf(file[0]), {
          cache: "no-cache",
          headers: { [SAVE_HEADER]: "1" },
          signal,
        });
        if (!response.ok) throw new Error(`${response.status} fetching ${file[0]}`);
        await cache.put(urlOf(file[0]), response);
        done = add(done, file);
        showProgress(done, total, updating);
      }
    };
    try {
      await Promise.all(Array.from({ length: PARALLEL }, () => worker().catch((error) => controller?.abort(error))));
      signal.throwIfAborted();
    } catch (error) {
      // Only the reader stops a save: one the connection broke resumes on the next page load.
      const status = signal.reason instanceof Cancelled ? "stopped" : "saving";
      await writeState(cache, { build: list.build, status, revisions, done });
      throw error;
    }
    await writeState(cache, { build: list.build, status: "saved", revisions, done: total });
  }

  async function save(): Promise<void> {
    const e = edition;
    if (running || !e || e.whole) return running;
    controller = new AbortController();
    const { signal } = controller;
    show("Getting the list of files…", { cancel: true });
    running = (async () => {
      const task = async () => {
        let stopped: string | undefined;
        try {
          await download(e, signal);
        } catch (error) {
          const reason: unknown = signal.aborted ? signal.reason : error;
          saveWhenUpdated = reason instanceof NewEdition;
          stopped =
            reason instanceof Cancelled
              ? "Saving cancelled."
              : saveWhenUpdated
                ? "A new edition of the briefing is being installed; saving resumes when it is ready."
                : "Saving stopped: the connection failed. Resume when you are online.";
        }
        showAtRest(e, await readState(), stopped);
        announce(views[0]?.summary.textContent ?? "");
      };
      // One tab saves at a time; another tab's control only reports.
      if (!navigator.locks) return task();
      await navigator.locks.request(`briefing-save-${scope}`, { ifAvailable: true }, async (lock) => {
        if (lock) await task();
        else show("The briefing is being saved in another tab of this browser.", {});
      });
    })().finally(() => (running = undefined));
    return running;
  }

  async function refresh(): Promise<void> {
    await running;
    const response = await fetch(urlOf(OFFLINE_PATHS.edition)).catch(() => undefined);
    if (!response?.ok) return;
    edition = (await response.json()) as Edition;
    const state = await readState();
    // A save interrupted by a reload or a lost connection carries on; a saved copy of an older build is updated.
    const outdated = state?.status === "saved" && state.build !== edition.build;
    if (!edition.whole && (state?.status === "saving" || outdated || saveWhenUpdated)) void save();
    else showAtRest(edition, state);
    saveWhenUpdated = false;
  }

  for (const v of views) {
    v.save.addEventListener("click", () => void save());
    v.cancel.addEventListener("click", () => controller?.abort(new Cancelled()));
    v.remove.addEventListener("click", async () => {
      controller?.abort(new Cancelled());
      await running;
      await caches.delete(names.saved);
      if (edition) showAtRest(edition, undefined);
      announce("The saved copy is removed from this device.");
    });
  }
  // A new build's worker has taken over: its edition may need saving.
  navigator.serviceWorker.addEventListener("controllerchange", () => void refresh());
  await refresh();
}
