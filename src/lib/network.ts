/**
 * Who deals with whom: actors as nodes, sized by the articles that name them, and an edge between two actors named in
 * the same articles, as thick as the number of those articles (the model's `related` counts). Laid out at build time
 * with d3-force from a fixed seed and a fixed number of ticks, coordinates rounded: the same content gives the same
 * bytes. Readable at any size: only the `maxNodes` most covered actors, only the `maxEdges` strongest edges, labels
 * only where they do not collide, most covered first.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";
import type { EntityKey, EntityView, Model } from "./model.ts";
import { esc, r } from "./svg.ts";

export interface GraphNode {
  key: EntityKey;
  name: string;
  /** What the drawing writes beside the dot: the name, or a short alias ("TTP") for a long name. */
  label: string;
  path: string;
  /** Articles that name it. */
  articles: number;
}

export interface GraphEdge {
  source: EntityKey;
  target: EntityKey;
  /** Articles that name both. */
  weight: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The weakest edge kept: pairs sharing fewer articles were pruned, and actors left with no edge with them. */
  minWeight: number;
}

export interface GraphLimits {
  maxNodes: number;
  maxEdges: number;
}

/** A long name's shortest alias of at least three letters (an acronym, usually), so labels stay short. */
function shortName(view: EntityView): string {
  const { name, aliases } = view.entity;
  if (name.length <= 16) return name;
  const short = aliases.filter((a) => a.length >= 3 && a.length < name.length).sort((a, b) => a.length - b.length)[0];
  return short ?? name;
}

const byCoverage = (a: EntityView, b: EntityView) =>
  b.articles.length - a.articles.length || a.entity.name.localeCompare(b.entity.name);

/** Nodes in the given order, and the strongest edges among them (ties by the names), each pair once. */
function graphOf(views: readonly EntityView[], maxEdges: number, keepFirst = false): Graph {
  const keys = new Set(views.map((v) => v.entity.key));
  const order = new Map(views.map((v, i) => [v.entity.key, i]));
  const edges: GraphEdge[] = [];
  for (const view of views) {
    const own = order.get(view.entity.key) ?? 0;
    for (const { entity, count } of view.related) {
      // Each pair once: from the earlier node in the order.
      if (!keys.has(entity.key) || (order.get(entity.key) ?? 0) <= own) continue;
      edges.push({ source: view.entity.key, target: entity.key, weight: count });
    }
  }
  edges.sort(
    (a, b) =>
      b.weight - a.weight ||
      (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) ||
      (order.get(a.target) ?? 0) - (order.get(b.target) ?? 0),
  );
  // The strongest edges that fit, whole weights at a time: cutting inside a weight would keep some pairs and drop
  // others that are just as strong, by nothing but their order.
  let kept = edges.length;
  while (kept > maxEdges) {
    const weight = edges[kept - 1]?.weight;
    let next = kept;
    while (next > 0 && edges[next - 1]?.weight === weight) next--;
    // When even the strongest weight has too many pairs, keep the first of them rather than none.
    kept = next > 0 ? next : maxEdges;
  }
  const strong = edges.slice(0, kept);
  const minWeight = strong.at(-1)?.weight ?? 1;
  // A node with no edge left says nothing about who deals with whom; the index lists it. The first node (an actor's
  // own, in its neighbourhood) always stays.
  const linked = new Set(strong.flatMap((e) => [e.source, e.target]));
  return {
    nodes: views
      .filter((v, i) => (keepFirst && i === 0) || minWeight === 1 || linked.has(v.entity.key))
      .map((v) => ({
        key: v.entity.key,
        name: v.entity.name,
        label: shortName(v),
        path: v.entity.path,
        articles: v.articles.length,
      })),
    edges: strong,
    minWeight,
  };
}

/** The whole network: the `maxNodes` actors named in the most articles and their strongest edges. */
export function actorNetwork(model: Model, limits: GraphLimits): Graph {
  const views = [...model.actors]
    .filter((v) => v.articles.length > 0)
    .sort(byCoverage)
    .slice(0, limits.maxNodes);
  return graphOf(views, limits.maxEdges);
}

/** An actor's neighbourhood: the actor, the actors it is most often named with, and the edges among them. */
export function actorNeighbourhood(model: Model, key: EntityKey, limits: GraphLimits): Graph {
  const view = model.entities.get(key);
  if (!view) return { nodes: [], edges: [], minWeight: 1 };
  const neighbours = view.related
    .filter((r) => r.entity.kind === "actor")
    .slice(0, limits.maxNodes - 1)
    .flatMap((r) => {
      const v = model.entities.get(r.entity.key);
      return v ? [v] : [];
    });
  return graphOf([view, ...neighbours], limits.maxEdges, true);
}

