/**
 * The site model: turns the validated collections into everything the pages show — entities, the articles that
 * tag or mention each, dated events, crossing status histories and who is related to whom. It is computed once per
 * build; pages only render it. It only derives: the content rules (src/lib/rules/) judge the same input and the
 * model's findings, and src/lib/check.ts runs them. Pure: no Astro imports, so it is unit-tested directly.
 */
import { createHash } from "node:crypto";
import { citedIn, sentenceSpan, shorten, type Span } from "./blocks.ts";
import { compareInTimeline, comparePartialDates, parsePartialDate, type PartialDate } from "./dates.ts";
import { eventId } from "./event-ids.ts";
import { AmbiguousNameError, MentionMatcher, normaliseName, type EntityKind, type MentionTarget } from "./mentions.ts";
import { ParsedBodies } from "./parsed-bodies.ts";
import { roleLines, type RoleLine } from "./roles.ts";
import type {
  ActorData,
  ArticleData,
  CrossingData,
  CrossingStatus,
  EventData,
  PlaceData,
  StandingData,
  ThemeData,
} from "./schemas.ts";
import { typeset } from "./typography.ts";

// Problems and "did you mean" moved to problems.ts with the rules; re-exported for the modules that import them here.
export { closest, distance, formatProblem, type Problem } from "./problems.ts";

export interface EntryInput<T> {
  /** File name without extension. */
  id: string;
  /** Path of the source file, relative to the project, for messages. */
  file: string;
  /** The validated frontmatter, as the editor wrote it. */
  data: T;
  body: string;
  /** The file line the body starts on, so messages can name lines as the editor sees them. */
  bodyLine?: number;
  /** The file line of a frontmatter field such as `actors[1]`, where known. */
  lineOf?: (field: string) => number | undefined;
}

export interface ModelInput {
  articles: readonly EntryInput<ArticleData>[];
  actors: readonly EntryInput<ActorData>[];
  crossings: readonly EntryInput<CrossingData>[];
  /** Cities, provinces, countries: a desk may have none. */
  places?: readonly EntryInput<PlaceData>[];
  themes: readonly EntryInput<ThemeData>[];
  /** "Where things stand" (content/standing.md), which a desk may leave out. */
  standing?: EntryInput<StandingData>;
}

export type EntityKey = `${EntityKind}:${string}`;

interface EntityBase<K extends EntityKind, T> {
  kind: K;
  id: string;
  key: EntityKey;
  /** Site path without the base, e.g. `/actors/ttp/`. */
  path: string;
  /** The entry's name and summary, typeset (curly quotes, dashes) as every page shows them; `entry` has them as written. */
  name: string;
  aliases: string[];
  summary: string;
  entry: EntryInput<T>;
  /** A digest of the entry's file (frontmatter and body): it changes whenever the editor changes the entry. */
  digest: string;
}
export type Entity =
  | EntityBase<"actor", ActorData>
  | EntityBase<"crossing", CrossingData>
  | EntityBase<"place", PlaceData>
  | EntityBase<"theme", ThemeData>;

/** A sentence of an article that names an entity: once per sentence, however often it names it there. */
export interface MentionPlace {
  entity: EntityKey;
  /** Anchor of the paragraph in the article page. */
  blockId: string;
  /** The whole sentence, or a shortened one with each cut shown by an ellipsis. */
  sentence: string;
  /** `[start, end)` of each time the sentence names the entity, in `sentence`. */
  marks: [number, number][];
  /** The name as first written in the sentence. */
  text: string;
  /** How many times the sentence names the entity (marks may leave out names cut from a long sentence). */
  count: number;
}

