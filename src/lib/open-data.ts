/**
 * The open data under /data/: the model's events, articles and entities as files anyone can download and cite,
 * with a description of every column. Each file's columns are defined once, here, with the words that document
 * them, so a column cannot be published without being documented. Pure: site.ts derives the files once per build;
 * the endpoints under src/pages/data/ serve the bodies and the /data/ page renders the descriptions.
 *
 * The exports are whole-archive downloads by design: they grow with the archive, and the page describing them does
 * not.
 *
 * Text is published as the editors wrote it (`written`, `entry.data`), not as the pages typeset it: straight quotes
 * stay straight, so a script matches a headline or a name as it appears in the content files.
 */
import type { Article, EntityKey, EntityView, Model, TimelineEvent } from "./model.ts";
import { actorKinds, crossingStatuses, placeKinds, type SiteData } from "./schemas.ts";

/** A JSON value, as the exports hold them. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

export interface OpenDataOptions {
  site: Pick<SiteData, "title" | "licence" | "citation">;
  /** The absolute address of a site path, base included: `/articles/x/` → `https://example.org/base/articles/x/`. */
  absolute: (path: string) => string;
  /** The build date, `YYYY-MM-DD`. */
  built: string;
}

/** One column of a file: its name, what it holds (for the /data/ page) and its value for a row. */
export interface Field<T> {
  name: string;
  description: string;
  value: (row: T) => Json;
}

export interface DataFile {
  /** The file's name under /data/, e.g. `events.csv`. */
  name: string;
  /** Its site path, `/data/<name>`. */
  path: string;
  mediaType: string;
  /** What the file holds, one sentence. */
  description: string;
  /** The data set the file holds; the two event files hold the same one. */
  dataset: Dataset;
  columns: readonly { name: string; description: string }[];
  rows: number;
  body: string;
  /** The body's size in bytes, UTF-8. */
  bytes: number;
}

export type Dataset = "events" | "articles" | "entities";

/** How the files are written, for the /data/ page: one paragraph each, `code` in backticks. */
export const FORMATS: readonly string[] = [
  "CSV follows RFC 4180: a header row, fields separated by commas, every line ended by CRLF, UTF-8 without a " +
    "byte-order mark. A field holding a comma, a double quote or a line break is in double quotes, its double quotes " +
    "doubled. A list (the actors or crossings of an event, and their names) is its items joined by `;`, in the same " +
    "order in the ids column and the names column; an empty field means none, or not known.",
  "Each JSON file holds one object: `title`, `url` (this page), `licence` (its `name` and `url`, or `null`), " +
    "`citation`, `built` (the build date), and the rows, one per line, under `events`, `articles` or `entities`. " +
    "Lists are arrays; a value that is not known is `null`.",
  "Dates keep the precision of the source, in ISO 8601: `2025`, `2025-03` or `2025-03-21`. A month is never a day.",
];

/** What the /data/ page says about each data set, above the table of its columns. */
const DATASETS: Record<Dataset, { title: string; intro: string }> = {
  events: {
    title: "Events",
    intro:
      "One row per dated event the articles report, oldest first. An event's id is the article's id, the date and " +
      "six characters computed from its summary (or a key the editor set to keep it through an edit). It does not " +
      "change when events are reordered, and it is the event's anchor on its article page: `url` opens the page at it.",
  },
  articles: {
    title: "Articles",
    intro:
      "One row per article briefed, newest first: our summary of a source article, which `source_url` links to " +
      "where its address is known.",
  },
  entities: {
    title: "Actors, crossings, places and themes",
    intro:
      "One row per actor, crossing, place and theme, each kind in alphabetical order. An entity is named by its " +
      "`kind` and `id` together; the `actors`, `crossings` and `places` columns of the other files hold these ids.",
  },
};

export interface DataSection {
  /** The section's anchor on the page, the data set's name. */
  id: Dataset;
  title: string;
  intro: string;
  columns: DataFile["columns"];
  files: (DataFile & { rowsText: string; size: string })[];
}

