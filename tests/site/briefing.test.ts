/**
 * The home page and the timelines read like a briefing: the situation first, with its sources and the day it
 * describes; who is who; where each crossing stands and how recent that is; the timeline newest first with oldest
 * first a link away, never implying an order the sources do not give; every inferred date marked, with its note.
 */
import { describe, expect, it } from "vitest";
import { BUILDS } from "./builds.ts";
import { decode, filesIn, read, section } from "./html.ts";

const root = BUILDS.root.outDir;
const text = (html: string) =>
  decode(
    html
      .replace(/<span class="visually-hidden">[^<]*<\/span>/g, "")
      // Blocks end a phrase; inline elements run on.
      .replace(/<\/(h\d|p|li|summary)>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " "),
  ).trim();

/** A grouped timeline as it reads: each month heading, then the ids of its events, in page order. */
function timelineOf(html: string): string[] {
  const list = html.slice(html.indexOf('<div class="measure">'));
  return [...list.matchAll(/<h3 id="([^"]+)">(.*?)<\/h3>|<li id="([^"]+)">/g)].map((m) =>
    m[3] ? `  ${m[3]}` : `${m[1]}: ${text(m[2] ?? "")}`,
  );
}

const APRIL_NEWEST = [
  "m2025-04: April 2025",
  "  dar-invites-muttaqi-to-islamabad-2025-04-19-e519d2",
  "  taliban-shift-on-ttp-coordination-committee-2025-04-16-27403f",
  "  taliban-shift-on-ttp-coordination-committee-2025-04-16-310548",
  "m2025-04-undated: April 2025 — day not reported",
  "  dar-invites-muttaqi-to-islamabad-2025-04-2122ac",
  "  dar-invites-muttaqi-to-islamabad-2025-04-7824c2",
  "  taliban-shift-on-ttp-coordination-committee-2025-04-4be546",
];