export interface TimelineEvent {
  /**
   * The event's stable id, unique across the site (`<article>-<date>-<digest>`; see event-ids.ts): its anchor on
   * its article page and the timeline, and its key in the open data. Reordering events never changes it.
   */
  anchor: string;
  article: Article;
  date: PartialDate;
  /** Present when the date was inferred: how it was worked out. Typeset, like `summary`. */
  dateNote?: string;
  summary: string;
  /** The event's frontmatter as the editor wrote it (not typeset): what the open data publishes. */
  written: EventData;
  actors: EntityKey[];
  crossings: EntityKey[];
  places: EntityKey[];
  status?: CrossingStatus;
  /** The dated event the source says this one came after (`after` in the frontmatter; checked in rules/event-after.ts). */
  after?: TimelineEvent;
}

export interface RelatedArticle {
  article: Article;
  shared: EntityKey[];
}

export interface Article {
  id: string;
  path: string;
  file: string;
  /**
   * The frontmatter with its prose typeset as the body is (curly quotes, dashes, ellipses: see typography.ts): the
   * headline, summary, notes and event summaries. Everything that shows or publishes an article uses it, so a
   * headline reads the same in its <h1>, lists, the feed and the JSON-LD.
   */
  data: ArticleData;
  /** The frontmatter as the editor wrote it: what the open data publishes, for machines to match as written. */
  written: ArticleData;
  /** A digest of the article's file (frontmatter and body): it changes whenever the editor changes the article. */
  digest: string;
  published: PartialDate;
  /** Tagged actors, crossings, places and themes, in that order. */
  tagged: EntityKey[];
  /** Every mention in the body, in order. */
  mentions: MentionPlace[];
  /** Tagged or mentioned, tagged first. */
  entities: EntityKey[];
  events: TimelineEvent[];
  /** The articles most related to it, best first: as many as its page shows (see relatedArticles). */
  related: RelatedArticle[];
  previous?: Article;
  next?: Article;
}

export interface ArticleRef {
  article: Article;
  tagged: boolean;
  mentions: MentionPlace[];
}

export interface RelatedEntity {
  entity: Entity;
  /** Number of articles in which both appear. */
  count: number;
}

export interface EntityView {
  entity: Entity;
  /** Articles that tag or mention it, newest first. */
  articles: ArticleRef[];
  /** Total number of mentions across all bodies. */
  mentionCount: number;
  /** Events involving it, oldest first. */
  events: TimelineEvent[];
  /** Crossings only: events that changed its status, oldest first. */
  statusHistory: TimelineEvent[];
  /** Actors only: the titles it held, one line per title however many articles report it (see roles.ts). */
  roles: RoleLine<Article>[];
  /** Every entity named in an article with it, most shared first. */
  related: RelatedEntity[];
}

/** "Where things stand": the editor's summary that opens the home page. */
export interface Standing {
  entry: EntryInput<StandingData>;
  asOf: PartialDate;
  /** The articles it cites, newest first. */
  cites: Article[];
  /** How many articles were published after `asOf`: the summary may not cover them. */
  newer: number;
}

/**
 * Plain data — objects, arrays, maps, strings, numbers — so that the build can derive it in a worker thread and hand
 * it to the pages as a structured clone (scripts/lib/content-worker.ts).
 */
export interface Model {
  /** Newest first. */
  articles: Article[];
  articleById: Map<string, Article>;
  entities: Map<EntityKey, EntityView>;
  actors: EntityView[];
  crossings: EntityView[];
  places: EntityView[];
  themes: EntityView[];
  /** Every event of every article, oldest first. */
  events: TimelineEvent[];
  standing?: Standing;
}

/**
 * The model and what deriving it found out on the way that only the content rules need. The caller that runs the
 * rules keeps it for as long as they run; the pages get the model alone (see buildModel).
 */
export interface Derivation {
  model: Model;
  /** Every body parsed so far (the articles'), and the parser for the rest. */
  bodies: ParsedBodies;
  /** Set when two entries claim the same name: the mention engine then finds nothing. */
  nameClash?: AmbiguousNameError;
  /**
   * For each spelling the engine matched written without a capital (as an ordinary word is: "the", "government"),
   * in the engine's form (normaliseName), the number of articles that write it so.
   */
  lowerCaseArticles: Map<string, number>;
}