/** The /data/ page's sections: one per data set, with its files (their sizes written out) and its columns. */
export function dataSections(files: readonly DataFile[], lang: string): DataSection[] {
  const count = new Intl.NumberFormat(lang);
  return (Object.keys(DATASETS) as Dataset[]).flatMap((id) => {
    const own = files.filter((f) => f.dataset === id);
    const [first] = own;
    if (!first) return [];
    return [
      {
        id,
        ...DATASETS[id],
        columns: first.columns,
        files: own.map((f) => ({ ...f, rowsText: count.format(f.rows), size: formatBytes(f.bytes, lang) })),
      },
    ];
  });
}

/** A file size as readers expect it: "850 bytes", "12.3 kB", "1.4 MB" (1 kB = 1,000 bytes). */
export function formatBytes(bytes: number, lang: string): string {
  const number = (value: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1000) return `${number(bytes)} bytes`;
  if (bytes < 1_000_000) return `${number(bytes / 1000)} kB`;
  return `${number(bytes / 1_000_000)} MB`;
}

/** The citation the site asks for, with the build date and the address of /data/ filled in. */
export function citationText(options: OpenDataOptions): string {
  const form = options.site.citation ?? `${options.site.title}, open data, built {date}, {url}`;
  return form.replaceAll("{date}", options.built).replaceAll("{url}", options.absolute("/data/"));
}

