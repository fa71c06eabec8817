import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { close, createIndex } from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchIndex, pagesToIndex } from "../../scripts/lib/search-index.ts";
import { readFiles as files, writeFiles } from "../support/files.ts";

const scratch = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (title: string, body: string, indexed: boolean) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
  `<nav>Home Articles Actors</nav><main${indexed ? " data-pagefind-body" : ""}><h1>${title}</h1><p>${body}</p></main>` +
  `</body></html>`;

const site = (name: string, pages: Record<string, string>) => writeFiles(join(scratch, name), pages);

const PAGES = {
  "index.html": page("Briefing", "Latest on the crossings.", false),
  "articles/torkham-reopens/index.html": page("Torkham reopens", "Trucks crossed at Torkham after talks.", true),
  "articles/chaman-closed/index.html": page("Chaman closed", "Traders protested at Chaman.", true),
  "actors/ttp/articles/page/2/index.html": page("TTP: articles, page 2", "Torkham Chaman talks trucks.", false),
  "notes/index.html": page("Notes", "A page that mentions data-pagefind-body in its text.", false),
};

describe("pagesToIndex", () => {
  it("lists the pages that carry data-pagefind-body, and any that only name it in their text", () => {
    expect(pagesToIndex(site("some", PAGES))).toEqual([
      "articles/chaman-closed/index.html",
      "articles/torkham-reopens/index.html",
      "notes/index.html",
    ]);
  });

  it("takes the pages already read from what it is told, and reads only the others from the disk", () => {
    // Told the opposite of what the disk holds for two pages: the answer shows they were not read again.
    const known = new Map([
      ["articles/torkham-reopens/index.html", false],
      ["index.html", true],
    ]);
    expect(pagesToIndex(site("known", PAGES), known)).toEqual([
      "articles/chaman-closed/index.html",
      "index.html",
      "notes/index.html",
    ]);
  });

  it("lists every page when none carries it, as Pagefind then indexes them all", () => {
    const dir = site("none", {
      "index.html": page("Briefing", "Latest.", false),
      "a/index.html": page("A", "Alpha.", false),
      "a/style.css": "p{}",
    });
    expect(pagesToIndex(dir)).toEqual(["a/index.html", "index.html"]);
  });
});

describe("buildSearchIndex", () => {
  it("writes the same index as Pagefind over the whole site, and counts the pages it read", async () => {
    const ours = site("ours", PAGES);
    const whole = site("whole", PAGES);
    const result = await buildSearchIndex(ours);
    expect(result).toEqual({ errors: [], pages: 3 });
    const { index } = await createIndex({});
    await index!.addDirectory({ path: whole });
    await index!.writeFiles({ outputPath: join(whole, "pagefind") });
    await close();
    const a = files(join(ours, "pagefind"));
    const b = files(join(whole, "pagefind"));
    for (const kit of [...b.keys()].filter((f) => /^pagefind-(component-|modular-)?ui\./.test(f))) b.delete(kit);
    // The two articles' fragments among them (the notes page, read, has no body to index).
    expect([...a.keys()].filter((f) => f.startsWith("fragment/"))).toHaveLength(2);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
    // The folder of links is gone, and the site is as it was, with its index.
    expect(readdirSync(scratch).filter((d) => d.includes("search-pages"))).toEqual([]);
    expect([...files(ours).keys()].filter((f) => !f.startsWith("pagefind/")).sort()).toEqual(Object.keys(PAGES).sort());
  });
});
