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
  /** The facet the entity's own page carries: actor, crossing or theme. */
  facet: "actor" | "crossing" | "theme";
  /** Pagefind's page type for the entity's page. */
  type: "Actor" | "Crossing" | "Theme";
  name: string;
  aliases: string[];
}

const ENTITY_TYPE = { actor: "Actor", crossing: "Crossing", theme: "Theme" } as const;

/** The names and aliases of every entity, from the same entries the mention engine uses. */
export function entityEntries(model: Pick<Model, "entities">): EntityEntry[] {
  return [...model.entities.values()].map(({ entity }) => ({
    facet: entity.kind,
    type: ENTITY_TYPE[entity.kind],
    name: entity.name,
    aliases: entity.aliases,
  }));
}

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
 * Articles carry every spelling of the entities they name, as "Named here: X (also A, B); …", so any spelling finds
 * them. The search page leaves out sub-results that show that list rather than the briefing.
 */
export const SPELLINGS_PREFIX = "Named here:";
export const SPELLINGS_MARK = "(also ";

export function spellingsSentence(entities: readonly { name: string; aliases: readonly string[] }[]): string {
  const parts = entities.map((e) =>
    e.aliases.length ? `${e.name} ${SPELLINGS_MARK}${e.aliases.join(", ")})` : e.name,
  );
  return `${SPELLINGS_PREFIX} ${parts.join("; ")}.`;
}

/**
 * The look-up index: every article's title and date and every entity's names, with their pages. The service worker
 * keeps it on the device, so that search still finds any article or entity by title, name or alias offline, where
 * the full-text index was never downloaded. Rows are arrays, not objects, to keep it small; paths have no base.
 */
export interface LookupIndex {
  /** Every article, newest first: title, publication date (`YYYY-MM-DD`), site path. */
  articles: [title: string, published: string, path: string][];
  /** Every actor, crossing and theme: page type, name, aliases, site path. */
  entities: [type: EntityEntry["type"], name: string, aliases: string[], path: string][];
}

export function buildLookupIndex(model: Pick<Model, "articles" | "entities">): LookupIndex {
  return {
    articles: model.articles.map((a) => [a.data.title, a.data.published, a.path]),
    entities: [...model.entities.values()].map(({ entity }) => [
      ENTITY_TYPE[entity.kind],
      entity.name,
      entity.aliases,
      entity.path,
    ]),
  };
}

export interface LookupMatch {
  type: "Article" | EntityEntry["type"];
  title: string;
  /** Site path, without the base. */
  path: string;
  /** Articles: the publication date. */
  date?: string;
  /** Entities: the other names. */
  aliases?: string[];
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

  const entities = index.entities.map(([type, name, aliases, path]) => ({
    facet: type.toLowerCase() as EntityEntry["facet"],
    type,
    name,
    aliases,
    path,
  }));
  const named = q.length ? entitiesNamed(state.q, entities) : [];
  const pinned = new Set(named);
  const others = entities
    .filter((e) => !pinned.has(e) && [e.name, ...e.aliases].some((n) => hasWords(q, words(n))))
    .sort((a, b) => a.name.localeCompare(b.name));
  const entityMatches: LookupMatch[] = [...named, ...others]
    .filter((e) => typeOk(e.type) && yearOk(undefined))
    .map(({ type, name, aliases, path }) => ({ type, title: name, path, aliases }));
  const articleMatches: LookupMatch[] = index.articles
    .filter(([title, date]) => typeOk("Article") && yearOk(date) && hasWords(q, words(title)))
    .map(([title, date, path]) => ({ type: "Article", title, path, date }));
  return [...entityMatches, ...articleMatches];
}