describe("the timeline", () => {
  it("reads newest first at /timeline/, each month's dated events before those whose day is not reported", () => {
    expect(timelineOf(read(root, "timeline/index.html"))).toEqual([
      ...APRIL_NEWEST,
      "m2025-03: March 2025",
      "  foreign-ministry-ttp-central-issue-2025-03-27-0823c8",
      "  foreign-ministry-ttp-central-issue-2025-03-22-9602b0",
      "  envoy-kabul-talks-torkham-reopens-2025-03-22-5f4b8c",
      "  envoy-kabul-talks-torkham-reopens-2025-03-21-ffd6d9",
      "m2025-03-undated: March 2025 — day not reported",
      "  foreign-ministry-ttp-central-issue-2025-03-edb4e9",
      "  envoy-kabul-talks-torkham-reopens-2025-03-38f687",
      "  envoy-kabul-talks-torkham-reopens-2025-03-7cc2a9",
      "m2025-02: February 2025 — day not reported",
      "  envoy-kabul-talks-torkham-reopens-2025-02-552182",
      "m2023-02: February 2023",
      "  asif-delegation-kabul-torkham-closure-2023-02-22-5e4e59",
      "  asif-delegation-kabul-torkham-closure-2023-02-19-da469a",
      "m2023-02-undated: February 2023 — day not reported",
      "  asif-delegation-kabul-torkham-closure-2023-02-927e4c",
      "m2022-11: November 2022 — day not reported",
      "  asif-delegation-kabul-torkham-closure-2022-11-7db61b",
      "m2021-08: August 2021 — day not reported",
      "  asif-delegation-kabul-torkham-closure-2021-08-658cdf",
    ]);
  });

  it("reads oldest first at /timeline/oldest/, with the same groups", () => {
    expect(timelineOf(read(root, "timeline/oldest/index.html"))).toEqual([
      "m2021-08: August 2021 — day not reported",
      "  asif-delegation-kabul-torkham-closure-2021-08-658cdf",
      "m2022-11: November 2022 — day not reported",
      "  asif-delegation-kabul-torkham-closure-2022-11-7db61b",
      "m2023-02: February 2023",
      "  asif-delegation-kabul-torkham-closure-2023-02-19-da469a",
      "  asif-delegation-kabul-torkham-closure-2023-02-22-5e4e59",
      "m2023-02-undated: February 2023 — day not reported",
      "  asif-delegation-kabul-torkham-closure-2023-02-927e4c",
      "m2025-02: February 2025 — day not reported",
      "  envoy-kabul-talks-torkham-reopens-2025-02-552182",
      "m2025-03: March 2025",
      "  envoy-kabul-talks-torkham-reopens-2025-03-21-ffd6d9",
      "  envoy-kabul-talks-torkham-reopens-2025-03-22-5f4b8c",
      "  foreign-ministry-ttp-central-issue-2025-03-22-9602b0",
      "  foreign-ministry-ttp-central-issue-2025-03-27-0823c8",
      "m2025-03-undated: March 2025 — day not reported",
      "  envoy-kabul-talks-torkham-reopens-2025-03-7cc2a9",
      "  envoy-kabul-talks-torkham-reopens-2025-03-38f687",
      "  foreign-ministry-ttp-central-issue-2025-03-edb4e9",
      "m2025-04: April 2025",
      "  taliban-shift-on-ttp-coordination-committee-2025-04-16-310548",
      "  taliban-shift-on-ttp-coordination-committee-2025-04-16-27403f",
      "  dar-invites-muttaqi-to-islamabad-2025-04-19-e519d2",
      "m2025-04-undated: April 2025 — day not reported",
      "  taliban-shift-on-ttp-coordination-committee-2025-04-4be546",
      "  dar-invites-muttaqi-to-islamabad-2025-04-7824c2",
      "  dar-invites-muttaqi-to-islamabad-2025-04-2122ac",
    ]);
  });

  it("names the dated event a month-only one followed, where the source says so", () => {
    const html = read(root, "timeline/index.html");
    const item = (id: string) => html.slice(html.indexOf(`<li id="${id}">`), html.indexOf("</li>", html.indexOf(id)));
    expect(text(item("taliban-shift-on-ttp-coordination-committee-2025-04-4be546"))).toContain(
      "After 16 April 2025: A Pakistani delegation led by Mohammad Sadiq meets senior Taliban leaders in Kabul, among…",
    );
    expect(item("taliban-shift-on-ttp-coordination-committee-2025-04-4be546")).toContain(
      'href="/articles/taliban-shift-on-ttp-coordination-committee/#taliban-shift-on-ttp-coordination-committee-2025-04-16-310548"',
    );
    expect(text(item("dar-invites-muttaqi-to-islamabad-2025-04-7824c2"))).toContain(
      "After 19 April 2025: Ishaq Dar makes a one-day visit to Kabul",
    );
    expect(item("dar-invites-muttaqi-to-islamabad-2025-04-2122ac")).not.toContain("After ");
  });

  it("gives under a month heading only the day, and no date where the heading says all", () => {
    const html = read(root, "timeline/index.html");
    // A stated day: plain. An inferred one: marked, its note in a disclosure. A month-only event: no date repeated.
    expect(html).toContain(
      '<li id="foreign-ministry-ttp-central-issue-2025-03-22-9602b0"><time datetime="2025-03-22">22 March</time><p>',
    );
    expect(html).toContain(
      '<li id="dar-invites-muttaqi-to-islamabad-2025-04-19-e519d2"><details class="date-inferred"><summary><time datetime="2025-04-19">19 April</time>, <span class="inferred-mark">inferred</span></summary><p class="date-note" id="dar-invites-muttaqi-to-islamabad-2025-04-19-e519d2-date">The text says only “on Saturday”.',
    );
    expect(html).toContain('<li id="asif-delegation-kabul-torkham-closure-2021-08-658cdf"><p>');
    expect(html).toContain(
      '<li id="dar-invites-muttaqi-to-islamabad-2025-04-2122ac"><details class="date-inferred"><summary><span class="inferred-mark">Date inferred</span></summary>',
    );
  });

  it("reads each badge as a word of its own, with a colon for screen readers", () => {
    expect(read(root, "timeline/index.html")).toContain(
      '<p><span class="status status-closed">Closed<span class="visually-hidden">:</span></span> The Taliban close Torkham,',
    );
  });

  it("links the other order, marking the current one, and filters to every entity's own timeline", () => {
    const html = read(root, "timeline/index.html");
    expect(html).toContain(
      '<nav class="order-switch" aria-label="Order"><ul><li><a href="/timeline/" aria-current="page">Newest first</a></li><li><a href="/timeline/oldest/">Oldest first</a></li></ul></nav>',
    );
    const filters = html.slice(html.indexOf('<details class="timeline-filters">'), html.indexOf("</details>"));
    const links = [...filters.matchAll(/<a href="([^"]+)">([^<]+)/g)].map(
      (m) => `${decode(m[2] ?? "").trim()} ${m[1]}`,
    );
    expect(links.slice(0, 3)).toEqual([
      "Afghan Taliban /actors/afghan-taliban/timeline/",
      "Pakistan /actors/pakistan/#timeline",
      "Mohammad Sadiq Khan /actors/sadiq-khan/#timeline",
    ]);
    // Twelve actors of the 21 with events, each crossing and theme that has any, and the index of the actors.
    expect(links.filter((l) => l.includes("/actors/")).length).toBe(13);
    expect(links).toContain("All 21 actors /actors/");
    expect(links).toContain("Torkham /crossings/torkham/#timeline");
    expect(links).toContain("Cross-border militancy: the TTP and ISIS-K /themes/cross-border-militancy/timeline/");
  });
});

