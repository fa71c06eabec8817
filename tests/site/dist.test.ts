import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILDS, SITE_URL, type BuildName } from "./builds.ts";
import { loadSiteConfig } from "../../src/lib/content-files.ts";
import { attributes, decode, filesIn, navLinks, read, section } from "./html.ts";

const root = BUILDS.root.outDir;
const ids = (folder: string, contentDir = "content") =>
  readdirSync(join(contentDir, folder))
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, ""))
    .sort();

describe("the built site", () => {
  const pages = filesIn(root).filter((f) => f.endsWith(".html"));

  it.each(["articles", "actors", "crossings", "places", "themes"])(
    "has one page per entry in content/%s/",
    (folder) => {
      const built = pages
        .filter((f) => new RegExp(`^${folder}/[^/]+/index\\.html$`).test(f))
        .map((f) => f.split("/")[1])
        .sort();
      expect(built).toEqual(ids(folder));
    },
  );

  it("has exactly the pages the content makes: one per entry, the lists, and an archive for each long list", () => {
    const entries = ["articles", "actors", "crossings", "places", "themes"].flatMap((folder) =>
      ids(folder).map((id) => `${folder}/${id}/index.html`),
    );
    expect(pages).toEqual(
      [
        "index.html",
        "404.html",
        "articles/index.html",
        "actors/index.html",
        "crossings/index.html",
        "places/index.html",
        "themes/index.html",
        "timeline/index.html",
        "timeline/oldest/index.html",
        "search/index.html",
        "offline/index.html",
        "data/index.html",
        ...entries,
        // More events than an entity page shows (lists.recent, 10): a timeline archive, which fits on one page.
        "actors/afghan-taliban/timeline/index.html",
        "themes/cross-border-militancy/timeline/index.html",
        "themes/diplomacy-and-talks/timeline/index.html",
      ].sort(),
    );
    for (const f of [
      "rss.xml",
      "sitemap-index.xml",
      "data/events.csv",
      "data/events.json",
      "data/articles.json",
      "data/entities.json",
    ]) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
  });

  it("links no pages where a list fits on one page", () => {
    for (const page of ["articles/index.html", "timeline/index.html", "actors/afghan-taliban/timeline/index.html"]) {
      expect(read(root, page), page).not.toContain('aria-label="Pages"');
      expect(read(root, page), page).not.toContain('aria-label="Years and months"');
    }
  });

  const articlesOn = (page: string) =>
    [
      ...new Set(
        [...section(read(root, page), "articles").matchAll(/href="\/articles\/([^/"#]+)\/"/g)].map((m) => m[1]),
      ),
    ].sort();

  it.each([
    [
      "actors/ttp",
      [
        "asif-delegation-kabul-torkham-closure",
        "dar-invites-muttaqi-to-islamabad",
        "envoy-kabul-talks-torkham-reopens",
        "foreign-ministry-ttp-central-issue",
        "taliban-shift-on-ttp-coordination-committee",
      ],
    ],
    [
      "actors/afghan-taliban",
      [
        "asif-delegation-kabul-torkham-closure",
        "dar-invites-muttaqi-to-islamabad",
        "envoy-kabul-talks-torkham-reopens",
        "foreign-ministry-ttp-central-issue",
        "taliban-shift-on-ttp-coordination-committee",
      ],
    ],
    [
      "actors/sadiq-khan",
      [
        "asif-delegation-kabul-torkham-closure",
        "dar-invites-muttaqi-to-islamabad",
        "envoy-kabul-talks-torkham-reopens",
        "foreign-ministry-ttp-central-issue",
        "taliban-shift-on-ttp-coordination-committee",
      ],
    ],
    [
      "actors/amir-khan-muttaqi",
      [
        "dar-invites-muttaqi-to-islamabad",
        "envoy-kabul-talks-torkham-reopens",
        "taliban-shift-on-ttp-coordination-committee",
      ],
    ],
    ["actors/ishaq-dar", ["dar-invites-muttaqi-to-islamabad"]],
    ["actors/khawaja-asif", ["asif-delegation-kabul-torkham-closure"]],
    ["actors/nooruddin-azizi", ["envoy-kabul-talks-torkham-reopens", "taliban-shift-on-ttp-coordination-committee"]],
    ["actors/isis-k", ["dar-invites-muttaqi-to-islamabad"]],
    ["crossings/torkham", ["asif-delegation-kabul-torkham-closure", "envoy-kabul-talks-torkham-reopens"]],
    ["crossings/chaman", ["asif-delegation-kabul-torkham-closure"]],
    [
      "places/kabul",
      [
        "asif-delegation-kabul-torkham-closure",
        "dar-invites-muttaqi-to-islamabad",
        "envoy-kabul-talks-torkham-reopens",
        "foreign-ministry-ttp-central-issue",
        "taliban-shift-on-ttp-coordination-committee",
      ],
    ],
    // Found by its tag alone: the sources' "Islamabad" is Pakistan's government, the actor's name.
    ["places/islamabad", ["dar-invites-muttaqi-to-islamabad", "taliban-shift-on-ttp-coordination-committee"]],
    ["places/khyber-pakhtunkhwa", ["foreign-ministry-ttp-central-issue"]],
  ])("%s lists exactly the articles that tag or mention it", (page, expected) => {
    expect(articlesOn(`${page}/index.html`)).toEqual(expected);
  });

  it("shows Torkham's status history and last known status", () => {
    const html = read(root, "crossings/torkham/index.html");
    const rows = [
      ...section(html, "status-history").matchAll(
        /<time datetime="([^"]+)"[^>]*>[^<]*<\/time>.*?<\/td><td><span class="status status-(\w+)"/g,
      ),
    ].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(["2023-02-19 closed", "2025-02 closed", "2025-03-22 reopened"]);
    expect(html).toMatch(
      /<dt>Last known status<\/dt>\s*<dd><span class="status status-reopened">Reopened<\/span> since <span class="dated"><time datetime="2025-03-22">22 March 2025<\/time>, <a class="inferred-mark"/,
    );
  });

  it("links the first mention of each entity in an article, and only the first", () => {
    for (const id of ids("articles")) {
      const html = read(root, `articles/${id}/index.html`);
      const prose = html.slice(html.indexOf('class="prose"'), html.indexOf("</article>"));
      const targets = [...prose.matchAll(/<a href="([^"]+)" class="mention[^"]*"/g)].map((m) => m[1]);
      expect(targets.length, id).toBeGreaterThan(5);
      expect(new Set(targets).size, id).toBe(targets.length);
    }
  });

  it("links names, not theme keywords, in an article's prose: exactly the first mention of each actor, crossing and place", () => {
    const html = read(root, "articles/asif-delegation-kabul-torkham-closure/index.html");
    const prose = html.slice(html.indexOf('class="prose"'), html.indexOf("</article>"));
    expect([...prose.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "/actors/pakistan/ Pakistan",
      "/actors/khawaja-asif/ Khawaja Muhammad Asif",
      "/places/kabul/ Kabul",
      "/actors/afghan-taliban/ Taliban rulers",
      "/places/afghanistan/ Afghanistan",
      "/crossings/torkham/ Torkham",
      "/actors/sadiq-khan/ Sadiq Khan",
      "/actors/nadeem-anjum/ General Nadeem Anjum",
      "/actors/isi/ Inter Services Intelligence",
      "/actors/pakistan-foreign-ministry/ Foreign Ministry in Islamabad",
      "/actors/abdul-ghani-baradar/ Mullah Abdul Ghani Baradar",
      "/crossings/chaman/ Chaman",
      "/actors/ttp/ TTP",
      "/actors/bilawal-bhutto-zardari/ Bilawal Bhutto Zardari",
      "/actors/united-states/ United States",
    ]);
    for (const id of ids("articles")) {
      const page = read(root, `articles/${id}/index.html`);
      const body = page.slice(page.indexOf('class="prose"'), page.indexOf("</article>"));
      expect(body, id).not.toContain('href="/themes/');
    }
  });

  it("lets an actor's or crossing's page reach its themes from the key facts", () => {
    const facts = (page: string) => {
      const html = read(root, page);
      const dd = /<dt>Themes<\/dt><dd>(.*?)<\/dd>/.exec(html)?.[1] ?? "";
      return [...dd.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    };
    expect(facts("crossings/chaman/index.html")).toEqual([
      "/themes/border-crossings/",
      "/themes/cross-border-militancy/",
      "/themes/diplomacy-and-talks/",
    ]);
    expect(facts("actors/ttp/index.html")).toHaveLength(5);
  });

  it("gives every page one h1, a skip link, a main landmark, a canonical URL and a description", () => {
    for (const page of pages) {
      const html = read(root, page);
      expect(html.match(/<h1[\s>]/g)?.length, page).toBe(1);
      expect(html, page).toContain('<a class="skip-link" href="#main">');
      expect(html, page).toContain('<main id="main"');
      const canonical = attributes(html, "href").filter((h) => h.startsWith(SITE_URL));
      // The 404 page is served at any address, so it names none as canonical.
      expect(canonical, page).toEqual(page === "404.html" ? [] : [`${SITE_URL}/${page.replace(/index\.html$/, "")}`]);
      expect(html, page).toMatch(/<meta name="description" content="[^"]{20,}"/);
      expect(html, page).toMatch(/<meta property="og:title" content="[^"]+"/);
    }
  });

  it("puts every article in the feed, newest first, while they fit on one page of /articles/", () => {
    const rss = read(root, "rss.xml");
    expect([...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]).slice(1)).toEqual([
      `${SITE_URL}/articles/dar-invites-muttaqi-to-islamabad/`,
      `${SITE_URL}/articles/taliban-shift-on-ttp-coordination-committee/`,
      `${SITE_URL}/articles/foreign-ministry-ttp-central-issue/`,
      `${SITE_URL}/articles/envoy-kabul-talks-torkham-reopens/`,
      `${SITE_URL}/articles/asif-delegation-kabul-torkham-closure/`,
    ]);
  });
});