/** A linear congruential generator (Numerical Recipes' constants): d3-force's jiggle, the same on every build. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Placed extends SimulationNodeDatum {
  node: GraphNode;
  radius: number;
}

export interface NetworkOptions {
  /** A site path with the deployment's base. */
  url: (path: string) => string;
  /** What the drawing shows, for its accessible name. */
  label: string;
  /** How many of the most covered nodes may carry a label (if it fits). */
  labels: number;
  /** A node drawn as the centre (its neighbourhood's actor). */
  focus?: EntityKey;
  width?: number;
  height?: number;
}

const TICKS = 300;
const SEED = 20250322;
// Label boxes are measured at the size phones draw them (visuals.css), larger than on a wide screen, so they never overlap.
const FONT = 15;

/** Where the simulation leaves each node, before the layout is fitted into a drawing. */
export type NetworkLayout = Map<EntityKey, { x: number; y: number }>;

/** A node's dot: larger for more articles, relative to the most covered node of the graph. */
function radii(graph: Graph): Map<EntityKey, number> {
  const most = Math.max(...graph.nodes.map((n) => n.articles), 1);
  return new Map(graph.nodes.map((node) => [node.key, 3 + 9 * Math.sqrt(node.articles / most)]));
}

/**
 * The graph laid out by d3-force, with `focus` pinned at the centre: the same graph gives the same layout, in any
 * process or thread. Most of a network drawing's cost (the build lays out every actor's neighbourhood beside Astro's
 * start, in its content worker, and the pages draw those layouts: see visuals.ts).
 */
export function networkLayout(graph: Graph, focus?: EntityKey): NetworkLayout {
  const heaviest = Math.max(...graph.edges.map((e) => e.weight), 1);
  const radius = radii(graph);
  const placed: Placed[] = graph.nodes.map((node) => ({ node, radius: radius.get(node.key) ?? 0 }));
  const index = new Map(placed.map((p) => [p.node.key, p]));
  interface Link extends SimulationLinkDatum<Placed> {
    weight: number;
  }
  const links: Link[] = graph.edges.flatMap((e) => {
    const source = index.get(e.source);
    const target = index.get(e.target);
    return source && target ? [{ source, target, weight: e.weight }] : [];
  });
  const simulation = forceSimulation(placed)
    .randomSource(seededRandom(SEED))
    .force(
      "link",
      forceLink<Placed, Link>(links)
        .distance((l) => 60 - 25 * (l.weight / heaviest))
        .strength((l) => 0.15 + 0.5 * (l.weight / heaviest)),
    )
    .force("charge", forceManyBody<Placed>().strength(-200))
    .force(
      "collide",
      forceCollide<Placed>((p) => p.radius + 3),
    )
    .force("x", forceX<Placed>(0).strength(0.06))
    .force("y", forceY<Placed>(0).strength(0.09))
    .stop();
  if (focus) {
    const centre = index.get(focus);
    if (centre) {
      centre.fx = 0;
      centre.fy = 0;
    }
  }
  simulation.tick(TICKS);
  return new Map(placed.map((p) => [p.node.key, { x: p.x ?? 0, y: p.y ?? 0 }]));
}

