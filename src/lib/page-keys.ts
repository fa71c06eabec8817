/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is re-rendered only when its
 * key, or the code it is rendered with, has changed since the last build. A key is a digest of what the page shows
 * that comes from content, as its route describes it (`articleShown`, `entityShown`, archives' `shownOn`): every
 * article, entity or entity view in that description is reduced to a card of what lists show about it (its
 * frontmatter, counts, latest status), and a page that renders an entry's body says so with the entry's digest.
 * Cards keep a key small and stop it from depending on the whole archive through the model's links.
 *
 * A route must describe everything its page renders from content; when a page starts to show something new, its
 * description grows with it (tests/unit/page-keys.test.ts checks which pages each kind of edit re-renders).
 *
 * What keys do not cover, by design: entity names and aliases (they change the rendering of every body, so they are
 * part of Astro's config hash through the remark plugin's options — see render-digest.ts), and the code (Astro
 * hashes each page's module graph). `npm run build -- --fresh` renders every page regardless.
 */
import { createHash } from "node:crypto";
import type { EntityLists, PageKey } from "./archives.ts";
import type { Article, Entity, EntityView, Model, TimelineEvent } from "./model.ts";

export function pageKeys(model: Model, ...global: unknown[]): PageKey {
  const articles = new Set<object>(model.articles);
  const views = new Set<object>(model.entities.values());
  const entities = new Set<object>([...model.entities.values()].map((v) => v.entity));
  const events = new Set<object>(model.events);
  // Every page also says how current the briefing is (the newest article's date), but that is left out of the keys,
  // or each new article would re-render every page: the build copies the home page's line into the rest
  // (scripts/lib/updated-stamp.ts). The home page's own key covers the newest article (it lists it).
  const globalDigest = JSON.stringify(global);

  // A card is what lists show: an entry's frontmatter, never its body.
  const articleCard = (a: Article) => ({ article: a.id, data: a.data });
  const entityCard = (e: Entity) => ({ entity: e.key, data: e.entry.data });
  // What an event's line shows: its own fields as written, the event it follows, and its source's headline and date.
  // Without a card, each event of a timeline page would carry its article's whole frontmatter into the key (about 7 %
  // of the render process's CPU time at 1,000 articles, profiled with --cpu-prof).
  const eventCard = (e: TimelineEvent) => ({
    event: e.anchor,
    written: e.written,
    after: e.after?.anchor,
    source: [e.article.id, e.article.data.title, e.article.data.published, e.article.data.publishedNote],
  });
  const viewCard = (v: EntityView) => ({
    ...entityCard(v.entity),
    articles: v.articles.length,
    mentions: v.mentionCount,
    events: v.events.length,
    status: v.statusHistory.at(-1)?.anchor,
  });

  // Each entry's card is serialized and digested once per build, and a page's key carries the digest: most pages
  // show many entries (a list, an archive page, an article's related articles), and the same entries recur on many
  // pages. Serializing every card again for every page took about 6 s of page generation at 10,000 articles
  // (profiled with --cpu-prof).
  const digests = new WeakMap<object, string>();
  const digestOf = (value: object, card: () => unknown): string => {
    let digest = digests.get(value);
    if (digest === undefined) digests.set(value, (digest = sha1(stringify(card()))));
    return digest;
  };
  const stringify = (shown: unknown): string => {
    const seen = new Set<object>();
    return JSON.stringify(shown, (_key, value: unknown) => {
      if (typeof value === "function" || value === null || typeof value !== "object") return value;
      if (articles.has(value)) return digestOf(value, () => articleCard(value as Article));
      if (events.has(value)) return digestOf(value, () => eventCard(value as TimelineEvent));
      if (views.has(value)) return digestOf(value, () => viewCard(value as EntityView));
      if (entities.has(value)) return digestOf(value, () => entityCard(value as Entity));
      if (seen.has(value)) return "[seen]";
      seen.add(value);
      if (value instanceof Map || value instanceof Set) return [...value];
      return value;
    });
  };
  return (shown) => sha1(`${globalDigest}\0${stringify(shown)}`);
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** What a visual's mark shows of an event: its anchor, date, status, summary and source. */
export function eventMark(e: TimelineEvent) {
  return [e.anchor, e.date.iso, e.dateNote !== undefined, e.status, e.summary, e.article.path, e.article.data.title];
}

/** What an article's page shows: the briefing itself, its events, its neighbours and its related articles. */
export function articleShown(article: Article) {
  const { digest, tagged, entities, events, related, previous, next } = article;
  return { article, body: digest, tagged, entities, events, related, previous, next };
}

/** What an actor's, crossing's or theme's page shows: the overview, its counts and its bounded lists. */
export function entityShown(view: EntityView, lists: EntityLists) {
  const { articles, timeline, ...shown } = lists;
  return {
    view,
    overview: view.entity.digest,
    related: view.related.length,
    ...shown,
    // The timeline strip draws every event and a crossing's closure chart every status change, not only the page's
    // lists of them: each as the few fields a mark shows, so a hub's key stays small.
    marks: view.events.map(eventMark),
    archives: { articles: articles?.total, timeline: timeline?.total },
  };
}
