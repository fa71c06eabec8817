/**
 * Search state and entity recognition, shared by the search page's script and the tests. The state lives in the
 * URL (`?q=…&type=Article&crossing=Torkham&year=2025`), so every search can be bookmarked and shared.
 */
import { isAcronym, normaliseName } from "./mentions.ts";
import type { Model } from "./model.ts";

export const FACETS = [
  { key: "type", label: "Page type" },
  { key: "year", label: "Year" },
  { key: "crossing", label: "Crossing" },
  { key: "place", label: "Place" },
  { key: "theme", label: "Theme" },
  { key: "actor", label: "Actor" },
  { key: "outlet", label: "Outlet" },
] as const;
export type FacetKey = (typeof FACETS)[number]["key"];

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string[]>>;
}

export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState["filters"] = {};
  for (const { key } of FACETS) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  return { q: (params.get("q") ?? "").trim(), filters };
}

export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const { key } of FACETS) for (const v of state.filters[key] ?? []) params.append(key, v);
  return params;
}

/** Pagefind's filter object: values within a facet are alternatives, facets combine. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(state.filters)) if (values?.length) out[key] = { any: values };
  return out;
}

export interface EntityEntry {
  /** The facet the entity's own page carries: actor, crossing, place or theme. */
  facet: "actor" | "crossing" | "place" | "theme";
  /** Pagefind's page type for the entity's page. */
  type: "Actor" | "Crossing" | "Place" | "Theme";
  name: string;
  aliases: string[];
}

const ENTITY_TYPE = { actor: "Actor", crossing: "Crossing", place: "Place", theme: "Theme" } as const;

/**
 * The entities a query names: a name or alias equal to the query, or beginning with it at a word boundary
 * ("Tehreek-e-Taliban" → the TTP, "Nooruddin" → Azizi). Exact matches come first, then shorter names.
 * Acronyms compare in capitals only, as in the mention engine; partial queries need four characters.
 */
export function entitiesNamed<E extends EntityEntry>(query: string, entities: readonly E[]): E[] {
  const q = query.trim();
  if (q === "") return [];
  const exactQuery = normaliseName(q);
  const foldedQuery = isAcronym(q) ? normaliseName(q.toLowerCase()) : exactQuery;
  const scored: { entity: E; score: number }[] = [];
  for (const entity of entities) {
    let best = Infinity;
    for (const name of [entity.name, ...entity.aliases]) {
      const n = normaliseName(name);
      const acronym = isAcronym(name);
      if (n === (acronym ? exactQuery : foldedQuery)) best = Math.min(best, 0);
      else if (!acronym && q.length >= 4) {
        const folded = normaliseName(name.toLowerCase());
        if (folded.startsWith(foldedQuery) && !/[\p{L}\p{N}]/u.test(folded.charAt(foldedQuery.length))) {
          best = Math.min(best, 1);
        }
      }
    }
    if (best < Infinity) scored.push({ entity, score: best * 1000 + entity.name.length });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.entity);
}

/**
 * Every spelling of the entities an article names, for Pagefind's `names` metadata field: searched, so any spelling
 * in the sources finds the article, but never part of the page's indexed text, so it never shows in an excerpt.
 */
export function spellingsText(entities: readonly { name: string; aliases: readonly string[] }[]): string {
  return entities.flatMap((e) => [e.name, ...e.aliases]).join("; ");
}

/**
 * Pagefind metadata fields that hold names rather than prose: searched and ranked, never shown as an excerpt.
 * `aliases`: an entity page's other names; `roles`: an actor's titles; `names`: every spelling of every entity an
 * article names. Weights are relative to a match in the page's text; Pagefind's default for `title` is 5.
 */
export const NAME_FIELDS = { aliases: 5, roles: 1, names: 0.5 } as const;

/**
 * The look-up index, in two files: every entity's names (`search/names.json`), which the search page loads on every
 * visit to put an entity's page first and to suggest spellings, and whose size grows with the number of entities
 * only; and every article's title (`search/lookup.json`), loaded only to answer offline. The service worker keeps
 * both on the device, so that search still finds any article or entity by title, name or alias offline, where the
 * full-text index was never downloaded. Rows are arrays, not objects, to keep them small; paths have no base.
 */
export interface NamesIndex {
  /** Every actor, crossing, place and theme: page type, name, aliases, site path. */
  entities: [type: EntityEntry["type"], name: string, aliases: string[], path: string][];
}
export interface TitlesIndex {
  /** Every article, newest first: title, publication date (`YYYY-MM-DD`), site path. */
  articles: [title: string, published: string, path: string][];
}
export type LookupIndex = NamesIndex & TitlesIndex;

export function buildNamesIndex(model: Pick<Model, "entities">): NamesIndex {
  return {
    entities: [...model.entities.values()].map(({ entity }) => [
      ENTITY_TYPE[entity.kind],
      entity.name,
      entity.aliases,
      entity.path,
    ]),
  };
}

export function buildTitlesIndex(model: Pick<Model, "articles">): TitlesIndex {
  return { articles: model.articles.map((a) => [a.data.title, a.data.published, a.path]) };
}

