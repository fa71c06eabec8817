/**
 * The visuals of a build, each drawn once and shared by every page that shows it (the home page and /timeline/ show
 * the same strip). Keyed by model, like the archives: a build has one model and one base.
 */
import type { Archives } from "./archives.ts";
import { monthId } from "./dates.ts";
import type { EntityKey, Model } from "./model.ts";
import type { Paged } from "./paging.ts";
import {
  actorNeighbourhood,
  actorNetwork,
  networkLayout,
  networkSvg,
  type Graph,
  type NetworkLayout,
} from "./network.ts";
import { timelineStrip } from "./timeline-strip.ts";

const drawn = new WeakMap<Model, Map<string, string | undefined>>();

function once(model: Model, key: string, draw: () => string | undefined): string | undefined {
  let cache = drawn.get(model);
  if (!cache) drawn.set(model, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, draw());
  return cache.get(key);
}

/** Where a dated archive lists a month: the page its first event is on, at the month's heading. */
function monthIn(paged: Paged<unknown>, year: number, month: number | undefined): string | undefined {
  const y = paged.years.find((y) => y.year === year);
  const m = y?.months.find((m) => m.month === month);
  return m ? `${m.path}#${monthId(year, month)}` : y ? y.path : undefined;
}

export interface VisualContext {
  model: Model;
  archives: Archives;
  /** A site path with the deployment's base. */
  url: (path: string) => string;
}

/** The timeline strip of every event (`all`) or of one entity's events. */
export function stripOf({ model, archives, url }: VisualContext, key: EntityKey | "all"): string | undefined {
  return once(model, `strip ${key}`, () => {
    if (key === "all") {
      return timelineStrip(model.events, {
        url,
        label: `All ${model.events.length.toLocaleString("en")} events`,
        monthPath: (year, month) => monthIn(archives.timeline, year, month) ?? "/timeline/",
      });
    }
    const view = model.entities.get(key);
    if (!view) return undefined;
    const archive = archives.entities.get(key)?.timeline;
    return timelineStrip(view.events, {
      url,
      label: `The ${view.events.length.toLocaleString("en")} events involving ${view.entity.name}`,
      monthPath: (year, month) => (archive && monthIn(archive, year, month)) ?? `${view.entity.path}#timeline`,
    });
  });
}

/** How much of the network /actors/ draws, and of an actor's neighbourhood its page draws. */
export const NETWORK = { maxNodes: 40, maxEdges: 80, labels: 16 } as const;
export const NEIGHBOURHOOD = { maxNodes: 9, maxEdges: 36, labels: 9 } as const;

const graphs = new WeakMap<Model, Map<string, Graph>>();

/** The graph of the whole network (`all`) or of an actor's neighbourhood, computed once per model. */
export function graphOf(model: Model, key: EntityKey | "all"): Graph {
  let cache = graphs.get(model);
  if (!cache) graphs.set(model, (cache = new Map()));
  let graph = cache.get(key);
  if (!graph) {
    graph = key === "all" ? actorNetwork(model, NETWORK) : actorNeighbourhood(model, key, NEIGHBOURHOOD);
    cache.set(key, graph);
  }
  return graph;
}

/** The layout of every network a build draws (the whole network and each actor's neighbourhood), by graphOf's key. */
export type NetworkLayouts = Map<EntityKey | "all", NetworkLayout>;

/**
 * Every network drawing's layout, computed ahead of the pages: the build does it in its content worker, beside
 * Astro's start, and hands the layouts over with the model (scripts/lib/render.ts), since the force simulations
 * were the costliest step of rendering the actor pages (about 1.5 s of 11 s of page rendering at 1,000 articles,
 * profiled with --cpu-prof).
 */
export function networkLayouts(model: Model): NetworkLayouts {
  const layouts: NetworkLayouts = new Map();
  for (const key of ["all" as const, ...model.actors.map((v) => v.entity.key)]) {
    const graph = graphOf(model, key);
    if (graph.nodes.length >= 2) layouts.set(key, networkLayout(graph, key === "all" ? undefined : key));
  }
  return layouts;
}

const laidOut = new WeakMap<Model, NetworkLayouts>();

/** Layouts computed ahead for this model (networkLayouts), which networkOf then draws instead of laying out again. */
export function useNetworkLayouts(model: Model, layouts: NetworkLayouts): void {
  laidOut.set(model, layouts);
}

/** The network drawing of the whole network or of an actor's neighbourhood. */
export function networkOf({ model, url }: VisualContext, key: EntityKey | "all"): string | undefined {
  return once(model, `network ${key}`, () => {
    const graph = graphOf(model, key);
    const view = key === "all" ? undefined : model.entities.get(key);
    const layout = laidOut.get(model)?.get(key);
    return networkSvg(graph, {
      ...(layout ? { layout } : {}),
      url,
      label: view
        ? `${view.entity.name} and the ${graph.nodes.length - 1} actors named most often with it; each node links to its page`
        : `The ${graph.nodes.length} actors named in the most articles, linked when named in the same articles; each node links to its page`,
      labels: key === "all" ? NETWORK.labels : NEIGHBOURHOOD.labels,
      ...(view ? { focus: key as EntityKey } : {}),
    });
  });
}
