/**
 * What the build, the service worker and the pages agree on about offline reading: the files the build describes,
 * the caches, and how a saved copy is brought up to date. Pure: the browser code and the build both import it.
 *
 * A first visit keeps (precaches) what fits the site's offline budget; the reader may then save the rest, listed in
 * the file list with each file's size and revision. Both lists use site paths without the base, in the form a reader
 * navigates to (`articles/x/`, not `articles/x/index.html`).
 */

/** Site paths of the files the build writes for offline reading. */
export const OFFLINE_PATHS = {
  /** The edition: which build this is and what saving it costs. Small, and always precached. */
  edition: "offline/edition.json",
  /** Every file a reader's save downloads, with size and revision. Fetched only to save or update. */
  files: "offline/files.json",
  /** The look-up index's names of every entity (src/pages/search/names.json.ts); the search page loads it. */
  names: "search/names.json",
  /** The look-up index's titles of every article (src/pages/search/lookup.json.ts), for search offline. */
  lookup: "search/lookup.json",
  /** The page shown for anything not on the device. */
  offlinePage: "offline/",
} as const;

/** One file: site path, size on disk in bytes, revision (a hash of its content). */
export type OfflineFile = [path: string, bytes: number, revision: string];

export interface Totals {
  files: number;
  /** HTML pages among the files. */
  pages: number;
  /** Bytes on disk, before compression: an upper bound on what is downloaded. */
  bytes: number;
}

export interface Edition {
  /** A hash of every file's path and revision: it changes whenever any file does. */
  build: string;
  /** True when the whole site fits the budget and every visit keeps all of it: there is nothing to save. */
  whole: boolean;
  /** What the first visit keeps. */
  precache: Totals;
  /** What saving the whole briefing adds: the files of `offline/files.json`. */
  save: Totals;
}

export interface FileList {
  build: string;
  files: OfflineFile[];
}

/** A page is a directory path (its index.html) or an .html file. */
export function isPage(path: string): boolean {
  return path === "" || path.endsWith("/") || path.endsWith(".html");
}

export function totals(files: readonly OfflineFile[]): Totals {
  return {
    files: files.length,
    pages: files.filter(([path]) => isPage(path)).length,
    bytes: files.reduce((sum, [, bytes]) => sum + bytes, 0),
  };
}

/**
 * The caches, named per scope so that two sites on one origin keep apart. Workbox names the precache itself
 * (`workbox-precache-v2-<scope>`); a new build replaces it as a whole.
 */
export function cacheNames(scope: string) {
  return {
    /** Pages the reader opened, for reading offline: network first, so they are fresh whenever online. */
    pages: `briefing-pages-${scope}`,
    /** Pagefind chunks and fragments fetched by searches; their names are content hashes, so cache first. */
    search: `briefing-search-${scope}`,
    /** The reader's saved copy of the whole briefing, and the record of what it holds. */
    saved: `briefing-saved-${scope}`,
  };
}

/** Requests for a save carry this header; the service worker sends them to the network and keeps no second copy. */
export const SAVE_HEADER = "x-briefing-save";

/** Where, in the saved cache, the record of the saved copy lives (a path the site never serves). */
export const SAVED_STATE_PATH = "offline/saved-copy.json";

export interface SavedState {
  /** The build the saved files belong to. */
  build: string;
  /**
   * `saving` (also after a lost connection) resumes on the next page load; `stopped` (the reader cancelled) waits
   * for the reader; `saved` is complete.
   */
  status: "saving" | "stopped" | "saved";
  /** The revision of each file of that build, by path: what the saved files are checked against. */
  revisions: Record<string, string>;
  /** What was saved when this record was written (at the start, on stopping and on completing). */
  done?: Totals;
}

export interface SavePlan {
  /** Saved files to delete: gone from the new list, or changed since they were saved. */
  remove: string[];
  /** Files to download: in the list and not saved (or deleted above). */
  fetch: OfflineFile[];
  /** Files already saved and current. */
  kept: OfflineFile[];
}

/**
 * What bringing a saved copy up to `list` takes. `saved` are the paths in the saved cache, `state` the record of
 * the build they came from. A file is kept only if it was saved at the revision the list gives it.
 */
export function planSave(list: FileList, saved: Iterable<string>, state: SavedState | undefined): SavePlan {
  const wanted = new Map(list.files.map((f) => [f[0], f]));
  const have = new Set<string>();
  const remove: string[] = [];
  for (const path of saved) {
    const file = wanted.get(path);
    if (file && state?.revisions[path] === file[2]) have.add(path);
    else remove.push(path);
  }
  return {
    remove,
    fetch: list.files.filter(([path]) => !have.has(path)),
    kept: list.files.filter(([path]) => have.has(path)),
  };
}
