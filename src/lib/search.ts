/**
 * Search state and entity recognition, shared by the search page's script and the tests. The state lives in the
 * URL (`?q=…&type=Article&crossing=Torkham&year=2025`), so every search can be bookmarked and shared.
 */
import { isAcronym, normaliseName } from "./mentions.ts";

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

/**
 * The entities a query names: a name or alias equal to the query, or beginning with it at a word boundary
 * ("Tehreek-e-Taliban" → the TTP, "Nooruddin" → Azizi). Exact matches come first, then shorter names.
 * Acronyms compare in capitals only, as in the mention engine; partial queries need four characters.
 */
export function entitiesNamed(query: string, entities: readonly EntityEntry[]): EntityEntry[] {
  const q = query.trim();
  if (q === "") return [];
  const exactQuery = normaliseName(q);
  const foldedQuery = isAcronym(q) ? normaliseName(q.toLowerCase()) : exactQuery;
  const scored: { entity: EntityEntry; score: number }[] = [];
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
