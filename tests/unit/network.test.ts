import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/content-files.ts";
import { buildModel, type EntityView, type Model } from "../../src/lib/model.ts";
import { actorNeighbourhood, actorNetwork, networkLayout, networkSvg, seededRandom } from "../../src/lib/network.ts";
import { NEIGHBOURHOOD, networkLayouts, networkOf, useNetworkLayouts } from "../../src/lib/visuals.ts";

const model = buildModel(loadContent("content", { includeDrafts: false }).input);
const url = (p: string) => `/base${p}`;

/** A model of `n` actors only the network reads: actor i is named in n - i articles and shares min(i, j) % 4 with j. */
function syntheticModel(n: number): Model {
  const views = Array.from({ length: n }, (_, i) => ({
    entity: { kind: "actor", key: `actor:a${i}`, id: `a${i}`, name: `Actor ${i}`, aliases: [], path: `/actors/a${i}/` },
    articles: Array.from({ length: n - i }),
    related: [] as { entity: unknown; count: number }[],
  }));
  for (const [i, v] of views.entries())
    for (const [j, w] of views.entries()) {
      const count = Math.min(i, j) % 4;
      if (i !== j && count > 0) v.related.push({ entity: w.entity, count });
    }
  for (const v of views) v.related.sort((a, b) => b.count - a.count);
  const actors = views as unknown as EntityView[];
  return { actors, entities: new Map(actors.map((v) => [v.entity.key, v])) } as unknown as Model;
}

describe("actorNetwork", () => {
  it("has an edge per pair of actors named in the same articles, weighted by how many", () => {
    const graph = actorNetwork(model, { maxNodes: 1000, maxEdges: 100_000 });
    const expected = new Map<string, number>();
    for (const article of model.articles) {
      const actors = article.entities.filter((k) => k.startsWith("actor:"));
      for (const a of actors)
        for (const b of actors) if (a < b) expected.set(`${a} ${b}`, (expected.get(`${a} ${b}`) ?? 0) + 1);
    }
    const got = new Map(graph.edges.map((e) => [[e.source, e.target].sort().join(" "), e.weight]));
    expect(got).toEqual(expected);
    expect(graph.minWeight).toBe(1);
  });

  it("keeps the strongest edges whole weights at a time, and drops the actors left with none", () => {
    const graph = actorNetwork(model, { maxNodes: 1000, maxEdges: 80 });
    expect(graph.minWeight).toBe(2);
    expect(graph.edges.every((e) => e.weight >= 2)).toBe(true);
    const linked = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
    expect(graph.nodes.map((n) => n.key).sort()).toEqual([...linked].sort());
  });

  it("stays bounded at 300 actors: the most covered nodes, the strongest edges", () => {
    const graph = actorNetwork(syntheticModel(300), { maxNodes: 40, maxEdges: 80 });
    expect(graph.nodes.length).toBeLessThanOrEqual(40);
    expect(graph.edges.length).toBeLessThanOrEqual(80);
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(graph.nodes.every((n) => Number(n.key.slice("actor:a".length)) < 40)).toBe(true);
    const svg = networkSvg(graph, { url, label: "All", labels: 16 }) ?? "";
    expect(svg.match(/<a /g)).toHaveLength(graph.nodes.length);
    expect(svg.match(/<text /g)?.length).toBeLessThanOrEqual(16);
  });
});

describe("actorNeighbourhood", () => {
  it("is the actor and the actors most often named with it", () => {
    const view = model.entities.get("actor:ttp");
    const graph = actorNeighbourhood(model, "actor:ttp", { maxNodes: 5, maxEdges: 100 });
    expect(graph.nodes.map((n) => n.key)).toEqual([
      "actor:ttp",
      ...(view?.related
        .filter((r) => r.entity.kind === "actor")
        .slice(0, 4)
        .map((r) => r.entity.key) ?? []),
    ]);
  });
});