/** Resolves every href and src in a build to a file (and, for #fragments, an id in it). */
function brokenLinks(name: BuildName): string[] {
  const { outDir, base } = BUILDS[name];
  const files = new Set(filesIn(outDir));
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = idsCache.get(file);
    if (!set) idsCache.set(file, (set = new Set(attributes(read(outDir, file), "id"))));
    return set;
  };
  const broken: string[] = [];
  for (const page of [...files].filter((f) => f.endsWith(".html"))) {
    const html = read(outDir, page);
    const pageUrl = new URL(`${base}${page}`.replace(/index\.html$/, ""), SITE_URL);
    for (const link of [...attributes(html, "href"), ...attributes(html, "src")]) {
      const target = new URL(link, pageUrl);
      if (target.origin !== SITE_URL || target.protocol === "mailto:") continue;
      if (!target.pathname.startsWith(base)) {
        broken.push(`${page}: ${link} is outside the base ${base}`);
        continue;
      }
      let file = decodeURIComponent(target.pathname.slice(base.length));
      if (file === "" || file.endsWith("/")) file += "index.html";
      if (!files.has(file)) {
        broken.push(`${page}: ${link} (no ${file})`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file.endsWith(".html") && !idsOf(file).has(fragment)) {
        broken.push(`${page}: ${link} (no id "${fragment}" in ${file})`);
      }
    }
  }
  return broken;
}