/** One field of a CSV record (RFC 4180): quoted when it holds a comma, a double quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180 CSV: a header row, then one record per row; every record ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((record) => `${record.map(csvField).join(",")}\r\n`).join("");
}

/** A value as a CSV cell: a list is its items joined by `;`, a missing value is empty. */
export function csvCell(value: Json): string {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map((v) => csvCell(v as Json)).join(";");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Values as the documentation writes them: "`a`, `b` or `c`". */
const codeList = (values: readonly string[]) =>
  values
    .map((v) => `\`${v}\``)
    .join(", ")
    .replace(/, ([^,]*)$/, " or $1");

const ids = (keys: readonly EntityKey[]) => keys.map((k) => k.slice(k.indexOf(":") + 1));

/** The columns of events.csv and events.json. */
export function eventFields(model: Model, options: OpenDataOptions): Field<TimelineEvent>[] {
  const names = (keys: readonly EntityKey[]) => keys.map((k) => model.entities.get(k)?.entity.entry.data.name ?? k);
  return [
    {
      name: "id",
      description:
        "The event's stable id: the article's id, the date and six characters computed from the summary, or a key " +
        "the editor set. Reordering events never changes it; it is the event's anchor on its article page (`url`).",
      value: (e) => e.anchor,
    },
    {
      name: "date",
      description:
        "When it happened, in ISO 8601 at the precision the source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. " +
        "`2025-03` means some time in March 2025, never 1 March.",
      value: (e) => e.date.iso,
    },
    {
      name: "precision",
      description: "How much of the date is known: `year`, `month` or `day`.",
      value: (e) => e.date.precision,
    },
    {
      name: "date_basis",
      description:
        "`stated`: the source gives the date at this precision; `inferred`: it was worked out (see `date_note`).",
      value: (e) => (e.dateNote ? "inferred" : "stated"),
    },
    {
      name: "date_note",
      description: "For an inferred date, how it was worked out; empty when the date is stated.",
      value: (e) => e.written.dateNote ?? null,
    },
    { name: "summary", description: "What happened, in one sentence of our own.", value: (e) => e.written.summary },
    {
      name: "actors",
      description: "Ids of the actors involved (in entities.json, `kind` `actor`).",
      value: (e) => ids(e.actors),
    },
    { name: "actor_names", description: "Their names, in the same order.", value: (e) => names(e.actors) },
    {
      name: "crossings",
      description: "Ids of the border crossings involved (in entities.json, `kind` `crossing`).",
      value: (e) => ids(e.crossings),
    },
    { name: "crossing_names", description: "Their names, in the same order.", value: (e) => names(e.crossings) },
    {
      name: "places",
      description: "Ids of the places where it happened (in entities.json, `kind` `place`).",
      value: (e) => ids(e.places),
    },
    { name: "place_names", description: "Their names, in the same order.", value: (e) => names(e.places) },
    {
      name: "status",
      description: `For a change at a crossing, what its status became: ${codeList(crossingStatuses)}; empty otherwise.`,
      value: (e) => e.status ?? null,
    },
    {
      name: "article",
      description: "Id of the article that reports the event (in articles.json).",
      value: (e) => e.article.id,
    },
    {
      name: "article_title",
      description: "Our headline for that article.",
      value: (e) => e.article.written.title,
    },
    {
      name: "published",
      description: "The source article's publication date, `YYYY-MM-DD`.",
      value: (e) => e.article.data.published,
    },
    {
      name: "outlet",
      description: "The source article's publisher, where its text shows it; empty otherwise.",
      value: (e) => e.article.data.outlet ?? null,
    },
    {
      name: "source_url",
      description: "The source article's own address, where known; empty otherwise.",
      value: (e) => e.article.data.url ?? null,
    },
    {
      name: "url",
      description: "The event on its article page on this site.",
      value: (e) => options.absolute(`${e.article.path}#${e.anchor}`),
    },
  ];
}

/** The fields of articles.json. */
export function articleFields(options: OpenDataOptions): Field<Article>[] {
  return [
    { name: "id", description: "The article's id, also its address on this site.", value: (a) => a.id },
    { name: "title", description: "Our headline (not the source's).", value: (a) => a.written.title },
    {
      name: "published",
      description: "The source's publication date, `YYYY-MM-DD`.",
      value: (a) => a.data.published,
    },
    {
      name: "published_note",
      description: "How the publication date was worked out when the source does not state it; `null` when it does.",
      value: (a) => a.written.publishedNote ?? null,
    },
    {
      name: "outlet",
      description: "The source's publisher, where its text shows it; `null` otherwise.",
      value: (a) => a.data.outlet ?? null,
    },
    {
      name: "source_url",
      description: "The source article's own address, where known; `null` otherwise.",
      value: (a) => a.data.url ?? null,
    },
    {
      name: "dateline",
      description: "The source's dateline city; `null` where it has none.",
      value: (a) => a.data.dateline ?? null,
    },
    { name: "summary", description: "Our one- or two-sentence summary.", value: (a) => a.written.summary },
    { name: "actors", description: "Ids of the actors the article names.", value: (a) => a.data.actors },
    { name: "crossings", description: "Ids of the crossings the article names.", value: (a) => a.data.crossings },
    { name: "places", description: "Ids of the places the article names.", value: (a) => a.data.places },
    { name: "themes", description: "Ids of the one to three themes it is about.", value: (a) => a.data.themes },
    {
      name: "events",
      description: "Ids of the events it reports (in events.csv), oldest first.",
      value: (a) => a.events.map((e) => e.anchor),
    },
    { name: "url", description: "Our briefing of the article on this site.", value: (a) => options.absolute(a.path) },
  ];
}

/** The fields of entities.json. */
export function entityFields(options: OpenDataOptions): Field<EntityView>[] {
  return [
    { name: "id", description: "The entity's id, unique within its kind.", value: (v) => v.entity.id },
    { name: "kind", description: "`actor`, `crossing`, `place` or `theme`.", value: (v) => v.entity.kind },
    {
      name: "type",
      description: `For an actor: ${codeList(actorKinds)}; for a place: ${codeList(placeKinds)}; \`null\` otherwise.`,
      value: (v) => (v.entity.kind === "actor" || v.entity.kind === "place" ? v.entity.entry.data.kind : null),
    },
    { name: "name", description: "The name readers know best.", value: (v) => v.entity.entry.data.name },
    {
      name: "aliases",
      description: "Every other spelling and short form the sources use (for a theme, its keywords).",
      value: (v) => v.entity.aliases,
    },
    {
      name: "summary",
      description: "One sentence saying who or what it is.",
      value: (v) => v.entity.entry.data.summary,
    },
    {
      name: "country",
      description: "For an actor, the country it belongs to, where a source gives it; `null` otherwise.",
      value: (v) => (v.entity.kind === "actor" ? (v.entity.entry.data.country ?? null) : null),
    },
    {
      name: "roles",
      description:
        "For an actor, the offices it held, each with `title`, `from` and `to` (dates at their precision, or " +
        "`null`), `article` (the id of the article that reports it) and `url` (that article on this site); `[]` " +
        "otherwise.",
      value: (v) =>
        v.entity.kind === "actor"
          ? v.entity.entry.data.roles.map((r) => ({
              title: r.title,
              from: r.from ?? null,
              to: r.to ?? null,
              article: r.source,
              url: options.absolute(`/articles/${r.source}/`),
            }))
          : [],
    },
    {
      name: "location",
      description:
        "For a crossing or a place, `lat` and `lon` in decimal degrees (for a place, from outside the sources); " +
        "`null` otherwise.",
      value: (v) =>
        v.entity.kind === "crossing" || v.entity.kind === "place" ? { ...v.entity.entry.data.location } : null,
    },
    {
      name: "in",
      description: "For a place, the id of the place it lies in (`kind` `place`), where given; `null` otherwise.",
      value: (v) => (v.entity.kind === "place" ? (v.entity.entry.data.in ?? null) : null),
    },
    {
      name: "between",
      description:
        "For a crossing, the two sides' provinces or districts, where a source names them; `null` otherwise.",
      value: (v) => (v.entity.kind === "crossing" ? (v.entity.entry.data.between ?? null) : null),
    },
    { name: "url", description: "Its page on this site.", value: (v) => options.absolute(v.entity.path) },
  ];
}

/**
 * A JSON document: the header's fields, then the rows under `key`, one row per line. That reads and diffs like a
 * table and is a fraction of the size of one value per line, which matters for a whole-archive download.
 */
export function jsonDocument(header: { readonly [key: string]: Json }, key: string, rows: readonly Json[]): string {
  const list = rows.length ? `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(",\n")}\n ]` : "[]";
  const fields = [...Object.entries(header).map(([k, v]) => [k, JSON.stringify(v)]), [key, list]];
  return `{\n${fields.map(([k, v]) => ` ${JSON.stringify(k)}: ${v}`).join(",\n")}\n}\n`;
}

const describe = <T>(fields: readonly Field<T>[]) => fields.map(({ name, description }) => ({ name, description }));
const record = <T>(fields: readonly Field<T>[], row: T) =>
  Object.fromEntries(fields.map((f) => [f.name, f.value(row)])) as { [key: string]: Json };

/** Every file under /data/, derived from the model. */
export function openDataFiles(model: Model, options: OpenDataOptions): DataFile[] {
  const encoder = new TextEncoder();
  const file = (
    name: string,
    mediaType: string,
    description: string,
    dataset: Dataset,
    columns: readonly { name: string; description: string }[],
    rows: number,
    body: string,
  ): DataFile => ({
    name,
    path: `/data/${name}`,
    mediaType,
    description,
    dataset,
    columns,
    rows,
    body,
    bytes: encoder.encode(body).length,
  });
  // The JSON files carry what a copy needs away from the site: where it comes from, its licence and how to cite it.
  const json = <T>(key: string, what: string, fields: readonly Field<T>[], rows: readonly T[]) =>
    jsonDocument(
      {
        title: `${options.site.title}: ${what}`,
        url: options.absolute("/data/"),
        licence: options.site.licence ?? null,
        citation: citationText(options),
        built: options.built,
      },
      key,
      rows.map((r) => record(fields, r)),
    );
  const events = eventFields(model, options);
  const articles = articleFields(options);
  const entities = entityFields(options);
  const views = [...model.actors, ...model.crossings, ...model.places, ...model.themes];
  return [
    file(
      "events.csv",
      "text/csv; charset=utf-8",
      "Every dated event the articles report, oldest first, one row each.",
      "events",
      describe(events),
      model.events.length,
      toCsv(
        events.map((f) => f.name),
        model.events.map((e) => events.map((f) => csvCell(f.value(e)))),
      ),
    ),
    file(
      "events.json",
      "application/json",
      "The same events as JSON, lists as arrays and empty values as null.",
      "events",
      describe(events),
      model.events.length,
      json("events", "events", events, model.events),
    ),
    file(
      "articles.json",
      "application/json",
      "Every article briefed, newest first.",
      "articles",
      describe(articles),
      model.articles.length,
      json("articles", "articles", articles, model.articles),
    ),
    file(
      "entities.json",
      "application/json",
      "Every actor, crossing, place and theme, each kind in alphabetical order.",
      "entities",
      describe(entities),
      views.length,
      json("entities", "actors, crossings, places and themes", entities, views),
    ),
  ];
}
