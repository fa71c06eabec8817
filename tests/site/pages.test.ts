/**
 * Pages that get to the point, read from the built HTML: an entity page folds each article's mentions under its
 * headline, gives each office one line and shows its strongest connections; an article puts its provenance in one
 * box; headlines are typeset everywhere they appear; the installed app has the site's short name.
 */
import { describe, expect, it } from "vitest";
import { BUILDS, SITE_URL } from "./builds.ts";
import { decode, filesIn, read, section } from "./html.ts";
import { modelOf } from "./models.ts";

const root = BUILDS.root.outDir;
const text = (html: string) =>
  decode(html.replace(/<[^>]+>/g, ""))
    .replace(/\s+/g, " ")
    .trim();

/** Each article on an entity page: its id, what its fold says and the names marked in its sentences. */
function folded(page: string) {
  const articles = section(read(root, page), "articles");
  return [...articles.matchAll(/<li><h3><a href="\/articles\/([^/]+)\/">[\s\S]*?(?=<li><h3>|$)/g)].map(([item, id]) => [
    id,
    /<summary>([^<]+)<\/summary>/.exec(item)?.[1] ?? null,
    [...item.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => m[1]),
  ]);
}

describe("an actor's page", () => {
  it("folds each article's sentences behind its headline, with every name of the TTP marked", () => {
    expect(folded("actors/ttp/index.html")).toEqual([
      ["dar-invites-muttaqi-to-islamabad", "2 mentions", ["Tehrik-i-Taliban Pakistan", "TTP", "TTP"]],
      [
        "taliban-shift-on-ttp-coordination-committee",
        "4 mentions",
        ["Tehreek-e-Taliban Pakistan", "TTP", "TTP", "TTP"],
      ],
      ["foreign-ministry-ttp-central-issue", "6 mentions", ["Tehrik-i-Taliban Pakistan", "TTP", "TTP", "TTP"]],
      ["envoy-kabul-talks-torkham-reopens", "3 mentions", ["Tehrik-i-Taliban Pakistan", "TTP", "TTP", "TTP"]],
      [
        "asif-delegation-kabul-torkham-closure",
        "4 mentions",
        ["TTP", "Pakistani Taliban", "Tehrik-e Taliban Pakistan", "TTP", "TTP"],
      ],
    ]);
  });

  it("links each headline once, and each sentence only by a small link to its paragraph", () => {
    const articles = section(read(root, "actors/ttp/index.html"), "articles");
    expect(articles.match(/<h3><a href="\/articles\/[^"]+\/">/g)?.length).toBe(5);
    const sentences = [...articles.matchAll(/<details class="mentions">[\s\S]*?<\/details>/g)].map((m) => m[0]);
    // Up to three sentences for each article (two for the one that has two), and "more" for the three with more.
    expect(
      sentences.join("").match(/<a class="in-context" href="\/articles\/[^"#]+\/#p\d+">in context<\/a>/g)?.length,
    ).toBe(14);
    expect([...articles.matchAll(/<li class="mentions-more"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])).toEqual([
      "and 1 more in the article",
      "and 3 more in the article",
      "and 1 more in the article",
    ]);
  });

  it("gives each office one line, with its range, its sources as dated citations and its other wordings", () => {
    const roles = section(read(root, "actors/sadiq-khan/index.html"), "roles");
    expect([...roles.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1] ?? ""))).toEqual([
      "Pakistan’s special representative to Afghanistan" +
        "Reported February 2023 to April 2025: 22 Feb 2023, 22 Mar 2025, 17 Apr 2025" +
        "Also reported as “Pakistan’s special representative for Afghanistan”.",
      "Pakistan’s special envoy for Afghanistan" +
        "Reported March 2025 to April 2025: 27 Mar 2025, 20 Apr 2025" +
        "Also reported as “Pakistan’s special envoy”.",
    ]);
    expect([...roles.matchAll(/<a href="\/articles\/([^/]+)\/"/g)].map((m) => m[1])).toEqual([
      "asif-delegation-kabul-torkham-closure",
      "envoy-kabul-talks-torkham-reopens",
      "taliban-shift-on-ttp-coordination-committee",
      "foreign-ministry-ttp-central-issue",
      "dar-invites-muttaqi-to-islamabad",
    ]);
    expect(text(roles)).not.toMatch(/ in · |· ·/);
  });

  it("shows its five strongest connections and unfolds all 43, grouped by kind", () => {
    const html = read(root, "actors/ttp/index.html");
    const panel = html.slice(html.indexOf('id="related"'), html.indexOf("</aside>", html.indexOf('id="related"')));
    const [shown = "", all = ""] = panel.split('<details class="connected-all">');
    expect(
      [...shown.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> <span class="count">([^<]+)<\/span>/g)].map(
        (m) => `${m[2]}: ${m[3]}`,
      ),
    ).toEqual([
      "Afghan Taliban: 5 articles",
      "Afghanistan: 5 articles",
      "Cross-border militancy: the TTP and ISIS-K: 5 articles",
      "Diplomacy and talks: 5 articles",
      "Kabul: 5 articles",
    ]);
    expect(all).toContain("<summary>All 43 connected</summary>");
    expect([...all.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual([
      "Actors",
      "Crossings",
      "Places",
      "Themes",
    ]);
    expect(all.match(/<li><a href=/g)?.length).toBe(43);
  });
});

describe("a theme's page", () => {
  it("lists the articles on the theme with their summaries, not where its keywords appear", () => {
    const articles = section(read(root, "themes/cross-border-militancy/index.html"), "articles");
    expect(articles).toMatch(/^id="articles">Articles on this theme<\/h2>/);
    expect(articles).not.toContain("<details");
    expect(articles).not.toContain("<mark>");
    expect(articles).toContain(
      "<p>Pakistan’s Foreign Ministry said the presence of TTP bases in Afghanistan was the central issue of its special envoy’s recent Kabul visit",
    );
  });

  it("has no Overview heading when the theme has no overview", () => {
    expect(read(root, "themes/economy-and-aid/index.html")).not.toContain('id="overview"');
    expect(read(root, "themes/cross-border-militancy/index.html")).toContain('<h2 id="overview">Overview</h2>');
  });
});

describe("an article's page", () => {
  it("puts where the briefing comes from in one box: date with how it was established, outlet, dateline, headline", () => {
    const html = read(root, "articles/foreign-ministry-ttp-central-issue/index.html");
    const box = html.slice(
      html.indexOf('<section class="provenance"'),
      html.indexOf("</section>", html.indexOf('class="provenance"')),
    );
    const rows = [...box.matchAll(/<dt>([^<]+)<\/dt><dd>([\s\S]*?)<\/dd>/g)].map((m) => [m[1], text(m[2] ?? "")]);
    expect(rows).toEqual([
      [
        "Published",
        "27 March 2025, inferred" +
          "Not stated. The text says the ministry “confirmed Thursday” and gives no other date for the statement; the " +
          "only full date is in the photo caption, which shows the envoy meeting the Taliban’s foreign minister in Kabul " +
          "on 22 March 2025. The Thursday is taken to be the next one, 27 March 2025, and the article to have appeared " +
          "that day.",
      ],
      ["Outlet", "Not named in the text"],
      ["Dateline", "Islamabad"],
      ["Original headline", "TTP presence was key issue in Pakistan-Taliban talks, Islamabad says"],
      ["Original article", "Address not recorded"],
    ]);
    // The note is folded: a native disclosure, closed until the reader opens it.
    expect(box).toContain(
      '<dd><details class="date-inferred"><summary><time datetime="2025-03-27">27 March 2025</time>, <span class="inferred-mark">inferred</span></summary>',
    );
    expect(box).toContain("data-pagefind-ignore");
  });

  it("names the outlet where the text shows it, and leaves out what it does not give", () => {
    const html = read(root, "articles/dar-invites-muttaqi-to-islamabad/index.html");
    const box = html.slice(
      html.indexOf('<section class="provenance"'),
      html.indexOf("</section>", html.indexOf('class="provenance"')),
    );
    expect([...box.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1])).toEqual([
      "Published",
      "Outlet",
      "Dateline",
      "Original article",
    ]);
    expect(box).toContain("<dt>Outlet</dt><dd>Amu TV</dd>");
  });

  it("comes after the body in the page's order: the body, then In this article, then events and related articles", () => {
    const html = read(root, "articles/envoy-kabul-talks-torkham-reopens/index.html");
    const at = (marker: string) => html.indexOf(marker);
    expect(at('class="provenance"')).toBeLessThan(at('class="prose"'));
    expect(at('class="prose"')).toBeLessThan(at('id="in-this-article"'));
    expect(at('id="in-this-article"')).toBeLessThan(at('id="events"'));
    expect(at('id="events"')).toBeLessThan(at('id="related"'));
  });
});