export const collectionOf: Record<EntityKind, "actors" | "crossings" | "places" | "themes"> = {
  actor: "actors",
  crossing: "crossings",
  place: "places",
  theme: "themes",
};

/** The entity collections with their kinds, in the order pages and checks list them. */
export const ENTITY_KINDS = [
  ["actor", "actors"],
  ["crossing", "crossings"],
  ["place", "places"],
  ["theme", "themes"],
] as const;

export function entityKey(kind: EntityKind, id: string): EntityKey {
  return `${kind}:${id}`;
}

function makeEntity(kind: EntityKind, entry: EntryInput<ActorData | CrossingData | PlaceData | ThemeData>): Entity {
  const base = {
    id: entry.id,
    key: entityKey(kind, entry.id),
    path: `/${collectionOf[kind]}/${entry.id}/`,
    name: typeset(entry.data.name),
    aliases: entry.data.aliases,
    summary: typeset(entry.data.summary),
    digest: digestOf(entry),
  };
  // The kinds share the name fields; the cast only re-attaches the kind to its own entry type.
  return { ...base, kind, entry } as Entity;
}

/**
 * Targets for the mention engine: each entity's name and aliases. A place that is shorthand for an actor
 * (`shorthandFor`: "Islamabad" for Pakistan's government) leaves the names that actor also carries to it: the engine
 * cannot tell the city from the government by context, so the editor has said which one the sources mean.
 */
export function mentionTargets(input: Pick<ModelInput, "actors" | "crossings" | "places" | "themes">): MentionTarget[] {
  const targets: MentionTarget[] = [];
  const actorNames = new Map(
    input.actors.map((a) => [a.id, new Set([a.data.name, ...a.data.aliases].map(normaliseName))]),
  );
  for (const [kind, entries] of [
    ["actor", input.actors],
    ["crossing", input.crossings],
    ["place", input.places ?? []],
    ["theme", input.themes],
  ] as const) {
    for (const e of entries) {
      let names = [e.data.name, ...e.data.aliases];
      const shorthandFor = "shorthandFor" in e.data ? e.data.shorthandFor : undefined;
      const given = shorthandFor ? actorNames.get(shorthandFor) : undefined;
      if (given) names = names.filter((n) => !given.has(normaliseName(n)));
      targets.push({ kind, id: e.id, names, source: e.file });
    }
  }
  return targets;
}

/** What an entry's page depends on from its own file: the validated frontmatter and the body. */
function digestOf(entry: EntryInput<unknown>): string {
  return createHash("sha1").update(JSON.stringify(entry.data)).update("\0").update(entry.body).digest("hex");
}

const CAPITAL = /\p{Lu}/u;

/** The site model, for the pages. */
export function buildModel(input: ModelInput): Model {
  return deriveModel(input).model;
}