describe("inferred dates", () => {
  it("are marked on the article page, each note on the page", () => {
    const html = read(root, "articles/envoy-kabul-talks-torkham-reopens/index.html");
    // In the provenance box, the date and its note a click away: the note is where every "inferred" link lands.
    expect(section(html, "provenance")).toContain(
      '<dt>Published</dt><dd><details class="date-inferred"><summary><time datetime="2025-03-22">22 March 2025</time>, <span class="inferred-mark">inferred</span></summary><p class="date-note" id="published-note">',
    );
    const events = section(html, "events");
    expect(events.match(/<details class="date-inferred">/g)?.length).toBe(5);
    expect(events).toContain(
      'id="envoy-kabul-talks-torkham-reopens-2025-03-22-5f4b8c-date">The text says “on Saturday”',
    );
  });

  it("are marked on an entity's timeline and in a crossing's status history", () => {
    const timeline = read(root, "actors/afghan-taliban/timeline/index.html");
    expect(timeline).toContain(
      '<li id="asif-delegation-kabul-torkham-closure-2023-02-19-da469a"><details class="date-inferred"><summary><time datetime="2023-02-19">19 February</time>',
    );
    const history = section(read(root, "crossings/torkham/index.html"), "status-history");
    expect([...history.matchAll(/<tr><td>.*?<summary>(.*?)<\/summary>/g)].map((m) => text(m[1] ?? ""))).toEqual([
      "19 Feb 2023, inferred",
      "Feb 2025, inferred",
      "22 Mar 2025, inferred",
    ]);
    expect(history).toContain('<p class="date-note">The text gives “February 19” without a year;');
  });

  it("are marked on the home page", () => {
    const html = read(root, "index.html");
    expect(section(html, "latest")).toContain(
      '<details class="date-inferred"><summary><time datetime="2025-04-19">19 April 2025</time>',
    );
    expect(section(html, "crossings")).toContain(
      '<span class="dated"><time datetime="2025-03-22">22 Mar 2025</time>, <a class="inferred-mark" href="/articles/envoy-kabul-talks-torkham-reopens/#envoy-kabul-talks-torkham-reopens-2025-03-22-5f4b8c-date">inferred',
    );
  });

  it("are said to be inferred in the feed, with how", () => {
    const rss = read(root, "rss.xml");
    const item = rss.slice(rss.indexOf("<item>"), rss.indexOf("</item>"));
    expect(item).toContain("<title>Dar invites Muttaqi to Islamabad after one-day Kabul visit</title>");
    expect(item).toContain("Publication date inferred: Not stated, and the text gives no day, month or year");
  });
});

describe("every page", () => {
  it.each(["root", "fixture"] as const)("says how current the briefing is, in the %s build", (name) => {
    const { outDir } = BUILDS[name];
    const updated =
      name === "root"
        ? '<p class="site-updated">Updated <span class="dated"><time datetime="2025-04-20">20 Apr 2025</time>, <a class="inferred-mark" href="/articles/dar-invites-muttaqi-to-islamabad/#published-note">inferred'
        : '<p class="site-updated">Updated <time datetime="2026-01-25">25 Jan 2026</time></p>';
    const pages = filesIn(outDir).filter((f) => f.endsWith(".html"));
    expect(pages.filter((p) => !read(outDir, p).includes(updated))).toEqual([]);
  });
});

