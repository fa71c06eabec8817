/**
 * `getStaticPaths` for the routes that differ only in what they list: an entity page per actor, crossing, place and
 * theme, and the timeline in either order. Each route file is then one call; its cache keys are built here once
 * (see page-keys.ts).
 */
import { archivesOf, pageRoutes, timelineFilters } from "./archives.ts";
import type { EntityKind } from "./mentions.ts";
import { collectionOf } from "./model.ts";
import { entityShown } from "./page-keys.ts";
import { getSite, site, url } from "./site.ts";
import { graphOf, stripOf } from "./visuals.ts";

/** One page per entity of a kind; an actor's key also covers its neighbourhood in the network, which its page draws. */
export async function entityRoutes(kind: EntityKind) {
  const { model, pageKey } = await getSite();
  const { entities } = archivesOf(model, site.lists);
  return model[collectionOf[kind]].map((view) => {
    const lists = entities.get(view.entity.key);
    if (!lists) throw new Error(`No lists for ${view.entity.key}`);
    const shown = entityShown(view, lists);
    const key = kind === "actor" ? pageKey({ ...shown, network: graphOf(model, view.entity.key) }) : pageKey(shown);
    return { params: { id: view.entity.id }, props: { view }, cacheKey: key };
  });
}

/** The pages of the timeline, newest or oldest first, with the filters and the strip every page shows. */
export async function timelineRoutes(order: "newest-first" | "oldest-first") {
  const { model, pageKey } = await getSite();
  const archives = archivesOf(model, site.lists);
  const filters = timelineFilters(model, archives);
  // The introduction counts the articles, which the page's events alone do not tell.
  const articles = model.articles.length;
  const strip = stripOf({ model, archives, url }, "all");
  const paged = order === "newest-first" ? archives.timeline : archives.timelineOldest;
  return pageRoutes(paged, (shown) => pageKey({ shown, articles, filters, strip })).map((route) => ({
    ...route,
    props: { ...route.props, filters },
  }));
}