describe("networkSvg", () => {
  const graph = actorNetwork(model, { maxNodes: 40, maxEdges: 80 });

  it("gives byte-identical SVG for the same content", () => {
    const again = actorNetwork(buildModel(loadContent("content", { includeDrafts: false }).input), {
      maxNodes: 40,
      maxEdges: 80,
    });
    expect(networkSvg(again, { url, label: "All", labels: 16 })).toBe(
      networkSvg(graph, { url, label: "All", labels: 16 }),
    );
  });

  it("makes each node a link to its actor, named with its article count, and draws each edge by its weight", () => {
    const svg = networkSvg(graph, { url, label: "All", labels: 16 }) ?? "";
    expect([...svg.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(
      graph.nodes.map((n) => `/base${n.path} ${n.name}: named in ${n.articles} articles`),
    );
    // Each with the same words as its tooltip.
    expect([...svg.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual(
      graph.nodes.map((n) => `${n.name}: named in ${n.articles} articles`),
    );
    const segments = new Map(
      [...svg.matchAll(/<path d="([^"]+)"[^>]*data-weight="(\d+)"/g)].map((m) => [
        Number(m[2]),
        m[1]?.split("M").length ?? 1,
      ]),
    );
    const weights = new Map<number, number>();
    for (const e of graph.edges) weights.set(e.weight, (weights.get(e.weight) ?? 0) + 1);
    expect(new Map([...segments].map(([w, n]) => [w, n - 1]))).toEqual(weights);
  });

  it("draws a layout it is given exactly as the layout it would compute, and draws the one it is given", () => {
    const focus = "actor:ttp" as const;
    const neighbourhood = actorNeighbourhood(model, focus, NEIGHBOURHOOD);
    const options = { url, label: "TTP", labels: 9, focus };
    const layout = networkLayout(neighbourhood, focus);
    expect(layout.get(focus)).toEqual({ x: 0, y: 0 });
    expect(networkSvg(neighbourhood, { ...options, layout })).toBe(networkSvg(neighbourhood, options));
    const moved = new Map(layout);
    const [other] = [...layout.keys()].filter((k) => k !== focus);
    moved.set(other!, { x: 500, y: -500 });
    expect(networkSvg(neighbourhood, { ...options, layout: moved })).not.toBe(networkSvg(neighbourhood, options));
  });

  it("draws nothing for fewer than two actors", () => {
    expect(networkSvg({ nodes: [], edges: [], minWeight: 1 }, { url, label: "", labels: 1 })).toBeUndefined();
  });
});

describe("seededRandom", () => {
  it("gives the same numbers in [0, 1) from the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("networkLayouts", () => {
  it("lays out the whole network and every actor's neighbourhood that has a drawing, and nothing else", () => {
    const layouts = networkLayouts(model);
    const drawn = model.actors
      .map((v) => v.entity.key)
      .filter((key) => actorNeighbourhood(model, key, NEIGHBOURHOOD).nodes.length >= 2);
    expect([...layouts.keys()]).toEqual(["all", ...drawn]);
    expect(drawn.length).toBeGreaterThan(0);
  });

  it("gives the pages the same drawings whether the layouts were computed ahead or not", () => {
    const fresh = buildModel(loadContent("content", { includeDrafts: false }).input);
    useNetworkLayouts(fresh, networkLayouts(fresh));
    const context = (m: Model) => ({ model: m, archives: undefined as never, url });
    for (const key of ["all" as const, ...model.actors.map((v) => v.entity.key)]) {
      expect(networkOf(context(fresh), key)).toBe(networkOf(context(model), key));
    }
    // And the drawing is the layout it was given: moving one node moves its dot.
    const moved = buildModel(loadContent("content", { includeDrafts: false }).input);
    const layouts = networkLayouts(moved);
    const all = new Map(layouts.get("all"));
    const [first] = all.keys();
    all.set(first!, { x: 1000, y: 1000 });
    useNetworkLayouts(moved, new Map([...layouts, ["all", all]]));
    expect(networkOf(context(moved), "all")).not.toBe(networkOf(context(model), "all"));
  });
});
