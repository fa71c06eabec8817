/**
 * The site model: turns the validated collections into everything the pages show — entities, the articles that
 * tag or mention each, dated events, crossing status histories and who is related to whom. It is computed once per
 * build; pages only render it. Pure: no Astro imports, so it is unit-tested directly.
 */
import { createHash } from "node:crypto";
import { collectBlocks, parseBody, sentenceSpan, shorten, type Block, type Span } from "./blocks.ts";
import { comparePartialDates, parsePartialDate, type PartialDate } from "./dates.ts";
import { distance } from "./distance.ts";
import { eventId } from "./event-ids.ts";
import { AmbiguousNameError, MentionMatcher, type EntityKind, type MentionTarget } from "./mentions.ts";
import type { Root } from "mdast";
import { MDX_COMPONENTS } from "./components.ts";
import { ruleProblems } from "./rules/index.ts";
import type { ActorData, ArticleData, CrossingData, CrossingStatus, ThemeData } from "./schemas.ts";

export interface EntryInput<T> {
  /** File name without extension. */
  id: string;
  /** Path of the source file, relative to the project, for messages. */
  file: string;
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
  themes: readonly EntryInput<ThemeData>[];
}

export type EntityKey = `${EntityKind}:${string}`;

interface EntityBase<K extends EntityKind, T> {
  kind: K;
  id: string;
  key: EntityKey;
  /** Site path without the base, e.g. `/actors/ttp/`. */
  path: string;
  name: string;
  aliases: string[];
  summary: string;
  entry: EntryInput<T>;
  /** A digest of the entry's file (frontmatter and body): it changes whenever the editor changes the entry. */
  digest: string;
}
export type Entity =
  EntityBase<"actor", ActorData> | EntityBase<"crossing", CrossingData> | EntityBase<"theme", ThemeData>;

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
  /** Present when the date was inferred: how it was worked out. */
  dateNote?: string;
  summary: string;
  actors: EntityKey[];
  crossings: EntityKey[];
  status?: CrossingStatus;
}

export interface RelatedArticle {
  article: Article;
  shared: EntityKey[];
}

export interface Article {
  id: string;
  path: string;
  file: string;
  data: ArticleData;
  /** A digest of the article's file (frontmatter and body): it changes whenever the editor changes the article. */
  digest: string;
  published: PartialDate;
  /** Tagged actors, crossings and themes, in that order. */
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
  /** Every entity named in an article with it, most shared first. */
  related: RelatedEntity[];
}

export interface Problem {
  file: string;
  /** The frontmatter field or body place, e.g. `actors[2]` or `body, paragraph 3`. */
  field: string;
  message: string;
  fix: string;
  /** Errors stop the check and the build; warnings are printed. */
  severity: "error" | "warning";
  /** The file line, where it is known. */
  line?: number;
}

export interface ModelOptions {
  /** Today's date, `YYYY-MM-DD`: publication dates after it are errors. */
  today?: string;
}

export interface Model {
  /** Newest first. */
  articles: Article[];
  articleById: Map<string, Article>;
  entities: Map<EntityKey, EntityView>;
  actors: EntityView[];
  crossings: EntityView[];
  themes: EntityView[];
  /** Every event of every article, oldest first. */
  events: TimelineEvent[];
  matcher: MentionMatcher;
  problems: Problem[];
}

export const collectionOf: Record<EntityKind, "actors" | "crossings" | "themes"> = {
  actor: "actors",
  crossing: "crossings",
  theme: "themes",
};

export function entityKey(kind: EntityKind, id: string): EntityKey {
  return `${kind}:${id}`;
}

function makeEntity(kind: EntityKind, entry: EntryInput<ActorData | CrossingData | ThemeData>): Entity {
  const base = {
    id: entry.id,
    key: entityKey(kind, entry.id),
    path: `/${collectionOf[kind]}/${entry.id}/`,
    name: entry.data.name,
    aliases: entry.data.aliases,
    summary: entry.data.summary,
    digest: digestOf(entry),
  };
  // The three kinds share the name fields; the cast only re-attaches the kind to its own entry type.
  return { ...base, kind, entry } as Entity;
}

