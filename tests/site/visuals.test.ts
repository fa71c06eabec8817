/**
 * The build-time visuals: their marks equal the model (a bar per closed or restricted period with its dates, a mark
 * per event, an edge per co-mention pair with its weight), each mark is a link with an accessible name, and each
 * visual has its text equivalent.
 */
import { describe, expect, it } from "vitest";
import { crossingClosures } from "../../src/lib/closure-chart.ts";
import { graphOf } from "../../src/lib/visuals.ts";
import { BUILDS } from "./builds.ts";
import { decode, read } from "./html.ts";
import { modelOf } from "./models.ts";

const root = BUILDS.root.outDir;
const model = modelOf("root");

/** The SVG of the figure with the given class. */
function svgIn(html: string, figure: string): string {
  const start = html.indexOf(`<figure class="visual ${figure}"`);
  if (start < 0) return "";
  return html.slice(html.indexOf("<svg", start), html.indexOf("</svg>", start) + 6);
}

/** The links of an SVG: href, aria-label and data attributes. */
function marks(svg: string) {
  return [...svg.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"([^>]*)>/g)].map((m) => ({
    href: decode(m[1] ?? ""),
    label: decode(m[2] ?? ""),
    data: Object.fromEntries([...(m[3] ?? "").matchAll(/data-([a-z]+)="([^"]*)"/g)].map((d) => [d[1], d[2]])),
  }));
}

describe("crossing status over time", () => {
  it("draws a bar per closed or restricted period, each linking to the event that starts it", () => {
    for (const view of model.crossings) {
      const html = read(root, `crossings/${view.entity.id}/index.html`);
      const periods = crossingClosures(model).get(view.entity.key)?.periods ?? [];
      expect(
        marks(svgIn(html, "closure-visual")).map((m) => [m.href, m.data["status"], m.data["from"], m.data["to"]]),
        view.entity.id,
      ).toEqual(
        periods.map((p) => [
          `${p.start.article.path}#${p.start.anchor}`,
          p.status,
          p.start.date.iso,
          p.endReported && p.end ? p.end.date.iso : "",
        ]),
      );
    }
  });

  it("shows Torkham's two closures, the first with no reported reopening, with days as ranges", () => {
    const html = read(root, "crossings/torkham/index.html");
    expect(marks(svgIn(html, "closure-visual")).map((m) => m.label)).toEqual([
      "Closed from 19 Feb 2023, reopening not reported, before Feb 2025: at least 1, at most 713 days. Source: Khawaja Asif leads security delegation to Kabul while Torkham stays shut",
      "Closed from Feb 2025, to 22 Mar 2025: at least 22, at most 49 days. Source: Pakistan’s envoy raises TTP militancy in Kabul as Torkham reopens after nearly a month",
    ]);
    const rows = [...html.matchAll(/<table class="closure-years">.*?<\/table>/gs)].join("");
    const cells = [
      ...rows.matchAll(/<tr data-year="\d{4}"><td>(\d{4})<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g),
    ].map((m) => m.slice(1).join(" | "));
    expect(cells).toEqual([
      "2025 | at least 22, at most 80 days | none reported",
      "2024 | at most 366 days | none reported",
      "2023 | at least 1, at most 316 days | none reported",
    ]);
  });

  it("draws every crossing with a period on /crossings/, and none on a crossing without one", () => {
    const html = read(root, "crossings/index.html");
    const all = [...crossingClosures(model).values()].flatMap((c) => c.periods);
    expect(marks(svgIn(html, "closure-visual"))).toHaveLength(all.length);
    expect(svgIn(read(root, "crossings/chaman/index.html"), "closure-visual")).toBe("");
  });

  it("says on the home page's board how many days a crossing was closed in the newest article's year, if any change is reported", () => {
    const html = read(root, "index.html");
    expect([...html.matchAll(/<p class="source crossing-days">([^<]*)<\/p>/g)].map((m) => m[1]?.trim())).toEqual([
      "Days closed in 2025: at least 22, at most 80 days",
    ]);
  });
});

