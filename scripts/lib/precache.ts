/**
 * Chooses what a reader's first visit keeps for offline use (the service worker's precache) within the site's
 * offline budget. Pure: the build lists the files, this decides, so the rules are tested without a build.
 *
 * While the whole site fits, all of it is kept, as a small site deserves. Past the budget, the visit keeps what
 * reading and searching need to start offline, in order of need, each file only if it still fits: first the shell
 * every page needs (which must fit), then the home page, search with its look-up index and Pagefind's runtime, then
 * the section indexes. Everything else is cached as the reader opens it, or saved on request.
 */
import type { OfflineFile } from "../../src/lib/offline.ts";

export interface PrecachePlan {
  /** True when the whole site fits the budget and is kept. */
  whole: boolean;
  precache: OfflineFile[];
  /** What the first visit does not keep: the files a reader's save downloads. */
  rest: OfflineFile[];
  /** Core files left out because they did not fit, for the build to report. */
  leftOut: OfflineFile[];
}

export interface CoreFiles {
  /** Paths (or `dir/*` for every file in a folder) every page needs offline; the budget must hold them. */
  shell: readonly string[];
  /** Paths in order of need, each kept if it still fits. */
  wanted: readonly string[];
}

export class BudgetError extends Error {
  override name = "BudgetError";
}

function matches(pattern: string, path: string): boolean {
  return pattern.endsWith("/*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** The budget is in bytes; `reserved` is what the build adds to the precache beside the files (the edition). */
export function planPrecache(
  files: readonly OfflineFile[],
  core: CoreFiles,
  budget: number,
  reserved = 0,
): PrecachePlan {
  const total = files.reduce((sum, [, bytes]) => sum + bytes, 0);
  if (total + reserved <= budget) return { whole: true, precache: [...files], rest: [], leftOut: [] };

  const chosen = new Set<OfflineFile>();
  let used = reserved;
  for (const pattern of core.shell) {
    for (const file of files.filter(([path]) => matches(pattern, path))) {
      chosen.add(file);
      used += file[1];
    }
  }
  if (used > budget) {
    throw new BudgetError(
      `the offline budget (offlineBudgetMB in site.yaml) is ${format(budget)}, but the offline page and the ` +
        `layout's styles and scripts alone take ${format(used)}. Raise offlineBudgetMB to at least ` +
        `${Math.ceil(used / 100_000) / 10}.`,
    );
  }
  const leftOut: OfflineFile[] = [];
  for (const pattern of core.wanted) {
    for (const file of files.filter((f) => matches(pattern, f[0]) && !chosen.has(f))) {
      if (used + file[1] <= budget) {
        chosen.add(file);
        used += file[1];
      } else leftOut.push(file);
    }
  }
  return {
    whole: false,
    precache: files.filter((f) => chosen.has(f)),
    rest: files.filter((f) => !chosen.has(f)),
    leftOut,
  };
}

export function format(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}