describe.each(["root", "sub", "fixture", "fixtureSub"] as const)("every internal link in the %s build", (name) => {
  it("resolves to a file in dist/, and every #fragment to an id in it", () => {
    expect(brokenLinks(name)).toEqual([]);
  });
});

describe.each(["root", "sub"] as const)("the %s build", (name) => {
  const { outDir } = BUILDS[name];
  it("names no other origin, except the original articles' addresses", () => {
    // No article in content/ has a url yet; each one added is allowed here. The licence is linked, never requested.
    const allowed = new Set<string>([loadSiteConfig(BUILDS[name].contentDir).licence?.url ?? ""]);
    const foreign: string[] = [];
    // Vendor bundles (Pagefind's runtime, the Workbox service worker) hold placeholder URLs and log-message links
    // that are never requested; the browser tests prove no page requests another origin, search included.
    const ours = (f: string) =>
      /\.(html|css|js|xml|txt|webmanifest)$/.test(f) && !f.startsWith("pagefind/") && f !== "sw.js";
    for (const file of filesIn(outDir).filter(ours)) {
      // Comments in scripts (licence headers) name addresses but request nothing.
      const text = file.endsWith(".js")
        ? read(outDir, file)
            .replace(/\/\*[\s\S]*?\*\//g, "")
            .replace(/^\s*\/\/.*$/gm, "")
        : read(outDir, file);
      for (const m of text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*/gi)) {
        const address = decode(m[0]);
        if (address.startsWith(SITE_URL) || allowed.has(address)) continue;
        // XML namespaces, the feed's schema declarations and the JSON-LD vocabulary are names, not requests.
        if (
          /^https?:\/\/(www\.w3\.org|www\.sitemaps\.org|www\.google\.com\/schemas|purl\.org)\//.test(address) ||
          address === "https://schema.org"
        )
          continue;
        foreign.push(`${file}: ${address}`);
      }
    }
    expect(foreign).toEqual([]);
  });
});

