/**
 * Astro keeps a cache folder per content folder and address (src/lib/deployment.ts). Builds of throw-away content
 * (tests, benchmarks) would leave theirs behind for ever: a build marks its own cache as used and removes the ones
 * nobody has built with for a week.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const WEEK = 7 * 24 * 60 * 60 * 1000;
const MARK = "last-build";

export function pruneCaches(cacheDir: string, now = Date.now()): string[] {
  mkdirSync(cacheDir, { recursive: true });
  const mark = join(cacheDir, MARK);
  if (existsSync(mark)) utimesSync(mark, new Date(now), new Date(now));
  else writeFileSync(mark, "");
  const root = dirname(cacheDir.replace(/\/+$/, ""));
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const used = join(root, name, MARK);
    if (!name.startsWith("build-") || name === basename(cacheDir) || !existsSync(used)) continue;
    if (now - statSync(used).mtimeMs > WEEK) {
      rmSync(join(root, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