/** An entity of the names index, in the shape `entitiesNamed` and `suggestSpellings` take. */
export interface NamedEntity extends EntityEntry {
  /** Site path, without the base. */
  path: string;
}

export function namedEntities(index: NamesIndex): NamedEntity[] {
  return index.entities.map(([type, name, aliases, path]) => ({
    facet: type.toLowerCase() as EntityEntry["facet"],
    type,
    name,
    aliases,
    path,
  }));
}

export interface LookupMatch {
  type: "Article" | EntityEntry["type"];
  title: string;
  /** Site path, without the base. */
  path: string;
  /** Articles: the publication date. */
  date?: string;
  /** Entities found by an alias: the alias. */
  alias?: string;
}

/** The facets the look-up index can answer; the others need the full-text index. */
export const LOOKUP_FACETS: readonly FacetKey[] = ["type", "year"];

/** Lower-case words, with the mention engine's folding of dashes and apostrophes. */
function words(text: string): string[] {
  return normaliseName(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Every word of the query begins a word of the text: "taliban kab" is in "Taliban … Kabul meetings". */
function hasWords(query: readonly string[], text: readonly string[]): boolean {
  return query.every((q) => text.some((w) => w.startsWith(q)));
}

/**
 * Answers a search from the look-up index: first the entities the query names (as `entitiesNamed` pins them), then
 * the other entities and the articles whose name, alias or title holds every word of the query, articles newest
 * first. The type and year facets apply; with no query they browse, as full-text search does.
 */
export function lookUp(index: LookupIndex, state: SearchState): LookupMatch[] {
  const q = words(state.q);
  const types = state.filters.type;
  const years = state.filters.year;
  if (q.length === 0 && !types?.length && !years?.length) return [];
  const typeOk = (type: LookupMatch["type"]) => !types?.length || types.includes(type);
  const yearOk = (date: string | undefined) =>
    !years?.length || (date !== undefined && years.includes(date.slice(0, 4)));

  const entities = namedEntities(index);
  const named = q.length ? entitiesNamed(state.q, entities) : [];
  const pinned = new Set(named);
  const others = entities
    .filter((e) => !pinned.has(e) && [e.name, ...e.aliases].some((n) => hasWords(q, words(n))))
    .sort((a, b) => a.name.localeCompare(b.name));
  const entityMatches: LookupMatch[] = [...named, ...others]
    .filter((e) => typeOk(e.type) && yearOk(undefined))
    .map(({ type, name, aliases, path }) => {
      // Say which other name matched, when it was not the entity's own: never the whole list.
      const alias = q.length && !hasWords(q, words(name)) ? aliases.find((a) => hasWords(q, words(a))) : undefined;
      return { type, title: name, path, ...(alias ? { alias } : {}) };
    });
  const articleMatches: LookupMatch[] = index.articles
    .filter(([title, date]) => typeOk("Article") && yearOk(date) && hasWords(q, words(title)))
    .map(([title, date, path]) => ({ type: "Article", title, path, date }));
  return [...entityMatches, ...articleMatches];
}

/** How many names of one kind the search page lists A–Z; a kind with more links to its index page instead. */
export const BROWSE_LIMIT = 100;

export interface BrowseGroup {
  /** Anchor id and key: the actor kind, `crossing`, `place` or `theme`. */
  id: string;
  /** Plural heading, e.g. "People". */
  label: string;
  /** How many entities the group has. */
  count: number;
  /** The section's index page, where every one of them is listed. */
  index: string;
  /** Name and page of each, A–Z; absent when there are more than the limit. */
  entries?: { name: string; path: string }[];
}

const BROWSE_KINDS = [
  { id: "person", label: "People", index: "/actors/" },
  { id: "government", label: "Governments", index: "/actors/" },
  { id: "armed-group", label: "Armed groups", index: "/actors/" },
  { id: "organisation", label: "Organisations", index: "/actors/" },
  { id: "media", label: "Media", index: "/actors/" },
  { id: "crossing", label: "Crossings", index: "/crossings/" },
  { id: "place", label: "Places", index: "/places/" },
  { id: "theme", label: "Themes", index: "/themes/" },
] as const;

/**
 * The A–Z index of every entity by kind, for the search page: what it shows without JavaScript, before search
 * loads and when a search finds nothing. Each group lists at most `limit` names, so the page stays the same size
 * however large the archive grows; a larger group links to its index page.
 */
export function browseGroups(
  model: Pick<Model, "entities">,
  { lang, limit = BROWSE_LIMIT }: { lang: string; limit?: number },
): BrowseGroup[] {
  const collator = new Intl.Collator(lang);
  const byGroup = new Map<string, { name: string; path: string }[]>();
  for (const { entity } of model.entities.values()) {
    const id = entity.kind === "actor" ? entity.entry.data.kind : entity.kind;
    const list = byGroup.get(id) ?? [];
    list.push({ name: entity.name, path: entity.path });
    byGroup.set(id, list);
  }
  return BROWSE_KINDS.flatMap(({ id, label, index }) => {
    const list = byGroup.get(id);
    if (!list?.length) return [];
    const group: BrowseGroup = { id, label, count: list.length, index };
    if (list.length <= limit) group.entries = list.sort((a, b) => collator.compare(a.name, b.name));
    return [group];
  });
}