describe("the sub-path build", () => {
  it("prefixes every internal link and asset with the base", () => {
    const html = read(BUILDS.sub.outDir, "actors/ttp/index.html");
    const internal = [...attributes(html, "href"), ...attributes(html, "src")].filter((h) => h.startsWith("/"));
    expect(internal.length).toBeGreaterThan(20);
    expect(internal.filter((h) => !h.startsWith("/briefing/"))).toEqual([]);
  });
});

describe("the fixture build", () => {
  const dir = BUILDS.fixture.outDir;
  const html = read(dir, "articles/gfm-showcase/index.html");
  const prose = html.slice(html.indexOf('class="prose"'), html.indexOf("</article>"));

  it("uses the fixture's own site config", () => {
    expect(read(dir, "index.html")).toContain("<title>Fixture Desk</title>");
    expect(html).toContain('<html lang="en">');
  });

  it("renders each GFM feature exactly once", () => {
    expect(prose.match(/<table>/g)?.length).toBe(1);
    expect(prose.match(/<th id="p\d+">Crossing<\/th>/g)?.length).toBe(1);
    expect(prose.match(/<del>withdrawn<\/del>/g)?.length).toBe(1);
    expect(prose.match(/<section data-footnotes/g)?.length).toBe(1);
    expect(prose.match(/data-footnote-ref/g)?.length).toBe(1);
    expect(prose.match(/<a href="https:\/\/example\.org\/notice">https:\/\/example\.org\/notice<\/a>/g)?.length).toBe(
      1,
    );
    expect(prose).not.toContain("~~");
    expect(prose).not.toContain("[^source]");
    expect(prose).not.toContain("| Crossing");
  });

  it("anchors table cells and links only the first mention, even when a later one is in a table", () => {
    expect(prose).toContain('<td id="p4">North Gate</td>');
    expect(prose.match(/class="mention mention-crossing"/g)?.length).toBe(1);
  });

  it("shows markup in frontmatter as text on the page, in meta tags and in the feed", () => {
    const page = read(dir, "articles/markup-in-title/index.html");
    const escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; North Gate";
    expect(page).toContain(`<h1>${escaped}</h1>`);
    // The document title is cut to what search results show (src/lib/titles.ts); the <h1> keeps it whole.
    expect(page).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp;…</title>");
    // In an attribute value "<" is text already; only quotes and ampersands need escaping there.
    expect(page).toContain(
      '<meta property="og:title" content="<script>alert(1)</script> &amp; <b>bold</b> North Gate">',
    );
    expect(page.match(/<script>alert/g)?.length).toBe(1);
    // In the JSON-LD the markup is JSON escapes, which parse back to the title as written.
    const [, jsonLd = ""] = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page) ?? [];
    expect(jsonLd).toContain(
      String.raw`"headline":"\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u003cb\u003ebold`,
    );
    const graph = (JSON.parse(jsonLd) as { "@graph": { headline?: string }[] })["@graph"];
    expect(graph[0]?.headline).toBe("<script>alert(1)</script> & <b>bold</b> North Gate");
    expect(page).not.toContain("<b>bold</b> North Gate</h1>");
    expect(read(dir, "rss.xml")).toContain(`<title>${escaped}</title>`);
    expect(read(dir, "articles/index.html")).toContain(escaped);
  });

  it("renders the prose components", () => {
    const page = read(dir, "articles/components/index.html");
    expect(page).toContain(
      '<figure class="quote" id="p2"><blockquote>The gate stays closed until further notice.</blockquote><figcaption>— <a href="/actors/example-ministry/">Example Ministry</a>, in a statement</figcaption></figure>',
    );
    expect(page).toContain('<div class="note-box" role="note" id="p3"><p class="note-label">Background</p>');
  });

  it("puts the newest page of articles in the feed", () => {
    expect([...read(dir, "rss.xml").matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]).slice(1)).toEqual([
      `${SITE_URL}/articles/markup-in-title/`,
      `${SITE_URL}/articles/components/`,
    ]);
  });

  it("leaves drafts out of production builds", () => {
    expect(existsSync(join(dir, "articles/unpublished/index.html"))).toBe(false);
    expect(read(dir, "crossings/north-gate/index.html")).not.toContain("unpublished");
  });
});