/** Events per month, as the strip's bars count them. */
function byMonth(events: readonly { date: { year: number; month?: number | undefined } }[]): Map<string, number> {
  const months = new Map<string, number>();
  for (const e of events) {
    const key = `${e.date.year}-${e.date.month ?? ""}`;
    months.set(key, (months.get(key) ?? 0) + 1);
  }
  return months;
}

describe("the timeline strip", () => {
  it("draws a mark per event on each entity page (or, when crowded, a bar per month with its count)", () => {
    const kinds = new Set<string>();
    for (const view of [...model.actors, ...model.crossings, ...model.themes]) {
      const html = read(root, `${view.entity.path.slice(1)}index.html`);
      const drawn = marks(svgIn(html, "strip-visual"));
      if (drawn.some((m) => "month" in m.data)) {
        kinds.add("bins");
        expect(new Map(drawn.map((m) => [m.data["month"], Number(m.data["count"])])), view.entity.id).toEqual(
          byMonth(view.events),
        );
        continue;
      }
      kinds.add("marks");
      expect(drawn.map((m) => [m.href, m.data["date"], "inferred" in m.data]).sort(), view.entity.id).toEqual(
        view.events.map((e) => [`${e.article.path}#${e.anchor}`, e.date.iso, e.dateNote !== undefined]).sort(),
      );
    }
    expect([...kinds].sort()).toEqual(["bins", "marks"]);
  });

  it("counts every event by month on the home page and /timeline/, each bar linking to its month", () => {
    for (const page of ["index.html", "timeline/index.html", "timeline/oldest/index.html"]) {
      const drawn = marks(svgIn(read(root, page), "strip-visual"));
      expect(new Map(drawn.map((m) => [m.data["month"], Number(m.data["count"])])), page).toEqual(
        byMonth(model.events),
      );
      for (const m of drawn) expect(m.href, page).toMatch(/^\/timeline\/#(m\d{4}-\d{2}|y\d{4}-undated)$/);
    }
  });
});

describe("the network", () => {
  /** The table's ties: "from to weight", each edge once. */
  const ties = (html: string) =>
    [...html.matchAll(/<tr><th scope="row"><a href="([^"]+)">[\s\S]*?<\/tr>/g)].flatMap((row) =>
      [...(row[0] ?? "").matchAll(/data-with="([^"]+)" data-weight="(\d+)"/g)].map((m) => `${row[1]} ${m[1]} ${m[2]}`),
    );

  it("draws the whole network on /actors/: a linked node per actor kept, and the table lists each edge with its weight", () => {
    const html = read(root, "actors/index.html");
    const graph = graphOf(model, "all");
    expect(graph.nodes.length).toBeGreaterThan(5);
    expect(marks(svgIn(html, "network-visual")).map((m) => m.href)).toEqual(graph.nodes.map((n) => n.path));
    const path = new Map(graph.nodes.map((n) => [n.key, n.path]));
    expect(ties(html).sort()).toEqual(graph.edges.map((e) => `${path.get(e.source)} ${e.target} ${e.weight}`).sort());
  });

  it("draws each actor's neighbourhood on its page, with its ties as a table", () => {
    for (const view of model.actors) {
      const html = read(root, `actors/${view.entity.id}/index.html`);
      const graph = graphOf(model, view.entity.key);
      const drawn = marks(svgIn(html, "network-visual"));
      expect(
        drawn.map((m) => m.href),
        view.entity.id,
      ).toEqual(graph.nodes.length > 1 ? graph.nodes.map((n) => n.path) : []);
      if (graph.nodes.length < 2) continue;
      expect(drawn[0]?.label, view.entity.id).toBe(
        `${view.entity.name}: named in ${view.articles.length} ${view.articles.length === 1 ? "article" : "articles"}`,
      );
      expect(ties(html).sort(), view.entity.id).toEqual(
        graph.edges
          .filter((e) => e.source === view.entity.key || e.target === view.entity.key)
          .map((e) => `${view.entity.path} ${e.source === view.entity.key ? e.target : e.source} ${e.weight}`)
          .sort(),
      );
    }
  });
});