describe("typography", () => {
  const headline = "Pakistan’s envoy raises TTP militancy in Kabul as Torkham reopens after nearly a month";

  it("sets a headline's quotes as its body's, in the h1, the title, og:title, JSON-LD, lists and the feed", () => {
    const page = read(root, "articles/envoy-kabul-talks-torkham-reopens/index.html");
    expect(page).toContain(`<h1>${headline}</h1>`);
    // The document title is cut to what search results show (titles.ts), curly quotes and all.
    expect(page).toContain("<title>Pakistan’s envoy raises TTP militancy in Kabul as Torkham…</title>");
    expect(page).toContain(`<meta property="og:title" content="${headline}">`);
    expect(page).toContain(`"headline":"${headline}"`);
    expect(read(root, "articles/index.html")).toContain(`>${headline}</a>`);
    expect(read(root, "actors/ttp/index.html")).toContain(`>${headline}</a></h3>`);
    expect(read(root, "rss.xml")).toContain(`<title>${headline}</title>`);
    expect(page).not.toMatch(/<h1>[^<]*'/);
  });

  it("sets the quotes of the sentences quoted on entity pages", () => {
    const articles = section(read(root, "actors/ttp/index.html"), "articles");
    expect(articles).toContain("is still a “critical obstacle” to better bilateral relations.");
    expect(text(articles.slice(articles.indexOf(">") + 1))).not.toMatch(/["']/);
  });

  it("keeps the open data as the editors wrote it", () => {
    const articles = JSON.parse(read(root, "data/articles.json")) as { articles: { id: string; title: string }[] };
    expect(articles.articles.find((a) => a.id === "envoy-kabul-talks-torkham-reopens")?.title).toBe(
      headline.replace("’", "'"),
    );
  });
});

describe("names", () => {
  it("calls every actor, crossing and theme by its own name wherever the site lists it, outside quoted prose", () => {
    const model = modelOf("root");
    const names = new Map([...model.entities.values()].map(({ entity }) => [entity.path, entity.name]));
    const otherwise = new Set<string>();
    for (const page of filesIn(root).filter((f) => f.endsWith(".html"))) {
      for (const [, href = "", attrs = "", inner = ""] of read(root, page).matchAll(
        /<a href="(\/(?:actors|crossings|themes)\/[^/"]+\/)"([^>]*)>(.*?)<\/a>/g,
      )) {
        // Prose links the name as the briefing writes it; a list may add a count in brackets.
        if (attrs.includes('class="mention')) continue;
        // A mark of a visual (map, network, strip) is named by its aria-label, which says more than the name.
        if (attrs.includes("aria-label=")) continue;
        const label = text(inner).replace(/ \(\d[^)]*\)$/, "");
        if (label !== names.get(href)) otherwise.add(`${page}: ${href} "${label}"`);
      }
    }
    expect([...otherwise]).toEqual([]);
  });
});

describe("site furniture", () => {
  it("names the installed app with the site's short name, or its title when there is none", () => {
    const manifest = (dir: string) => JSON.parse(read(dir, "manifest.webmanifest")) as Record<string, string>;
    expect([manifest(root)["name"], manifest(root)["short_name"]]).toEqual([
      "Pakistan–Afghanistan Briefing",
      "Pak–Afghan",
    ]);
    expect(manifest(BUILDS.fixture.outDir)["short_name"]).toBe("Fixture Desk");
  });

  it("keeps the spaces between the links of the offline page", () => {
    expect(text(read(root, "offline/index.html"))).toContain("All 5 articles, actors, crossings, places and themes");
  });

  it("prints each page's own address, shown only on paper", () => {
    expect(read(root, "actors/ttp/index.html")).toContain(
      `<span class="print-only print-address">${SITE_URL}/actors/ttp/</span>`,
    );
    expect(read(root, "404.html")).not.toContain("print-address");
  });
});
