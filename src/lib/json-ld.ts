/**
 * schema.org JSON-LD for every page, built from the model. The builders are typed with schema-dts (Google's types
 * of the schema.org vocabulary), so the compiler rejects a type or property schema.org does not have, or a value of
 * the wrong kind. Pure: pages call these and render the result with serializeJsonLd.
 *
 * - An article page is an `Article` (our briefing) that `isBasedOn` the source `NewsArticle` (its publisher, date and
 *   address where known), is `about` the themes it is tagged with and `mentions` the actors, crossings and places
 *   it names;
 *   its events are `Event`s with their dates at the source's precision (`2025-03` stays a month).
 * - An entity page is a `Person`, an `Organization` (`GovernmentOrganization`, `NewsMediaOrganization`), a `Place`
 *   (a crossing or a place, with `geo`; a place also `containedInPlace` the place it lies in) or a `DefinedTerm` (a
 *   theme), with every alias as an `alternateName`.
 * - The home page is the `WebSite` (with its search), /data/ a `Dataset`, any other page a `WebPage`.
 *
 * Every node has an `@id`: the page's address with a fragment (`#article`, `#entity`, `#website`, `#dataset`, or the
 * event's own id, which is also its anchor on the page), so nodes on different pages refer to one another.
 */
import type {
  ArticleLeaf,
  DataDownloadLeaf,
  DatasetLeaf,
  DefinedTermLeaf,
  EventLeaf,
  GeoCoordinatesLeaf,
  GovernmentOrganizationLeaf,
  Graph,
  NewsArticleLeaf,
  NewsMediaOrganizationLeaf,
  OrganizationLeaf,
  PersonLeaf,
  PlaceLeaf,
  SearchAction,
  ThingLeaf,
  WebPageLeaf,
  WebSiteLeaf,
  WithActionConstraints,
  WithContext,
} from "schema-dts";
import type { Article, Entity, EntityKey, EntityView, TimelineEvent } from "./model.ts";
import type { DataFile } from "./open-data.ts";
import type { SiteData } from "./schemas.ts";

export interface JsonLdOptions {
  site: Pick<SiteData, "title" | "description" | "lang" | "licence">;
  /** The absolute address of a site path, base included. */
  absolute: (path: string) => string;
  entities: ReadonlyMap<EntityKey, EntityView>;
}

export type EntityNode =
  PersonLeaf | OrganizationLeaf | GovernmentOrganizationLeaf | NewsMediaOrganizationLeaf | PlaceLeaf | DefinedTermLeaf;
export type EntityType = EntityNode["@type"];

const ACTOR_TYPES = {
  person: "Person",
  government: "GovernmentOrganization",
  organisation: "Organization",
  "armed-group": "Organization",
  media: "NewsMediaOrganization",
} as const satisfies Record<string, EntityType>;

/** The schema.org type of an actor, crossing, place or theme. */
export function entityType(entity: Entity): EntityType {
  if (entity.kind === "actor") return ACTOR_TYPES[entity.entry.data.kind];
  return entity.kind === "theme" ? "DefinedTerm" : "Place";
}

/**
 * The object with the properties whose value is known: the builders list every property they may set, and the
 * unknown ones (`undefined`) are left out rather than written as null. Typed by the node it builds, so the
 * vocabulary is checked property by property.
 */
function known<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const nonEmpty = <T>(list: readonly T[]): readonly T[] | undefined => (list.length > 0 ? list : undefined);

const websiteId = (o: Pick<JsonLdOptions, "absolute">) => `${o.absolute("/")}#website`;
const entityId = (entity: Entity, o: JsonLdOptions) => `${o.absolute(entity.path)}#entity`;

/** What every entity node has, whatever its type: Thing's properties. */
type ThingProperties = Omit<ThingLeaf, "@type">;

/** An actor, crossing or theme as a node of its own schema.org type. */
function entityNode(entity: Entity, thing: ThingProperties): EntityNode {
  return { "@type": entityType(entity), ...thing };
}

/** What another page says about an entity: enough to name it and find its page. */
const refProperties = (entity: Entity, o: JsonLdOptions): ThingProperties => ({
  "@id": entityId(entity, o),
  name: entity.name,
  url: o.absolute(entity.path),
});

/** The entities of the given kinds among `keys`, in order. */
const entitiesOf = (keys: readonly EntityKey[], o: JsonLdOptions, kinds: readonly Entity["kind"][]): Entity[] =>
  keys.flatMap((key) => {
    const entity = o.entities.get(key)?.entity;
    return entity && kinds.includes(entity.kind) ? [entity] : [];
  });

const refs = (keys: readonly EntityKey[], o: JsonLdOptions, kinds: readonly Entity["kind"][]): EntityNode[] =>
  entitiesOf(keys, o, kinds).map((entity) => entityNode(entity, refProperties(entity, o)));

/** An event as schema.org sees it: what, when (at its precision), who and where. */
export function eventNode(event: TimelineEvent, o: JsonLdOptions): EventLeaf {
  const page = o.absolute(event.article.path);
  return known<EventLeaf>({
    "@type": "Event",
    "@id": `${page}#${event.anchor}`,
    url: `${page}#${event.anchor}`,
    name: event.summary,
    startDate: event.date.iso,
    about: nonEmpty(refs(event.actors, o, ["actor"])),
    location: nonEmpty(
      entitiesOf([...event.crossings, ...event.places], o, ["crossing", "place"]).map((c): PlaceLeaf => ({
        "@type": "Place",
        ...refProperties(c, o),
      })),
    ),
    subjectOf: { "@id": `${page}#article` },
  });
}

