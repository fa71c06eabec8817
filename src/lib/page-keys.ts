/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is re-rendered only when its
 * key, or the code it is rendered with, has changed since the last build. A key is a digest of everything the page
 * shows that comes from content: the props its route passes, serialised whole with the digest of its subject's file,
 * where any other article, entity or entity view the props point at is replaced by a card of what lists show about
 * it (its frontmatter, counts, latest status). Cards keep a key small and stop it from depending on the whole
 * archive through the model's links.
 *
 * What keys do not cover, by design: entity names and aliases (they change the rendering of every body, so they are
 * part of Astro's config hash through the remark plugin's options — see render-digest.ts), and the code (Astro
 * hashes each page's module graph).
 */
import { createHash } from "node:crypto";
import type { Article, Entity, EntityView, Model } from "./model.ts";

export function pageKeys(model: Model, ...global: unknown[]): (props: unknown) => string {
  const articles = new Set<object>(model.articles);
  const views = new Set<object>(model.entities.values());
  const entities = new Set<object>([...model.entities.values()].map((v) => v.entity));
  // Every page says how current the briefing is: the newest article's date, and its note when inferred.
  const newest = model.articles[0];
  const globalDigest = JSON.stringify([global, newest?.data.published, newest?.data.publishedNote]);

  // A card is what lists show: an entry's frontmatter, never its body.
  const articleCard = (a: Article) => ({ article: a.id, data: a.data });
  const entityCard = (e: Entity) => ({ entity: e.key, data: e.entry.data });
  const viewCard = (v: EntityView) => ({
    ...entityCard(v.entity),
    articles: v.articles.length,
    mentions: v.mentionCount,
    events: v.events.length,
    status: v.statusHistory.at(-1)?.anchor,
  });

  return (props) => {
    const hash = createHash("sha1").update(globalDigest);
    // The page renders its own subject's body: an article's briefing, an entity's overview.
    for (const subject of Object.values(props as object)) {
      if (articles.has(subject)) hash.update((subject as Article).digest);
      if (views.has(subject)) hash.update((subject as EntityView).entity.digest);
    }
    const seen = new Set<object>();
    hash.update(
      JSON.stringify(props, function (this: unknown, _key, value: unknown) {
        if (typeof value === "function" || value === null || typeof value !== "object") return value;
        // The page's own subjects (its props) are serialised whole; anything they point at is a card.
        if (this !== props) {
          if (articles.has(value)) return articleCard(value as Article);
          if (views.has(value)) return viewCard(value as EntityView);
          if (entities.has(value)) return entityCard(value as Entity);
        }
        if (seen.has(value)) return "[seen]";
        seen.add(value);
        if (value instanceof Map) return [...value];
        if (value instanceof Set) return [...value];
        return value;
      }),
    );
    return hash.digest("hex");
  };
}