/** Targets for the mention engine: each entity's name and aliases. */
export function mentionTargets(input: Pick<ModelInput, "actors" | "crossings" | "themes">): MentionTarget[] {
  const targets: MentionTarget[] = [];
  for (const [kind, entries] of [
    ["actor", input.actors],
    ["crossing", input.crossings],
    ["theme", input.themes],
  ] as const) {
    for (const e of entries) {
      targets.push({ kind, id: e.id, names: [e.data.name, ...e.data.aliases], source: e.file });
    }
  }
  return targets;
}

const CITATION = /^article:(.+)$/;

/** What an entry's page depends on from its own file: the validated frontmatter and the body. */
function digestOf(entry: EntryInput<unknown>): string {
  return createHash("sha1").update(JSON.stringify(entry.data)).update("\0").update(entry.body).digest("hex");
}

/** Parses a body; a syntax error becomes a problem that names the line, not an exception. */
function treeOf(entry: EntryInput<unknown>, problems: Problem[]): Root | undefined {
  try {
    return parseBody(entry.body, entry.file.endsWith(".mdx"));
  } catch (error) {
    const e = error as { reason?: string; line?: number; column?: number; message?: string };
    problems.push({
      file: entry.file,
      field: e.line ? `body, column ${e.column ?? 1}` : "body",
      // micromark adds its own body-relative position, e.g. "(6:1-6:26)"; the file line is reported instead.
      message: (e.reason ?? e.message ?? String(error)).replace(/ \(\d+:\d+(?:-\d+:\d+)?\)/g, ""),
      ...(e.line ? { line: e.line + (entry.bodyLine ?? 1) - 1 } : {}),
      fix: "in .mdx, < and { start code: write &lt; and \\{ for the characters, or close the tag",
      severity: "error",
    });
    return undefined;
  }
}

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  value?: string;
  children?: JsxNode[];
}

/** Components used in an MDX body: each must be one the site provides (or imported), with what it needs. */
function componentProblems(
  entry: EntryInput<unknown>,
  tree: Root,
  actorIds: readonly string[],
  problem: (p: Omit<Problem, "severity">) => void,
): void {
  const imported = new Set<string>();
  const walk = (node: JsxNode, visit: (n: JsxNode) => void): void => {
    visit(node);
    for (const child of node.children ?? []) walk(child, visit);
  };
  walk(tree as unknown as JsxNode, (n) => {
    if (n.type === "mdxjsEsm") for (const m of (n.value ?? "").matchAll(/\b([A-Z]\w*)\b/g)) imported.add(m[1] ?? "");
  });
  const known = Object.keys(MDX_COMPONENTS);
  walk(tree as unknown as JsxNode, (n) => {
    if ((n.type !== "mdxJsxFlowElement" && n.type !== "mdxJsxTextElement") || !n.name || !/^[A-Z]/.test(n.name)) return;
    const line = n.position ? n.position.start.line + (entry.bodyLine ?? 1) - 1 : undefined;
    const at = { file: entry.file, field: `<${n.name}>`, ...(line ? { line } : {}) };
    const spec = (MDX_COMPONENTS as Record<string, { actorAttribute?: string; required: readonly string[] }>)[n.name];
    if (!spec) {
      if (!imported.has(n.name)) {
        const [close] = closest(n.name, known);
        problem({
          ...at,
          message: `there is no component called ${n.name}`,
          fix: `use one of ${known.map((k) => `<${k}>`).join(", ")} (see content/README.md)${close ? `; did you mean <${close}>?` : ""}`,
        });
      }
      return;
    }
    const attributes = new Map((n.attributes ?? []).map((a) => [a.name, a.value]));
    for (const name of spec.required) {
      if (!attributes.has(name))
        problem({ ...at, message: `<${n.name}> needs a ${name} attribute`, fix: `write <${n.name} ${name}="…">` });
    }
    const actor = spec.actorAttribute ? attributes.get(spec.actorAttribute) : undefined;
    if (typeof actor === "string" && !actorIds.includes(actor)) {
      const close = closest(actor, actorIds);
      problem({
        ...at,
        message: `${spec.actorAttribute}="${actor}" is not an actor id`,
        fix: close.length
          ? `did you mean "${close[0]}"?`
          : "use the file name (without .md) of an actor in content/actors/",
      });
    }
  });
}