/** An article page: our briefing, the source it is based on, what it is about and names, and its events. */
export function articleJsonLd(article: Article, o: JsonLdOptions): Graph {
  const page = o.absolute(article.path);
  const { data } = article;
  const source = known<NewsArticleLeaf>({
    "@type": "NewsArticle",
    url: data.url,
    headline: data.originalTitle,
    datePublished: data.published,
    publisher: data.outlet ? { "@type": "Organization", name: data.outlet } : undefined,
    locationCreated: data.dateline ? { "@type": "Place", name: data.dateline } : undefined,
  });
  const briefing = known<ArticleLeaf>({
    "@type": "Article",
    "@id": `${page}#article`,
    url: page,
    headline: data.title,
    description: data.summary,
    inLanguage: o.site.lang,
    isPartOf: { "@id": websiteId(o) },
    license: o.site.licence?.url,
    isBasedOn: source,
    about: nonEmpty(refs(article.entities, o, ["theme"])),
    mentions: nonEmpty(refs(article.entities, o, ["actor", "crossing", "place"])),
  });
  return {
    "@context": "https://schema.org",
    "@graph": [briefing, ...article.events.map((e) => eventNode(e, o))],
  };
}

/** An entity page: the actor, crossing, place or theme itself, with every alias; a crossing or place with where it is. */
export function entityJsonLd(view: EntityView, o: JsonLdOptions): WithContext<EntityNode> {
  const { entity } = view;
  const page = o.absolute(entity.path);
  const thing = known<ThingProperties>({
    "@id": entityId(entity, o),
    url: page,
    mainEntityOfPage: page,
    name: entity.name,
    alternateName: nonEmpty(entity.aliases),
    description: entity.summary,
  });
  const context = "https://schema.org";
  if (entity.kind === "crossing" || entity.kind === "place") {
    const { lat, lon } = entity.entry.data.location;
    const geo: GeoCoordinatesLeaf = { "@type": "GeoCoordinates", latitude: lat, longitude: lon };
    const within = entity.kind === "place" && entity.entry.data.in;
    const parent = within ? o.entities.get(`place:${within}`)?.entity : undefined;
    const containedInPlace: PlaceLeaf | undefined = parent
      ? { "@type": "Place", ...refProperties(parent, o) }
      : undefined;
    return { "@context": context, "@type": "Place", ...thing, geo, ...(containedInPlace ? { containedInPlace } : {}) };
  }
  if (entity.kind === "actor" && entity.entry.data.kind === "person") {
    const { country } = entity.entry.data;
    const person = known<PersonLeaf>({
      "@type": "Person",
      ...thing,
      nationality: country ? { "@type": "Country", name: country } : undefined,
    });
    return { "@context": context, ...person };
  }
  return { "@context": context, ...entityNode(entity, thing) };
}

/**
 * Any other page: the home page is the site, with its search; the rest are web pages of it. `url` is the page's
 * canonical address; the 404 page, served at any address, has none.
 */
export function pageJsonLd(
  page: { title: string; description: string; url?: string | undefined; home?: boolean },
  o: Pick<JsonLdOptions, "site" | "absolute">,
): WithContext<WebSiteLeaf | WebPageLeaf> {
  if (page.home) {
    const search: WithActionConstraints<SearchAction> = {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${o.absolute("/search/")}?q={query}` },
      "query-input": "required name=query",
    };
    return {
      "@context": "https://schema.org",
      ...known<WebSiteLeaf>({
        "@type": "WebSite",
        "@id": websiteId(o),
        url: o.absolute("/"),
        name: o.site.title,
        description: o.site.description,
        inLanguage: o.site.lang,
        license: o.site.licence?.url,
        potentialAction: search,
      }),
    };
  }
  return {
    "@context": "https://schema.org",
    ...known<WebPageLeaf>({
      "@type": "WebPage",
      "@id": page.url === undefined ? undefined : `${page.url}#webpage`,
      url: page.url,
      name: page.title,
      description: page.description,
      inLanguage: o.site.lang,
      isPartOf: { "@id": websiteId(o) },
    }),
  };
}

/** The /data/ page: the open data as a data set, each file a download. */
export function datasetJsonLd(
  files: readonly DataFile[],
  dataset: { description: string; built: string; citation: string },
  o: JsonLdOptions,
): WithContext<DatasetLeaf> {
  const page = o.absolute("/data/");
  return {
    "@context": "https://schema.org",
    ...known<DatasetLeaf>({
      "@type": "Dataset",
      "@id": `${page}#dataset`,
      url: page,
      name: `${o.site.title}: open data`,
      description: dataset.description,
      inLanguage: o.site.lang,
      license: o.site.licence?.url,
      isAccessibleForFree: true,
      dateModified: dataset.built,
      creditText: dataset.citation,
      isPartOf: { "@id": websiteId(o) },
      distribution: files.map((f) =>
        known<DataDownloadLeaf>({
          "@type": "DataDownload",
          name: f.name,
          description: f.description,
          contentUrl: o.absolute(f.path),
          encodingFormat: f.mediaType.split(";")[0],
          contentSize: `${f.bytes} B`,
        }),
      ),
    }),
  };
}

const UNSAFE: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for a `<script type="application/ld+json">` element. The characters that could end the element or be read as
 * markup (`<`, `>`, `&`) and the line separators older parsers choke on are written as JSON escapes, which parse back
 * to the same text: a title holding `</script>` stays inside the element.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c] ?? c);
}