/** The network as SVG, drawn from `layout` (or laid out here); undefined when it has fewer than two nodes. */
export function networkSvg(graph: Graph, options: NetworkOptions & { layout?: NetworkLayout }): string | undefined {
  if (graph.nodes.length < 2) return undefined;
  const { url, label, labels, focus, width = 480, height = 340 } = options;
  const layout = options.layout ?? networkLayout(graph, focus);
  const heaviest = Math.max(...graph.edges.map((e) => e.weight), 1);
  const radius = radii(graph);
  const placed: Placed[] = graph.nodes.map((node) => ({
    node,
    radius: radius.get(node.key) ?? 0,
    ...layout.get(node.key),
  }));
  const index = new Map(placed.map((p) => [p.node.key, p]));

  // Fit the layout into the drawing, leaving room for labels at the sides.
  const xs = placed.map((p) => p.x ?? 0);
  const ys = placed.map((p) => p.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const padX = 70;
  const padY = 22;
  const k = Math.min((width - 2 * padX) / (maxX - minX || 1), (height - 2 * padY) / (maxY - minY || 1), 2);
  const cx = (width - k * (maxX - minX)) / 2;
  const cy = (height - k * (maxY - minY)) / 2;
  const at = (p: Placed) => ({ x: cx + k * ((p.x ?? 0) - minX), y: cy + k * ((p.y ?? 0) - minY) });

  const parts: string[] = [
    `<svg class="chart network" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${esc(label)}">`,
    `<g class="edges" aria-hidden="true">`,
  ];
  // One path per weight: a line per pair would repeat its attributes hundreds of times.
  const byWeight = new Map<number, string[]>();
  for (const e of graph.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (!a || !b) continue;
    const [p, q] = [at(a), at(b)];
    const segments = byWeight.get(e.weight) ?? [];
    segments.push(`M${r(p.x)} ${r(p.y)}L${r(q.x)} ${r(q.y)}`);
    byWeight.set(e.weight, segments);
  }
  for (const [weight, segments] of [...byWeight].sort((a, b) => a[0] - b[0])) {
    parts.push(
      `<path d="${segments.join("")}" stroke-width="${r(0.8 + 4 * (weight / heaviest))}" data-weight="${weight}"/>`,
    );
  }
  parts.push(`</g>`);

  // Labels: the most covered first, each only where it overlaps no label placed before it (a halo keeps it legible
  // over lines and dots).
  interface Box {
    x0: number;
    x1: number;
    y0: number;
    y1: number;
  }
  const boxes: Box[] = [];
  const order = [...placed].sort((a, b) => b.node.articles - a.node.articles || a.node.name.localeCompare(b.node.name));
  const labelled = new Map<EntityKey, { x: number; y: number; anchor: string }>();
  const overlaps = (box: Box) =>
    box.x0 < 0 ||
    box.x1 > width ||
    box.y0 < 0 ||
    box.y1 > height ||
    boxes.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0);
  for (const p of order.slice(0, labels)) {
    const { x, y } = at(p);
    const text = p.node.label;
    const w = text.length * FONT * 0.56;
    const h = FONT + 2;
    const gap = p.radius + 3;
    // Right, left, above, below: the first place that is free of other labels and dots.
    const candidates: (Box & { anchor: string; tx: number; ty: number })[] = [
      { x0: x + gap, x1: x + gap + w, y0: y - h / 2, y1: y + h / 2, anchor: "start", tx: x + gap, ty: y + FONT * 0.35 },
      { x0: x - gap - w, x1: x - gap, y0: y - h / 2, y1: y + h / 2, anchor: "end", tx: x - gap, ty: y + FONT * 0.35 },
      { x0: x - w / 2, x1: x + w / 2, y0: y - gap - h, y1: y - gap, anchor: "middle", tx: x, ty: y - gap - 3 },
      { x0: x - w / 2, x1: x + w / 2, y0: y + gap, y1: y + gap + h, anchor: "middle", tx: x, ty: y + gap + FONT - 1 },
    ];
    const free = candidates.find(
      (box) =>
        !overlaps(box) &&
        !placed.some((o) => {
          if (o === p) return false;
          const c = at(o);
          return (
            c.x + o.radius > box.x0 && c.x - o.radius < box.x1 && c.y + o.radius > box.y0 && c.y - o.radius < box.y1
          );
        }),
    );
    if (!free) continue;
    boxes.push(free);
    labelled.set(p.node.key, { x: free.tx, y: free.ty, anchor: free.anchor });
  }

  // Nodes in the graph's order (most covered first), so the order of links does not depend on the layout.
  for (const p of placed) {
    const { x, y } = at(p);
    const { node } = p;
    // Who it is named with is in the table beside the drawing.
    const name = `${node.name}: named in ${node.articles} ${node.articles === 1 ? "article" : "articles"}`;
    parts.push(
      `<a href="${esc(url(node.path))}" aria-label="${esc(name)}" data-key="${node.key}" data-articles="${node.articles}">`,
      // The same words as a tooltip, for a pointer over an unlabelled dot (as the map's marks have).
      `<title>${esc(name)}</title>`,
      `<circle class="node${node.key === focus ? " focus" : ""}" cx="${r(x)}" cy="${r(y)}" r="${r(p.radius)}"/>`,
      `</a>`,
    );
  }
  // Labels above every dot; the links already carry the names.
  parts.push(`<g class="labels" aria-hidden="true">`);
  for (const p of placed) {
    const text = labelled.get(p.node.key);
    if (text)
      parts.push(
        `<text class="node-label" x="${r(text.x)}" y="${r(text.y)}" text-anchor="${text.anchor}">${esc(p.node.label)}</text>`,
      );
  }
  parts.push(`</g></svg>`);
  return parts.join("");
}
