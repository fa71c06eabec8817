/** Build caches of throw-away content are removed after a week unused; the one being built with never is. */
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pruneCaches } from "../../scripts/lib/caches.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("pruneCaches", () => {
  it("removes only other build caches last used more than a week ago", () => {
    const root = mkdtempSync(join(tmpdir(), "caches-"));
    const now = Date.now();
    const cache = (name: string, daysAgo?: number) => {
      mkdirSync(join(root, name), { recursive: true });
      if (daysAgo === undefined) return;
      const mark = join(root, name, "last-build");
      writeFileSync(mark, "");
      const when = new Date(now - daysAgo * DAY);
      utimesSync(mark, when, when);
    };
    cache("build-current", 30);
    cache("build-recent", 2);
    cache("build-old", 8);
    cache("build-unmarked");
    cache("dev", 30);
    expect(pruneCaches(join(root, "build-current/"), now)).toEqual(["build-old"]);
    expect(
      ["build-current", "build-recent", "build-old", "build-unmarked", "dev"].map((n) => existsSync(join(root, n))),
    ).toEqual([true, true, false, true, true]);
  });
});
