/**
 * Bounded pages: every list that grows with the number of articles is cut to what a page shows, and the whole list
 * is split into numbered archive pages (paging.ts). Entity pages show the most recent articles and events and link to
 * their archives; /articles/ and /timeline/ are archives themselves. Pure, computed once per model; routes render it.
 */
import { compareInTimeline, type TimelineOrder } from "./dates.ts";
import type { Article, ArticleRef, EntityKey, EntityView, Model, RelatedEntity, TimelineEvent } from "./model.ts";
import { pageParam, paginate, type Paged } from "./paging.ts";
import type { ListSettings } from "./schemas.ts";

/**
 * The order of a timeline. The model keeps events oldest first; a timeline archive can be built in either order,
 * so offering both (one linked from the other) is one more archive, not a new kind of page.
 */
export type { TimelineOrder };

export interface Timeline extends Paged<TimelineEvent> {
  order: TimelineOrder;
}

export interface EntityLists {
  /** The most recent articles that tag or mention it, newest first: as many as its page shows. */
  recentArticles: ArticleRef[];
  /** The most recent events involving it, shown oldest first. */
  recentEvents: TimelineEvent[];
  /** The entities most often named with it: the strongest few (`lists.connected`), shown on its page. */
  connected: RelatedEntity[];
  /**
   * The entities connected to it that a reader can unfold on its page, most shared first, from the strongest on:
   * `connected` and the next ones, up to `lists.perPage` in all. Empty when `connected` has them all.
   */
  allConnected: RelatedEntity[];
  /**
   * Actors and crossings: the themes of the articles that name it, most shared first, as many as `connected`. Prose no
   * longer links theme keywords (see LINKED_KINDS), so the page reaches its themes here.
   */
  themes: RelatedEntity[];
  /**
   * Crossings: the most recent status changes, oldest first — a page's worth, since every article that reports a
   * closure adds a row; the timeline archive has them all.
   */
  statusHistory: TimelineEvent[];
  /** Every article, paginated: only when its page cannot show them all. */
  articles?: Paged<ArticleRef>;
  /** Every event, paginated: only when its page cannot show them all. */
  timeline?: Timeline;
}

export interface Archives {
  /** Every article, newest first. */
  articles: Paged<Article>;
  /** Every event, newest first: readers come for the latest (/timeline/). */
  timeline: Timeline;
  /** Every event, oldest first (/timeline/oldest/). */
  timelineOldest: Timeline;
  entities: Map<EntityKey, EntityLists>;
}

/**
 * `events` (oldest first, as the model keeps them) in the given order for reading (see compareInTimeline): newest
 * first is not the reverse of oldest first, because what is known only to the month still follows the month's
 * dated events. Events of the same date keep the model's order, reversed for newest first.
 */
export function timelineOrder(events: readonly TimelineEvent[], order: TimelineOrder): TimelineEvent[] {
  if (order === "oldest-first") return [...events];
  return events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => compareInTimeline(a.event.date, b.event.date, order) || b.i - a.i)
    .map(({ event }) => event);
}

/** A timeline archive of `events` (oldest first, as the model keeps them) in the given order. */
export function timelineArchive(
  events: readonly TimelineEvent[],
  order: TimelineOrder,
  perPage: number,
  path: string,
): Timeline {
  return { ...paginate(timelineOrder(events, order), perPage, path, (e) => e.date), order };
}

export function buildArchives(model: Model, lists: ListSettings): Archives {
  const entities = new Map<EntityKey, EntityLists>();
  for (const view of model.entities.values()) {
    const { path } = view.entity;
    const entry: EntityLists = {
      recentArticles: view.articles.slice(0, lists.recent),
      recentEvents: view.events.slice(-lists.recent),
      connected: view.related.slice(0, lists.connected),
      // Unfolded in place rather than on a page of its own: co-occurrence is a way to browse, not a record the page
      // must cite, and a fold costs no page to build and none to keep offline.
      allConnected:
        view.related.length > lists.connected ? view.related.slice(0, Math.max(lists.perPage, lists.connected)) : [],
      statusHistory: view.statusHistory,
      themes:
        view.entity.kind === "theme"
          ? []
          : view.related.filter((r) => r.entity.kind === "theme").slice(0, lists.connected),
    };
    if (view.articles.length > lists.recent) {
      entry.articles = paginate(view.articles, lists.perPage, `${path}articles/`, (r) => r.article.published);
    }
    if (view.events.length > lists.recent) {
      entry.timeline = timelineArchive(view.events, "oldest-first", lists.perPage, `${path}timeline/`);
      entry.statusHistory = view.statusHistory.slice(-lists.perPage);
    }
    entities.set(view.entity.key, entry);
  }
  return {
    articles: paginate(model.articles, lists.perPage, "/articles/", (a) => a.published),
    timeline: timelineArchive(model.events, "newest-first", lists.perPage, "/timeline/"),
    timelineOldest: timelineArchive(model.events, "oldest-first", lists.perPage, "/timeline/oldest/"),
    entities,
  };
}