function linksIn(node: Block["node"]): string[] {
  const urls: string[] = [];
  const walk = (n: { type: string; url?: string; children?: unknown[] }): void => {
    if (n.type === "link" && typeof n.url === "string") urls.push(n.url);
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(node);
  return urls;
}

export function buildModel(input: ModelInput, options: ModelOptions = {}): Model {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const problems: Problem[] = [];
  const byFile = new Map<string, EntryInput<unknown>>(
    [...input.articles, ...input.actors, ...input.crossings, ...input.themes].map((e) => [e.file, e]),
  );
  const problem = (p: Omit<Problem, "severity">, severity: Problem["severity"] = "error") => {
    const line = p.line ?? byFile.get(p.file)?.lineOf?.(p.field);
    problems.push({ ...p, severity, ...(line ? { line } : {}) });
  };

  let matcher: MentionMatcher;
  try {
    matcher = new MentionMatcher(mentionTargets(input));
  } catch (error) {
    if (!(error instanceof AmbiguousNameError)) throw error;
    problem({
      file: error.second.source ?? error.second.id,
      field: "aliases",
      message: `"${error.alias}" is also a name of ${error.first.source ?? error.first.id}`,
      fix: "keep the name on one entry only",
    });
    matcher = new MentionMatcher([]);
  }

  const entities = new Map<EntityKey, EntityView>();
  for (const [kind, entries] of [
    ["actor", input.actors],
    ["crossing", input.crossings],
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
        related: [],
      });
    }
  }
  const articleIds = new Set(input.articles.map((a) => a.id));
  const idsOf = (kind: EntityKind | "article"): string[] =>
    kind === "article"
      ? [...articleIds]
      : [...entities.values()].filter((v) => v.entity.kind === kind).map((v) => v.entity.id);

  const checkRef = (file: string, field: string, kind: EntityKind, id: string): EntityKey | undefined => {
    const key = entityKey(kind, id);
    if (entities.has(key)) return key;
    const known = idsOf(kind);
    const close = closest(id, known);
    problem({
      file,
      field,
      message: `no ${kind} has the id "${id}"`,
      fix: close.length
        ? `did you mean ${close.map((c) => `"${c}"`).join(" or ")}? Otherwise add content/${collectionOf[kind]}/${id}.md`
        : `use one of the ids in content/${collectionOf[kind]}/ (${known.join(", ") || "none yet"}) or add content/${collectionOf[kind]}/${id}.md`,
    });
    return undefined;
  };

  const bodies = new Map<string, Block[]>();
  const articles: Article[] = input.articles.map((entry) => {
    const published = parsePartialDate(entry.data.published);
    if (entry.data.published > today) {
      problem({
        file: entry.file,
        field: "published",
        message: `"${entry.data.published}" is in the future (today is ${today})`,
        fix: "write the date the source was published",
      });
    }
    const tagged: EntityKey[] = [];
    for (const [kind, field] of [
      ["actor", "actors"],
      ["crossing", "crossings"],
      ["theme", "themes"],
    ] as const) {
      entry.data[field].forEach((id, i) => {
        const key = checkRef(entry.file, `${field}[${i}]`, kind, id);
        if (key && !tagged.includes(key)) tagged.push(key);
      });
    }

    const mentions: MentionPlace[] = [];
    const tree = treeOf(entry, problems);
    if (tree && entry.file.endsWith(".mdx")) componentProblems(entry, tree, idsOf("actor"), problem);
    const blocks = tree ? collectBlocks(tree) : [];
    bodies.set(entry.id, blocks);
    for (const block of blocks) {
      // Line breaks in a paragraph are where the file wrapped: the sentence flows on.
      const text = block.text.replace(/[\n\r\t]/g, " ");
      const bySentence = new Map<string, { span: Span; place: MentionPlace }>();
      for (const m of matcher.find(block.text)) {
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
    const mentioned = [...new Set(mentions.map((m) => m.entity))];
    // A theme is what an article is substantially about, not a word it uses: its keywords neither demand the tag
    // nor put the article on the theme's page. Actors and crossings are tagged exactly when they are named.
    const isTheme = (key: EntityKey) => key.startsWith("theme:");
    // A body that does not parse has already been reported; its mentions cannot be compared with its tags.
    for (const key of tree ? mentioned : []) {
      if (!tagged.includes(key) && !isTheme(key)) {
        const [kind, id] = key.split(":") as [EntityKind, string];
        const first = mentions.find((m) => m.entity === key);
        problem(
          {
            file: entry.file,
            field: collectionOf[kind],
            message: `the body mentions ${kind} "${id}" ("${first?.text}") but the article does not tag it`,
            fix: `add ${id} to ${collectionOf[kind]}, or reword the body`,
          },
          "warning",
        );
      }
    }
    for (const key of tree ? tagged : []) {
      if (!mentioned.includes(key) && !isTheme(key)) {
        const [kind, id] = key.split(":") as [EntityKind, string];
        problem(
          {
            file: entry.file,
            field: collectionOf[kind],
            message: `the article tags ${kind} "${id}" but the body never mentions it`,
            fix: `name it in the body (by its name or an alias), or remove ${id} from ${collectionOf[kind]}`,
          },
          "warning",
        );
      }
    }

    return {
      id: entry.id,
      path: `/articles/${entry.id}/`,
      file: entry.file,
      data: entry.data,
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
    article.data.events.forEach((e, i) => {
      const field = `events[${i}]`;
      const date = parsePartialDate(e.date);
      if (typeof date === "string") return; // The schema has already reported it.
      const refs = (kind: EntityKind, ids: string[], name: "actors" | "crossings"): EntityKey[] =>
        ids.flatMap((id, j) => {
          const key = checkRef(article.file, `${field}.${name}[${j}]`, kind, id);
          if (key && !article.tagged.includes(key)) {
            problem({
              file: article.file,
              field: `${field}.${name}[${j}]`,
              message: `event ${i + 1} involves ${kind} "${id}", which the article does not tag`,
              fix: `add ${id} to the article's ${name}`,
            });
          }
          return key ? [key] : [];
        });
      // A month or year that contains the publication day sorts before it, so it is never "after" it.
      if (comparePartialDates(date, article.published) > 0) {
        problem({
          file: article.file,
          field: `${field}.date`,
          message: `event ${i + 1} is dated "${e.date}", after the article's publication on ${article.data.published}`,
          fix: "an article can only report what happened by the day it was published: check both dates",
        });
      }
      const actors = refs("actor", e.actors, "actors");
      const crossings = refs("crossing", e.crossings, "crossings");
      if (e.status && crossings.length === 0) {
        problem({
          file: article.file,
          field: `${field}.status`,
          message: `event ${i + 1} has a status but names no crossing`,
          fix: "add the crossing's id to the event's crossings, or remove status",
        });
      }
      const event: TimelineEvent = {
        anchor: eventId(article.id, e),
        article,
        date,
        ...(e.dateNote ? { dateNote: e.dateNote } : {}),
        summary: e.summary,
        actors,
        crossings,
        ...(e.status ? { status: e.status } : {}),
      };
      article.events.push(event);
      events.push(event);
    });
  }
  // Ties keep the editor's order within an article: the sort is stable and events are pushed in frontmatter order.
  const byDate = (a: TimelineEvent, b: TimelineEvent) =>
    comparePartialDates(a.date, b.date) ||
    comparePartialDates(a.article.published, b.article.published) ||
    a.article.id.localeCompare(b.article.id);
  events.sort(byDate);
  for (const article of articles) article.events.sort(byDate);

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
    const involved = new Set<EntityKey>([...event.actors, ...event.crossings]);
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

  // Editors' links to entries (`article:<slug>`, `actor:<id>`…) must point at something, in any body.
  const checkLinks = (entry: EntryInput<unknown>) => {
    for (const match of entry.body.matchAll(/\]\((article|actor|crossing|theme):([^)\s]+)\)/g)) {
      const [, kind, id] = match as unknown as [string, EntityKind | "article", string];
      if (kind === "article" ? articleIds.has(id) : entities.has(entityKey(kind, id))) continue;
      const close = closest(id, idsOf(kind));
      const line = (entry.bodyLine ?? 1) + entry.body.slice(0, match.index ?? 0).split("\n").length - 1;
      problem({
        file: entry.file,
        field: "body",
        line,
        message: `the link to ${kind}:${id} points at no entry`,
        fix: close.length ? `did you mean ${kind}:${close[0]}?` : `use an existing ${kind} id`,
      });
    }
  };
  for (const article of input.articles) checkLinks(article);

  // Entity bodies: every statement cites its article; every role names a real article.
  for (const view of entities.values()) {
    const { entry } = view.entity;
    const entityTree = treeOf(entry, problems);
    (entityTree ? collectBlocks(entityTree) : []).forEach((block, i) => {
      const urls = linksIn(block.node);
      const cited = urls.some((u) => CITATION.test(u));
      if (!cited) {
        problem(
          {
            file: entry.file,
            field: `body, paragraph ${i + 1}`,
            message: `"${block.text.slice(0, 60)}…" cites no article`,
            fix: "add a link to the source article, e.g. [22 Feb 2023](article:<slug>)",
          },
          "warning",
        );
      }
    });
    checkLinks(entry);
    if (view.entity.kind === "actor") {
      view.entity.entry.data.roles.forEach((role, i) => {
        if (!articleIds.has(role.source)) {
          problem({
            file: entry.file,
            field: `roles[${i}].source`,
            message: `no article has the id "${role.source}"`,
            fix: `use the file name (without .mdx) of an article in content/articles/`,
          });
        }
      });
    }
  }

  problems.push(
    ...ruleProblems({
      articles: input.articles.map((entry) => ({
        entry,
        blocks: bodies.get(entry.id) ?? [],
        tagged: articleById.get(entry.id)?.tagged ?? [],
      })),
      entities: [...entities.values()].map(({ entity }) => ({ key: entity.key, entry: entity.entry })),
    }),
  );

  const sorted = (kind: EntityKind) =>
    [...entities.values()]
      .filter((v) => v.entity.kind === kind)
      .sort((a, b) => a.entity.name.localeCompare(b.entity.name));

  return {
    articles,
    articleById,
    entities,
    actors: sorted("actor"),
    crossings: sorted("crossing"),
    themes: sorted("theme"),
    events,
    matcher,
    problems,
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

/** A problem as an editor reads it: file (and line), field, what is wrong and how to fix it. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.field}: ${p.message}. Fix: ${p.fix}.`;
}

/** The known ids closest to a mistyped one: within a third of its length, best first, at most three. */
export function closest(id: string, known: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor(id.length / 3));
  return known
    .map((k) => ({ k, d: distance(id, k) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map(({ k }) => k);
}
