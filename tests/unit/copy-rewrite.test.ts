/**
 * The offline copy's rewrite of one page (scripts/lib/offline-copy.ts): what changes for `file://`, what is taken
 * out, what is left byte for byte, and what is read for the copy's search index, as Pagefind reads it.
 */
import { describe, expect, it } from "vitest";
import { rewritePage } from "../../scripts/lib/offline-copy.ts";

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe("rewritePage: the page written into the copy", () => {
  it("makes every address a relative file path and leaves the rest of the page as it was, byte for byte", () => {
    const html = page(
      `<meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css">`,
      `<!-- kept --><a class="x" href="/actors/ttp/#roles">TTP &amp; allies</a> <a href="https://example.org/">out</a>` +
        `<img src="/map.svg" alt=""><form action="/search/"><input name="q"></form>`,
    );
    const classic = new Set<string>();
    expect(rewritePage(html, "articles/x/index.html", "/", classic).html).toBe(
      page(
        `<meta charset="utf-8"><link rel="stylesheet" href="../../_astro/a.css">`,
        `<!-- kept --><a class="x" href="../../actors/ttp/index.html#roles">TTP &amp; allies</a> ` +
          `<a href="https://example.org/">out</a><img src="../../map.svg" alt><form action="../../search/index.html">` +
          `<input name="q"></form>`,
      ),
    );
    expect(classic).toEqual(new Set());
  });

  it("escapes what an address holds, and keeps a foreign element's self-closing tag and its attributes' case", () => {
    const html = page(
      "",
      `<a href="/search/?q=a&amp;b&quot;">q</a><svg viewBox="0 0 1 1"><use href="/i.svg#x"/></svg>`,
    );
    expect(rewritePage(html, "index.html", "/", new Set()).html).toBe(
      page("", `<a href="search/index.html?q=a&amp;b&quot;">q</a><svg viewBox="0 0 1 1"><use href="i.svg#x"/></svg>`),
    );
  });

  it("makes a module script a deferred classic one, noted for bundling, and gives the copy its own policy", () => {
    const html = page(
      `<meta http-equiv="content-security-policy" content="default-src 'self'; worker-src 'self'">` +
        `<script type="module" src="/_astro/page.js"></script><script type="application/ld+json">{}</script>`,
      "",
    );
    const classic = new Set<string>();
    expect(rewritePage(html, "actors/index.html", "/", classic).html).toBe(
      page(
        `<meta http-equiv="content-security-policy" content="default-src 'self' file:; worker-src 'none'">` +
          `<script src="../_astro/page.js" defer></script><script type="application/ld+json">{}</script>`,
        "",
      ),
    );
    expect(classic).toEqual(new Set(["/_astro/page.js"]));
  });

  it("takes out links to left-out files and the copy's own download, with all they hold, but still reads them", () => {
    const html = page(
      `<link rel="manifest" href="/manifest.webmanifest"><link rel="sitemap" href="/sitemap-index.xml"><title>T</title>`,
      `<main data-pagefind-body><p>Before.</p><p data-offline-download>Download <a href="/x.zip">the copy</a></p>` +
        `<ul><li>One<li><span data-offline-download>gone</span> Two</ul></main>`,
    );
    const { html: copy, read } = rewritePage(html, "index.html", "/", new Set());
    expect(copy).toBe(
      page(`<title>T</title>`, `<main data-pagefind-body><p>Before.</p><ul><li>One<li> Two</ul></main>`),
    );
    expect(read.text).toBe("Before. Download the copy One gone Two");
  });
});

describe("rewritePage: what is read for the copy's search index", () => {
  it("reads the regions marked data-pagefind-body, blocks apart, without scripts, SVG or ignored parts", () => {
    const html = page(
      `<title>Not read</title>`,
      `<header>Header</header><main data-pagefind-body><h2>Torkham</h2><p>Trucks <em>queued</em>` +
        `<br>for days.</p><script>var x = "no";</script><svg><text>no</text></svg>` +
        `<div data-pagefind-ignore>Ignored <p>all of it</p></div><noscript>no</noscript>` +
        `<section data-pagefind-body><p>Nested.</p></section></main><footer>Footer</footer>` +
        `<aside data-pagefind-body>Aside&nbsp;too</aside>`,
    );
    const { read } = rewritePage(html, "index.html", "/", new Set());
    expect(read.indexed).toBe(true);
    // Every run of white space, a no-break space too, is one space.
    expect(read.text).toBe("Torkham Trucks queued for days. Nested. Aside too");
  });

  it("takes the title from the first h1 with text, or the metadata's, and nothing from a page with no region", () => {
    const html = page("", `<h1 data-pagefind-ignore>Hidden</h1><h1>The <em>Chaman</em> crossing</h1><h1>Later</h1>`);
    const { read } = rewritePage(html, "index.html", "/", new Set());
    expect(read.title).toBe("The Chaman crossing");
    expect(read.indexed).toBe(false);
    expect(read.text).toBe("");
  });

  it("reads filters and metadata in Pagefind's three forms, in the order of their elements", () => {
    const html = page(
      `<meta data-pagefind-meta="date:2025-03-01">`,
      `<main data-pagefind-body><span data-pagefind-filter="actor">Tehrik-e-Taliban <b>Pakistan</b></span>` +
        `<img src="/a.png" alt="x" data-pagefind-meta="image[src]"><p data-pagefind-filter="type:Article">x</p>` +
        `<div data-pagefind-filter="actor"><span data-pagefind-filter="actor">Inner</span> Outer</div>` +
        `<h1 data-pagefind-meta="title">Heading <script>no</script>text</h1>` +
        `<span data-pagefind-meta="date:2025-04-02"></span></main>`,
    );
    const { read } = rewritePage(html, "articles/a/index.html", "/", new Set());
    expect([...read.filters]).toEqual([
      ["actor", ["Tehrik-e-Taliban Pakistan", "Inner Outer", "Inner"]],
      ["type", ["Article"]],
    ]);
    expect([...read.meta]).toEqual([
      ["date", "2025-04-02"],
      ["image", "../../a.png"],
      ["title", "Heading text"],
    ]);
    expect(read.title).toBe("Heading text");
  });
});
