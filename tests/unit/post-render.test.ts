import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOfflineCopy } from "../../scripts/lib/offline-copy.ts";
import type { StreamedPage } from "../../scripts/lib/page-stream.ts";
import { PostRender } from "../../scripts/lib/post-render.ts";
import { buildSearchIndex } from "../../scripts/lib/search-index.ts";
import { readFiles as files, writeFiles } from "../support/files.ts";

const scratch = mkdtempSync(join(tmpdir(), "post-render-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MARKER = "⟦facts⟧";
const page = (title: string, body: string, indexed: boolean) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><link rel="stylesheet" href="/style.css"></head>` +
  `<body><nav><a href="/">Home</a> <a href="/actors/ttp/">TTP</a> <a data-offline-download href="/x.zip">Zip ${MARKER}</a></nav>` +
  `<main${indexed ? " data-pagefind-body" : ""}><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** Twenty articles, an actor, the home page and an archive page with no body to index, in the order of their files. */
const PAGES: Record<string, string> = Object.fromEntries(
  [
    ...Array.from({ length: 20 }, (_, i) => {
      const n = String(i + 1).padStart(2, "0");
      return [`articles/a${n}/index.html`, page(`Article ${n}`, `Trucks crossed at Torkham on day ${n}.`, true)];
    }),
    ["actors/ttp/articles/page/2/index.html", page("TTP: articles, page 2", "Torkham Chaman talks.", false)],
    ["actors/ttp/index.html", page("TTP", "Tehrik-i-Taliban Pakistan, named in every article.", true)],
    ["index.html", page("Briefing", "Latest on the crossings.", false)],
  ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
);
const ORDER = Object.keys(PAGES);

const site = (name: string) =>
  writeFiles(join(scratch, name), {
    ...PAGES,
    "style.css": "body{font:1rem system-ui}",
    "search/names.json": JSON.stringify({
      entities: [["Actor", "TTP", ["Tehrik-i-Taliban Pakistan"], "/actors/ttp/"]],
    }),
  });

const options = (dir: string) => ({ base: "/", zipPath: join(dir, "x.zip"), folder: "x", marker: MARKER });

/** The index and the zip made from the disk after rendering, as the build made them before it streamed pages. */
async function fromDisk(): Promise<{ search: Map<string, Buffer>; zip: Buffer }> {
  const dir = site("disk");
  await expect(buildSearchIndex(dir)).resolves.toEqual({ errors: [], pages: 21 });
  await buildOfflineCopy(dir, options(dir));
  return { search: files(join(dir, "pagefind")), zip: readFileSync(join(dir, "x.zip")) };
}
// Pagefind runs as one process for the whole test file (its Node API's `close` stops it): one index at a time.
let reference: { search: Map<string, Buffer>; zip: Buffer };
beforeAll(async () => {
  reference = await fromDisk();
});

/** Streams `pages` as Astro renders them, then finishes; what the site holds afterwards. */
async function streamed(name: string, pages: StreamedPage[], rewritten: string[] = []) {
  const dir = site(name);
  const post = new PostRender(dir, options(dir));
  for (const page of pages) post.take(page);
  const result = await post.finish(rewritten);
  const { search, copy } = result;
  if (search.status === "rejected" || copy.status === "rejected") throw new Error("a stage failed");
  return {
    result,
    search: files(join(dir, "pagefind")),
    zip: readFileSync(join(dir, "x.zip")),
    marked: copy.value.marked,
  };
}
const pages = (files: string[]): StreamedPage[] => files.map((file) => ({ type: "page", file, html: PAGES[file]! }));

/** The pages as two at a time finish: each pair's second page first. */
const inPairs = ORDER.flatMap((_, i) => (i % 2 === 0 ? [ORDER[i + 1], ORDER[i]] : [])).filter(
  (f): f is string => f !== undefined,
);

/** The same bytes as made from the disk: Pagefind's index and the zip. */
function expectSameAsFromDisk(got: { search: Map<string, Buffer>; zip: Buffer }): void {
  expect([...got.search.keys()].sort()).toEqual([...reference.search.keys()].sort());
  for (const [file, bytes] of got.search) expect(bytes.equals(reference.search.get(file)!), file).toBe(true);
  expect(got.zip.equals(reference.zip)).toBe(true);
}

describe("PostRender", () => {
  it("makes the zip from pages streamed in any order, the same bytes as from the disk, and indexes the site", async () => {
    const got = await streamed("pairs", pages(inPairs));
    expect(inPairs).not.toEqual(ORDER);
    expect(got.result.streamed).toBe(ORDER.length);
    expect(got.result.remade).toBeUndefined();
    expect(got.result.search).toEqual({ status: "fulfilled", value: { errors: [], pages: 21 } });
    expectSameAsFromDisk(got);
    // Every page carries the marker, to be stamped with the zip's facts.
    expect(got.marked).toEqual(ORDER);
  });

  it("reads the pages Astro restored from its cache, never streamed, from the disk", async () => {
    const restored = [ORDER[0]!, ORDER[7]!, ORDER[ORDER.length - 1]!];
    const got = await streamed("restored", pages(ORDER.filter((f) => !restored.includes(f))));
    expect(got.result.streamed).toBe(ORDER.length - 3);
    expect(got.result.remade).toBeUndefined();
    expectSameAsFromDisk(got);
    expect(got.marked).toEqual(ORDER);
  });

  it("makes the copy again from the disk, and says why, when a streamed page was rewritten afterwards", async () => {
    const dir = site("rewritten");
    const post = new PostRender(dir, options(dir));
    for (const page of pages(ORDER)) post.take(page);
    // The page on the disk changes after it was streamed: the copy must hold the page on the disk.
    const file = "articles/a03/index.html";
    writeFileSync(join(dir, file), page("Article 03", "Corrected: trucks crossed at Chaman.", true));
    const result = await post.finish([file]);
    expect(result.remade).toBe(`rewritten after it was rendered: ${file}`);
    if (result.copy.status === "rejected") throw result.copy.reason;
    const again = join(scratch, "rewritten-again.zip");
    await buildOfflineCopy(dir, { ...options(dir), zipPath: again });
    expect(readFileSync(join(dir, "x.zip")).equals(readFileSync(again))).toBe(true);
    expect(readFileSync(again).equals(reference.zip)).toBe(false);
  });

  it("makes the copy again from the disk when a streamed page is not there", async () => {
    const got = await streamed("missing", [
      ...pages(ORDER),
      { type: "page", file: "gone/index.html", html: page("Gone", "Never written.", true) },
    ]);
    expect(got.result.remade).toBe("not on the disk: gone/index.html");
    expectSameAsFromDisk(got);
  });

  it("says which page came twice, and makes the copy from the disk", async () => {
    const got = await streamed("twice", pages([ORDER[0]!, ...ORDER]));
    expect(got.result.remade).toBe(`${ORDER[0]} was rendered twice`);
    expectSameAsFromDisk(got);
  });
});