describe("bounded lists in the fixture build (lists: perPage 2, recent 2, mentionsPerArticle 1)", () => {
  const dir = BUILDS.fixture.outDir;
  const listed = (file: string) =>
    [...read(dir, file).matchAll(/<h[23]><a href="\/articles\/([^/"]+)\/">/g)].map((m) => m[1]);

  it("makes exactly these pages", () => {
    const archive = (path: string, pages: number) => [
      `${path}index.html`,
      ...Array.from({ length: pages - 1 }, (_, i) => `${path}page/${i + 2}/index.html`),
    ];
    expect(filesIn(dir).filter((f) => f.endsWith(".html"))).toEqual(
      [
        "index.html",
        "404.html",
        "actors/index.html",
        "crossings/index.html",
        "places/index.html",
        "themes/index.html",
        "search/index.html",
        "offline/index.html",
        "data/index.html",
        ...ids("articles", BUILDS.fixture.contentDir)
          .filter((id) => id !== "unpublished")
          .map((id) => `articles/${id}/index.html`),
        "actors/example-ministry/index.html",
        "crossings/north-gate/index.html",
        "themes/border-crossings/index.html",
        ...archive("articles/", 3),
        ...archive("timeline/", 2),
        ...archive("timeline/oldest/", 2),
        ...archive("actors/example-ministry/articles/", 2),
        ...archive("crossings/north-gate/articles/", 3),
        ...archive("crossings/north-gate/timeline/", 2),
        ...archive("themes/border-crossings/articles/", 3),
        ...archive("themes/border-crossings/timeline/", 2),
      ].sort(),
    );
  });

  it("puts two articles on each page of /articles/, newest first", () => {
    expect(listed("articles/index.html")).toEqual(["markup-in-title", "components"]);
    expect(listed("articles/page/2/index.html")).toEqual(["gfm-showcase", "ministry-talks-after-reopening"]);
    expect(listed("articles/page/3/index.html")).toEqual(["gate-closes-for-repairs"]);
    expect(read(dir, "articles/page/2/index.html")).toContain(
      '<p class="archive-range">Articles 3–4 of 5, newest first <span class="count">· page 2 of 3</span></p>',
    );
  });

  it("puts two events on each page of /timeline/, newest first, and of /timeline/oldest/, each page titled for search by its dates", () => {
    const events = (file: string) =>
      [...read(dir, file).matchAll(/<li id="([^"]+-\d{4}(?:-\d\d){0,2}-[0-9a-f]{6})">/g)].map((m) => m[1]);
    expect(events("timeline/index.html")).toEqual([
      "gfm-showcase-2026-01-2815a3",
      "ministry-talks-after-reopening-2025-11-03-e0287a",
    ]);
    expect(events("timeline/page/2/index.html")).toEqual([
      "ministry-talks-after-reopening-2025-10-e5c524",
      "gate-closes-for-repairs-2025-06-10-9f8def",
    ]);
    expect(events("timeline/oldest/index.html")).toEqual([
      "gate-closes-for-repairs-2025-06-10-9f8def",
      "ministry-talks-after-reopening-2025-10-e5c524",
    ]);
    expect(events("timeline/oldest/page/2/index.html")).toEqual([
      "ministry-talks-after-reopening-2025-11-03-e0287a",
      "gfm-showcase-2026-01-2815a3",
    ]);
    expect(read(dir, "timeline/page/2/index.html")).toContain(
      '<data value="Timeline: October 2025 to 10 June 2025" data-pagefind-meta="title[value]">',
    );
    // Search finds each event on the newest-first page that has it, not twice.
    expect(read(dir, "timeline/oldest/page/2/index.html")).not.toContain("data-pagefind-body");
  });

  it.each([
    ["fixture", ""],
    ["fixtureSub", "/desk"],
  ] as const)("links the pages in the %s build: previous, each number, the current one marked, next", (name, base) => {
    const html = (file: string) => read(BUILDS[name].outDir, file);
    expect(navLinks(html("articles/page/2/index.html"), "Pages")).toEqual([
      `Previous page ${base}/articles/`,
      `1 ${base}/articles/`,
      `2 ${base}/articles/page/2/ (current)`,
      `3 ${base}/articles/page/3/`,
      `Next page ${base}/articles/page/3/`,
    ]);
    expect(navLinks(html("articles/index.html"), "Pages")).toEqual([
      `1 ${base}/articles/ (current)`,
      `2 ${base}/articles/page/2/`,
      `3 ${base}/articles/page/3/`,
      `Next page ${base}/articles/page/2/`,
    ]);
    expect(navLinks(html("crossings/north-gate/timeline/page/2/index.html"), "Pages")).toEqual([
      `Previous page ${base}/crossings/north-gate/timeline/`,
      `1 ${base}/crossings/north-gate/timeline/`,
      `2 ${base}/crossings/north-gate/timeline/page/2/ (current)`,
    ]);
  });

  it.each([
    ["fixture", ""],
    ["fixtureSub", "/desk"],
  ] as const)(
    "links each year, and each month of a year on several pages, to where it starts in the %s build",
    (name, base) => {
      const html = (file: string) => read(BUILDS[name].outDir, file);
      expect(navLinks(html("articles/page/3/index.html"), "Years and months")).toEqual([
        `2026 ${base}/articles/`,
        `2025 ${base}/articles/page/2/`,
        `November ${base}/articles/page/2/`,
        `June ${base}/articles/page/3/`,
      ]);
      expect(navLinks(html("timeline/index.html"), "Years and months")).toEqual([
        `2026 ${base}/timeline/#y2026`,
        `2025 ${base}/timeline/#y2025`,
        `November ${base}/timeline/#m2025-11`,
        `October ${base}/timeline/page/2/#m2025-10`,
        `June ${base}/timeline/page/2/#m2025-06`,
      ]);
      expect(navLinks(html("timeline/oldest/index.html"), "Years and months")).toEqual([
        `2025 ${base}/timeline/oldest/#y2025`,
        `2026 ${base}/timeline/oldest/page/2/#y2026`,
        `June ${base}/timeline/oldest/#m2025-06`,
        `October ${base}/timeline/oldest/#m2025-10`,
        `November ${base}/timeline/oldest/page/2/#m2025-11`,
      ]);
    },
  );

  it("shows an entity's most recent articles, events and status changes, and links to the archives", () => {
    const html = read(dir, "crossings/north-gate/index.html");
    const articles = section(html, "articles");
    expect(listed("crossings/north-gate/index.html")).toEqual(["markup-in-title", "components"]);
    // One sentence for each, as each names the crossing in one, folded under the headline with the name marked.
    expect(
      [...articles.matchAll(/<summary>([^<]+)<\/summary><ul>(<li>.*?<\/li>)<\/ul>/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      [
        "1 mention",
        '<li>The <mark>North Gate</mark> was shut, with a link in plain markdown. <a class="in-context" href="/articles/markup-in-title/#p1">in context</a></li>',
      ],
      [
        "1 mention",
        '<li>The Example Ministry kept the <mark>North Gate</mark> shut. <a class="in-context" href="/articles/components/#p1">in context</a></li>',
      ],
    ]);
    expect(articles).toContain('<a href="/crossings/north-gate/articles/">All 5 articles naming North Gate</a>');
    const timeline = section(html, "timeline");
    expect(timeline).toContain('<p class="note">The 2 most recent of 3 events.</p>');
    expect([...timeline.matchAll(/<time datetime="([^"]+)">[^<]+<\/time><p>/g)].map((m) => m[1])).toEqual([
      "2025-10",
      "2026-01",
    ]);
    expect(timeline).toContain('<a href="/crossings/north-gate/timeline/">Full timeline (3 events)</a>');
    const history = section(html, "status-history");
    expect(history).toContain(
      '<p class="note">The 2 most recent of 3 status changes; the <a href="/crossings/north-gate/timeline/">full timeline</a> has them all.</p>',
    );
    expect([...history.matchAll(/<tr><td><time datetime="([^"]+)"/g)].map((m) => m[1])).toEqual(["2025-10", "2026-01"]);
  });

  it("says what each page of an entity's archive holds", () => {
    const html = read(dir, "crossings/north-gate/articles/page/2/index.html");
    expect(html).toContain('<p class="kicker"><a href="/crossings/north-gate/">North Gate</a></p>');
    expect(html).toContain("<h1>Articles naming North Gate</h1>");
    expect(html).toContain("<title>Articles naming North Gate, page 2 of 3 — Fixture Desk</title>");
    expect(html).toContain("Articles 3–4 of 5, newest first");
    expect(listed("crossings/north-gate/articles/page/2/index.html")).toEqual([
      "gfm-showcase",
      "ministry-talks-after-reopening",
    ]);
    // One sentence per article; the rest are counted and linked to the next one in the article.
    expect(
      [...html.matchAll(/<li class="mentions-more"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`),
    ).toEqual([
      "/articles/gfm-showcase/#p4 and 1 more in the article",
      "/articles/ministry-talks-after-reopening/#p2 and 2 more in the article",
    ]);
  });

  it("keeps archive pages out of the search index, and the timeline in it", () => {
    const indexed = (file: string) => read(dir, file).includes("data-pagefind-body");
    expect(indexed("crossings/north-gate/articles/page/2/index.html")).toBe(false);
    expect(indexed("crossings/north-gate/timeline/index.html")).toBe(false);
    expect(indexed("articles/page/2/index.html")).toBe(false);
    expect(indexed("timeline/page/2/index.html")).toBe(true);
  });
});

describe("the map", () => {
  /** The marks of the page's map: link, classes (sorted) and accessible name. */
  const marks = (page: string) =>
    [...read(root, page).matchAll(/<a class="(mark [^"]*)" href="([^"]*)" aria-label="([^"]*)"/g)].map(
      ([, classes, href, name]) => [href, (classes ?? "").split(" ").sort().join(" "), decode(name ?? "")],
    );

  it.each(["index.html", "crossings/index.html", "places/index.html"])(
    "on %s, marks every crossing with its last status and every place with its link",
    (page) => {
      expect(marks(page).sort()).toEqual(
        [
          ["/crossings/chaman/", "mark mark-crossing status-unknown", "Chaman, border crossing: no status reported"],
          [
            "/crossings/torkham/",
            "mark mark-crossing status-reopened",
            "Torkham, border crossing: last reported reopened",
          ],
          ["/places/afghanistan/", "mark mark-country mark-place", "Afghanistan, country, named in 5 articles"],
          ["/places/islamabad/", "mark mark-place", "Islamabad, city, named in 2 articles"],
          ["/places/kabul/", "mark mark-place", "Kabul, city, named in 5 articles"],
          ["/places/khost/", "mark mark-place", "Khost, province, named in 1 article"],
          ["/places/khyber-pakhtunkhwa/", "mark mark-place", "Khyber Pakhtunkhwa, province, named in 1 article"],
          ["/places/nuristan/", "mark mark-place", "Nuristan, province, named in 1 article"],
          ["/places/pakistan/", "mark mark-country mark-place", "Pakistan, country, named in 2 articles"],
          ["/places/paktia/", "mark mark-place", "Paktia, province, named in 1 article"],
          ["/places/paktika/", "mark mark-place", "Paktika, province, named in 1 article"],
        ].sort(),
      );
    },
  );

  it("centres an inset on the page's own crossing or place, and lists what it shows", () => {
    const focused = (page: string) => marks(page).filter(([, classes]) => classes?.includes("is-focus"));
    expect(focused("crossings/torkham/index.html")).toEqual([
      [
        "/crossings/torkham/",
        "is-focus mark mark-crossing status-reopened",
        "Torkham, border crossing: last reported reopened",
      ],
    ]);
    expect(focused("places/kabul/index.html")).toEqual([
      ["/places/kabul/", "is-focus mark mark-place", "Kabul, city, named in 5 articles"],
    ]);
    expect(read(root, "places/kabul/index.html")).toContain("<summary>Map as a list</summary>");
  });

  it("is the same SVG on every page that shows the overview, and a compact one on the home page", () => {
    const svg = (page: string) =>
      /<svg class="map"[\s\S]*?<\/svg>/.exec(read(root, page))?.[0].replace(/id="[^"]*"|<title>[^<]*<\/title>/g, "");
    expect(svg("crossings/index.html")).toMatch(/^<svg class="map"\s+viewBox="0 0 560 \d+"/);
    expect(svg("places/index.html")).toBe(svg("crossings/index.html"));
    expect(svg("index.html")).toMatch(/^<svg class="map"\s+viewBox="0 0 380 \d+"/);
  });
});