/** The `n` views named in the most articles (ties by name), kept in the order given: a summary of a long list. */
export function mostCovered(views: readonly EntityView[], n: number): EntityView[] {
  if (views.length <= n) return [...views];
  const kept = new Set(
    [...views]
      .sort((a, b) => b.articles.length - a.articles.length || a.entity.name.localeCompare(b.entity.name))
      .slice(0, n),
  );
  return views.filter((v) => kept.has(v));
}

const built = new WeakMap<Model, Archives>();

/** The archives of a model, built on first use: the site's settings do not change during a build. */
export function archivesOf(model: Model, lists: ListSettings): Archives {
  let archives = built.get(model);
  if (!archives) built.set(model, (archives = buildArchives(model, lists)));
  return archives;
}

/** A route's cache key for the incremental build, from what its page shows (see page-keys.ts). */
export type PageKey = (shown: unknown) => string;

/**
 * What a page of an archive shows, for its cache key: its own items and where it stands in the list (the page
 * numbers, the date jumps), not every item of the list. Entries the items point at become cards in the key.
 */
function shownOn<P extends Paged<unknown>>(paged: P, page: P["pages"][number], view?: EntityView) {
  const { path, total, pages, years } = paged;
  const order = "order" in paged ? paged.order : undefined;
  return { archive: { entity: view?.entity, path, total, pages: pages.length, years, order, page } };
}

/** `getStaticPaths` entries for a paginated `[...page].astro` route: one per page, with the list and the page. */
export function pageRoutes<P extends Paged<unknown>>(paged: P, key?: PageKey, view?: EntityView) {
  return paged.pages.map((page) => ({
    params: { ...(view ? { id: view.entity.id } : {}), page: pageParam(page.number) },
    props: { paged, page: page as P["pages"][number], ...(view ? { view } : {}) },
    ...(key ? { cacheKey: key(shownOn(paged, page, view)) } : {}),
  }));
}

/** `getStaticPaths` entries for one archive (`articles` or `timeline`) of each entity that has it. */
export function entityPageRoutes<L extends "articles" | "timeline">(
  views: readonly EntityView[],
  archives: Archives,
  list: L,
  key?: PageKey,
) {
  return views.flatMap((view) => {
    const paged = archives.entities.get(view.entity.key)?.[list];
    if (!paged) return [];
    return pageRoutes(paged as NonNullable<EntityLists[L]>, key, view).map((route) => ({
      ...route,
      props: { ...route.props, view },
    }));
  });
}

export interface TimelineFilter {
  kind: "actor" | "crossing" | "theme";
  /** "Actors", "Crossings", "Themes". */
  label: string;
  /** The entities with the most events, most first: each links to its own timeline. */
  entities: { name: string; events: number; path: string }[];
  /** How many entities of the kind have events; more than `entities` when the list is cut. */
  total: number;
  /** The index of the kind, where every one is listed. */
  index: string;
}

/**
 * Filters for a timeline that need no JavaScript: links to each actor's, crossing's and theme's own timeline — its
 * timeline archive where it has one, otherwise the timeline on its page, which then shows every event it has. Each
 * list is cut to the `limit` entities with the most events, and links to the kind's index for the rest.
 */
export function timelineFilters(model: Model, archives: Archives, limit = 12): TimelineFilter[] {
  const kinds = [
    ["actor", "Actors", model.actors, "/actors/"],
    ["crossing", "Crossings", model.crossings, "/crossings/"],
    ["theme", "Themes", model.themes, "/themes/"],
  ] as const;
  return kinds.flatMap(([kind, label, views, index]) => {
    const dated = views
      .filter((v) => v.events.length > 0)
      .sort((a, b) => b.events.length - a.events.length || a.entity.name.localeCompare(b.entity.name));
    if (dated.length === 0) return [];
    const entities = dated.slice(0, limit).map((v) => ({
      name: v.entity.name,
      events: v.events.length,
      path: archives.entities.get(v.entity.key)?.timeline?.path ?? `${v.entity.path}#timeline`,
    }));
    return [{ kind, label, entities, total: dated.length, index }];
  });
}
