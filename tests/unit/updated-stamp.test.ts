import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stampUpdated } from "../../scripts/lib/updated-stamp.ts";

const page = (updated: string | undefined, body: string) =>
  `<html><body><header>${updated === undefined ? "" : `<p class="site-updated">Updated <time>${updated}</time></p>`}</header><main>${body}</main></body></html>`;

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "stamp-"));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

describe("stampUpdated", () => {
  it("puts the home page's Updated line into every page whose line is older, and only those", () => {
    const dir = site({
      "index.html": page("10 Apr 2025", "home"),
      "articles/a/index.html": page("1 Mar 2025", "<p>A restored page.</p>"),
      "articles/b/index.html": page("10 Apr 2025", "<p>A page rendered now.</p>"),
      "404.html": page("1 Mar 2025", "<p>Not found.</p>"),
      "data/events.csv": "id,date\n",
    });
    expect(stampUpdated(dir)).toEqual(["404.html", "articles/a/index.html"]);
    expect(readFileSync(join(dir, "articles/a/index.html"), "utf8")).toBe(
      page("10 Apr 2025", "<p>A restored page.</p>"),
    );
    expect(readFileSync(join(dir, "404.html"), "utf8")).toBe(page("10 Apr 2025", "<p>Not found.</p>"));
    expect(readFileSync(join(dir, "articles/b/index.html"), "utf8")).toBe(
      page("10 Apr 2025", "<p>A page rendered now.</p>"),
    );
  });

  it("does not read the pages rendered in this build: only the restored ones", () => {
    // A rendered page carries the current line; one given as rendered with an older line shows it was not read.
    const dir = site({
      "index.html": page("10 Apr 2025", "home"),
      "articles/a/index.html": page("1 Mar 2025", "<p>Restored.</p>"),
      "articles/b/index.html": page("1 Mar 2025", "<p>Given as rendered.</p>"),
    });
    expect(stampUpdated(dir, new Set(["index.html", "articles/b/index.html"]))).toEqual(["articles/a/index.html"]);
    expect(readFileSync(join(dir, "articles/b/index.html"), "utf8")).toBe(
      page("1 Mar 2025", "<p>Given as rendered.</p>"),
    );
  });

  it("leaves a site alone whose home page has no Updated line (no articles yet)", () => {
    const dir = site({ "index.html": page(undefined, "home"), "a/index.html": page("1 Mar 2025", "a") });
    expect(stampUpdated(dir)).toEqual([]);
    expect(readFileSync(join(dir, "a/index.html"), "utf8")).toBe(page("1 Mar 2025", "a"));
  });
});