describe("the home page", () => {
  const html = read(root, "index.html");

  it("opens with where things stand, as of its day, every bullet citing its article", () => {
    const standing = section(html, "standing");
    expect(standing).toContain('id="standing">Where things stand</h1>');
    expect(text(standing.slice(standing.indexOf('<p class="as-of">'), standing.indexOf("</p>")))).toBe(
      "As of 20 April 2025",
    );
    const bullets = standing.slice(standing.indexOf("<ul>"), standing.indexOf("</ul>")).split("<li").slice(1);
    expect(bullets.map((b) => [...b.matchAll(/href="\/articles\/([^/]+)\/"/g)].map((m) => m[1]))).toEqual([
      ["dar-invites-muttaqi-to-islamabad"],
      ["foreign-ministry-ttp-central-issue", "taliban-shift-on-ttp-coordination-committee"],
      ["envoy-kabul-talks-torkham-reopens"],
      ["dar-invites-muttaqi-to-islamabad"],
    ]);
  });

  it("opens with the summary, the crossings and the latest developments, and keeps the summary's sections for after", () => {
    const order = ["standing", "crossings", "home-map", "latest", "who-is-who", "articles"];
    const at = order.map((id) => html.indexOf(` id="${id}"`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(section(html, "standing")).not.toContain("Who is who");
  });

  it("tells the Afghan Taliban from the TTP and names the key people by side, with sources", () => {
    const from = html.indexOf('<div class="standing-body standing-sections">');
    const standing = html.slice(from, html.indexOf("</div>", from));
    expect(standing).toContain('<h2 id="who-is-who">Who is who</h2>');
    const who = text(standing.slice(standing.indexOf("Who is who")));
    expect(who).toContain("The Afghan Taliban rule Afghanistan from Kabul");
    expect(who).toContain("The TTP, or Pakistani Taliban, is a different group");
    const links = [...standing.slice(standing.indexOf("Who is who")).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      "/actors/afghan-taliban/",
      "/actors/amir-khan-muttaqi/",
      "/articles/asif-delegation-kabul-torkham-closure/",
      "/articles/dar-invites-muttaqi-to-islamabad/",
      "/actors/ttp/",
      "/articles/foreign-ministry-ttp-central-issue/",
      "/actors/pakistan/",
      "/actors/ishaq-dar/",
      "/actors/sadiq-khan/",
      "/articles/dar-invites-muttaqi-to-islamabad/",
      "/articles/taliban-shift-on-ttp-coordination-committee/",
    ]);
  });

  it("shows each crossing's last change, days closed this year and when it was last reported, most covered first", () => {
    const board = section(html, "crossings");
    const rows = board.split("<li>").slice(1).map(text);
    expect(rows).toEqual([
      "Torkham Reopened since 22 Mar 2025, inferred Days closed in 2025: at least 22, at most 80 days Last reported 22 Mar 2025, inferred in Pakistan’s envoy raises TTP militancy in Kabul as Torkham reopens after nearly a month · 2 articles",
      "Chaman No closure or reopening reported Last reported 22 Feb 2023, inferred in Khawaja Asif leads security delegation to Kabul while Torkham stays shut · 1 article",
    ]);
  });

  it("puts the latest developments newest first", () => {
    expect([...section(html, "latest").matchAll(/<time datetime="([^"]+)">/g)].map((m) => m[1]).slice(0, 8)).toEqual([
      "2025-04-19",
      "2025-04-20",
      "2025-04-16",
      "2025-04-17",
      "2025-04-16",
      "2025-04-17",
      "2025-04",
      "2025-04-20",
    ]);
  });

  it("falls back to the desk's introduction when it has no summary", () => {
    const fixture = read(BUILDS.fixture.outDir, "index.html");
    expect(fixture).toContain('<h1 id="standing">Fixture Desk</h1>');
    expect(fixture).toContain(
      '<p class="lede">A fixture briefing with one article that uses every GitHub-flavoured markdown feature.</p>',
    );
    expect(fixture).not.toContain("As of");
  });
});