/** The site model, with what the content rules read besides it (see check.ts). */
export function deriveModel(input: ModelInput): Derivation {
  const bodies = new ParsedBodies();
  let matcher: MentionMatcher;
  let nameClash: AmbiguousNameError | undefined;
  try {
    matcher = new MentionMatcher(mentionTargets(input));
  } catch (error) {
    if (!(error instanceof AmbiguousNameError)) throw error;
    // Reported by the name-clashes rule; without a matcher the model has no mentions at all.
    nameClash = error;
    matcher = new MentionMatcher([]);
  }

  const entities = new Map<EntityKey, EntityView>();
  for (const [kind, entries] of [
    ["actor", input.actors],
    ["crossing", input.crossings],
    ["place", input.places ?? []],
    ["theme", input.themes],
  ] as const) {
    for (const entry of entries) {
      const entity = makeEntity(kind, entry);
      entities.set(entity.key, {
        entity,
        articles: [],
        mentionCount: 0,
        events: [],
        statusHistory: [],
        roles: [],
        related: [],
      });
    }
  }
  // A reference to an id no entry has is left out (the unknown-references rule reports it).
  const resolve = (kind: EntityKind, id: string): EntityKey | undefined => {
    const key = entityKey(kind, id);
    return entities.has(key) ? key : undefined;
  };

  const lowerCaseArticles = new Map<string, number>();
  const articles: Article[] = input.articles.map((entry) => {
    const lowerCase = new Set<string>();
    const published = parsePartialDate(entry.data.published);
    const tagged: EntityKey[] = [];
    for (const [kind, field] of ENTITY_KINDS) {
      for (const id of entry.data[field]) {
        const key = resolve(kind, id);
        if (key && !tagged.includes(key)) tagged.push(key);
      }
    }

    const mentions: MentionPlace[] = [];
    for (const block of bodies.of(entry).blocks) {
      // Line breaks in a paragraph are where the file wrapped: the sentence flows on.
      const text = block.text.replace(/[\n\r\t]/g, " ");
      const bySentence = new Map<string, { span: Span; place: MentionPlace }>();
      for (const m of matcher.find(block.text)) {
        if (!CAPITAL.test(m.text)) lowerCase.add(normaliseName(m.text));
        const entity = entityKey(m.kind, m.id);
        const span = sentenceSpan(text, m.start);
        const key = `${entity} ${span.start}`;
        const mark: [number, number] = [m.start - span.start, m.end - span.start];
        const seen = bySentence.get(key);
        if (seen) {
          seen.place.marks.push(mark);
          seen.place.count++;
          continue;
        }
        const place = { entity, blockId: block.id, sentence: "", marks: [mark], text: m.text, count: 1 };
        bySentence.set(key, { span, place });
        mentions.push(place);
      }
      for (const { span, place } of bySentence.values()) {
        const quoted = shorten({ text: text.slice(span.start, span.end), marks: place.marks });
        place.sentence = quoted.text;
        place.marks = quoted.marks;
      }
    }
    for (const spelling of lowerCase) lowerCaseArticles.set(spelling, (lowerCaseArticles.get(spelling) ?? 0) + 1);
    const mentioned = [...new Set(mentions.map((m) => m.entity))];
    // A theme is what an article is substantially about, not a word it uses: its keywords neither demand the tag
    // nor put the article on the theme's page. Actors, crossings and places are tagged exactly when they are named.
    const isTheme = (key: EntityKey) => key.startsWith("theme:");

    return {
      id: entry.id,
      path: `/articles/${entry.id}/`,
      file: entry.file,
      data: typesetArticle(entry.data),
      written: entry.data,
      digest: digestOf(entry),
      published: typeof published === "string" ? { iso: entry.data.published, year: 0, precision: "day" } : published,
      tagged,
      mentions,
      entities: [...tagged, ...mentioned.filter((k) => !tagged.includes(k) && !isTheme(k))],
      events: [],
      related: [],
    };
  });

  // Newest first; the title breaks ties so the order never depends on file-system order.
  articles.sort((a, b) => comparePartialDates(b.published, a.published) || a.data.title.localeCompare(b.data.title));
  articles.forEach((article, i) => {
    // "Previous" is the older neighbour, "next" the newer one.
    const older = articles[i + 1];
    const newer = articles[i - 1];
    if (older) article.previous = older;
    if (newer) article.next = newer;
  });
  const articleById = new Map(articles.map((a) => [a.id, a]));

  const events: TimelineEvent[] = [];
  for (const article of articles) {
    for (const [i, e] of article.data.events.entries()) {
      // Event ids are digests of the summaries as written (event-ids.ts), not as typeset.
      const written = article.written.events[i] ?? e;
      const date = parsePartialDate(e.date);
      if (typeof date === "string") continue; // The schema has already reported it.
      const refs = (kind: EntityKind, ids: string[]): EntityKey[] =>
        ids.flatMap((id) => {
          const key = resolve(kind, id);
          return key ? [key] : [];
        });
      const event: TimelineEvent = {
        anchor: eventId(article.id, written),
        article,
        date,
        ...(e.dateNote ? { dateNote: e.dateNote } : {}),
        summary: e.summary,
        written,
        actors: refs("actor", e.actors),
        crossings: refs("crossing", e.crossings),
        places: refs("place", e.places),
        ...(e.status ? { status: e.status } : {}),
      };
      article.events.push(event);
      events.push(event);
    }
  }
  // Ties keep the editor's order within an article: the sort is stable and events are pushed in frontmatter order.
  const byDate = (a: TimelineEvent, b: TimelineEvent) =>
    compareInTimeline(a.date, b.date) ||
    comparePartialDates(a.article.published, b.article.published) ||
    a.article.id.localeCompare(b.article.id);
  events.sort(byDate);
  for (const article of articles) article.events.sort(byDate);
  const eventByAnchor = new Map(events.map((e) => [e.anchor, e]));
  for (const article of articles) {
    for (const e of article.written.events) {
      if (!e.after) continue;
      const event = eventByAnchor.get(eventId(article.id, e));
      const after = eventByAnchor.get(`${article.id}-${e.after}`) ?? eventByAnchor.get(e.after);
      if (event && after && after !== event) event.after = after;
    }
  }

  // Who appears where.
  for (const article of articles) {
    for (const key of article.entities) {
      const view = entities.get(key);
      if (!view) continue;
      const own = article.mentions.filter((m) => m.entity === key);
      view.articles.push({ article, tagged: article.tagged.includes(key), mentions: own });
      view.mentionCount += own.reduce((n, m) => n + m.count, 0);
    }
  }
  for (const event of events) {
    const involved = new Set<EntityKey>([...event.actors, ...event.crossings, ...event.places]);
    for (const key of event.article.tagged) if (key.startsWith("theme:")) involved.add(key);
    for (const key of involved) {
      const view = entities.get(key);
      if (!view) continue;
      view.events.push(event);
      if (view.entity.kind === "crossing" && event.status) view.statusHistory.push(event);
    }
  }

  // Related entities: how many articles each pair shares, counted in one pass over the articles.
  const shared = new Map<EntityKey, Map<EntityKey, number>>();
  for (const article of articles) {
    for (const key of article.entities) {
      let counts = shared.get(key);
      if (!counts) shared.set(key, (counts = new Map()));
      for (const other of article.entities) if (other !== key) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  for (const view of entities.values()) {
    view.related = [...(shared.get(view.entity.key) ?? [])]
      .flatMap(([key, count]) => {
        const other = entities.get(key);
        return other ? [{ entity: other.entity, count }] : [];
      })
      .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  }

  const related = relatedArticles(articles);
  articles.forEach((article, i) => (article.related = related[i] ?? []));
  for (const view of entities.values()) {
    if (view.entity.kind === "actor") view.roles = roleLines(view.entity.entry.data.roles, articleById);
  }

  let standing: Standing | undefined;
  if (input.standing) {
    const entry = input.standing;
    const cited = new Set(bodies.of(entry).blocks.flatMap(citedIn));
    const asOf = parsePartialDate(entry.data.asOf);
    standing = {
      entry,
      // A date that does not parse is reported by the schema.
      asOf: typeof asOf === "string" ? { iso: entry.data.asOf, year: 0, precision: "day" } : asOf,
      cites: articles.filter((a) => cited.has(a.id)),
      newer: articles.filter((a) => a.data.published > entry.data.asOf).length,
    };
  }

  const sorted = (kind: EntityKind) =>
    [...entities.values()]
      .filter((v) => v.entity.kind === kind)
      .sort((a, b) => a.entity.name.localeCompare(b.entity.name));

  return {
    model: {
      articles,
      articleById,
      entities,
      actors: sorted("actor"),
      crossings: sorted("crossing"),
      places: sorted("place"),
      themes: sorted("theme"),
      events,
      ...(standing ? { standing } : {}),
    },
    bodies,
    ...(nameClash ? { nameClash } : {}),
    lowerCaseArticles,
  };
}

/** An article's frontmatter with its prose typeset for display; ids, dates and addresses are left as they are. */
function typesetArticle(data: ArticleData): ArticleData {
  const maybe = (text: string | undefined) => (text === undefined ? undefined : typeset(text));
  return {
    ...data,
    title: typeset(data.title),
    summary: typeset(data.summary),
    publishedNote: maybe(data.publishedNote),
    originalTitle: maybe(data.originalTitle),
    events: data.events.map((e) => ({ ...e, summary: typeset(e.summary), dateNote: maybe(e.dateNote) })),
  };
}

export interface RelatedOptions {
  /** How many related articles to keep for each: what an article page shows. */
  limit?: number;
  /**
   * An entity named in more than `2 × window + 1` articles (a hub, like the TTP) offers as candidates only the
   * `2 × window` articles nearest in time to the one being related, so the work stays linear in the number of articles.
   */
  window?: number;
}

/**
 * Related articles from an inverted index instead of comparing every pair. Each entity has a posting: the articles
 * that name it, newest first. An article's candidates are the articles in the postings of its own entities — for a
 * long posting, only the part nearest to it in time (see `window`) — and they rank by how many entities they share
 * with it, then newest first. On a site where no posting is longer than the window, that is exactly the ranking of
 * every pair. `articles` are in the model's order (newest first, ties by title).
 */
/** Whether a candidate sharing `count` entities, at position `j`, ranks before `other`: more shared, then newer. */
const isBefore = (count: number, j: number, other: { j: number; count: number } | undefined): boolean =>
  other !== undefined && (count > other.count || (count === other.count && j < other.j));

export function relatedArticles(
  articles: readonly Article[],
  { limit = 5, window = 50 }: RelatedOptions = {},
): RelatedArticle[][] {
  const numbers = new Map<EntityKey, number>();
  const entitiesOf = articles.map((article) =>
    article.entities.map((key) => {
      let n = numbers.get(key);
      if (n === undefined) numbers.set(key, (n = numbers.size));
      return n;
    }),
  );
  const postings: number[][] = Array.from({ length: numbers.size }, () => []);
  // Where each article stands in the posting of each of its entities.
  const places = entitiesOf.map((list, i) => list.map((e) => (postings[e]?.push(i) ?? 0) - 1));

  const span = 2 * window + 1;
  const mine = new Uint8Array(numbers.size);
  const seen = new Int32Array(articles.length).fill(-1);
  return articles.map((article, i) => {
    const own = entitiesOf[i] ?? [];
    for (const e of own) mine[e] = 1;
    const candidates: number[] = [];
    own.forEach((e, k) => {
      const posting = postings[e] ?? [];
      // The `span` articles around this one, shifted at either end of the posting so there are always `span`.
      const from =
        posting.length <= span ? 0 : Math.min(Math.max(0, (places[i]?.[k] ?? 0) - window), posting.length - span);
      for (let p = from; p < Math.min(posting.length, from + span); p++) {
        const j = posting[p] ?? i;
        if (j !== i && seen[j] !== i) {
          seen[j] = i;
          candidates.push(j);
        }
      }
    });
    // The best `limit` candidates, kept in order as they come: `limit` is small, so no full sort.
    const ranked: { j: number; count: number }[] = [];
    for (const j of candidates) {
      const count = (entitiesOf[j] ?? []).reduce((n, e) => n + (mine[e] ?? 0), 0);
      let at = ranked.length;
      while (at > 0 && isBefore(count, j, ranked[at - 1])) at--;
      if (at < limit) ranked.splice(at, 0, { j, count });
      if (ranked.length > limit) ranked.pop();
    }
    for (const e of own) mine[e] = 0;
    const keys = new Set(article.entities);
    return ranked.map(({ j }) => {
      const other = articles[j] as Article;
      return { article: other, shared: other.entities.filter((key) => keys.has(key)) };
    });
  });
}
