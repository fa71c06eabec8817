/**
 * Search in the offline copy, where Pagefind cannot run (its ES modules and WebAssembly do not load from `file://`;
 * pagefind#202). The build extracts, from every page Pagefind indexes, exactly what Pagefind reads — the text of the
 * `data-pagefind-body` regions without their `data-pagefind-ignore` parts, the first heading as title, and the
 * `data-pagefind-filter`/`-meta` values (type, year, actor, crossing, theme, outlet; aliases, roles, names) — and
 * writes it as plain scripts that assign data, which a page loads with `<script>` tags even from a disk.
 *
 * The index comes in parts: the pages (titles, facets, names; always loaded) and their text in chunks, by year of
 * publication when the text is larger than one chunk should be, loaded only when a query has words to look for, and
 * only the years the year filter allows. Pure: the build, the search page and the tests share it.
 */
import { FACETS, entitiesNamed, NAME_FIELDS, type FacetKey, type NamesIndex, type SearchState } from "./search.ts";

/** The global the index scripts fill in, one property per part. */
export const INDEX_GLOBAL = "briefingOfflineIndex";
/** Where the index scripts live, beside the search page. */
export const INDEX_FOLDER = "search/offline/";
/** The text of all pages goes in one chunk up to this size (characters); above it, one chunk per year. */
export const CHUNK_CHARS = 400_000;

/** One indexed page. */
export interface IndexedPage {
  /** Site path without the base: `actors/ttp/`. */
  path: string;
  title: string;
  /** The type facet: Article, Actor, Crossing, Theme, Timeline. */
  type: string;
  /** Articles: the publication date, `YYYY-MM-DD`. */
  date?: string;
  /** Every facet value of the page, by facet. */
  filters: Partial<Record<FacetKey, string[]>>;
  /** The name fields Pagefind also searches (NAME_FIELDS): other names, titles, every spelling an article names. */
  names: Partial<Record<keyof typeof NAME_FIELDS, string>>;
  /** The chunk holding the page's text. */
  chunk: string;
}

/** The part always loaded: every page, and the look-up index's names for pinning entities and suggestions. */
export interface PagesPart {
  pages: IndexedPage[];
  /** Chunk names: `all`, or years and `other`. */
  chunks: string[];
  entities: NamesIndex["entities"];
}

/** A chunk of text: page number (in `pages`) → the page's indexed text. */
export type TextPart = Record<number, string>;

/** The chunk a page's text goes in, given whether the index is split. */
export function chunkOf(page: Pick<IndexedPage, "date">, split: boolean): string {
  if (!split) return "all";
  return page.date?.slice(0, 4) ?? "other";
}

/** The chunks a search needs: none to browse by facets, else those the year filter allows (and `other`). */
export function chunksNeeded(part: Pick<PagesPart, "chunks">, state: SearchState): string[] {
  if (words(state.q).length === 0) return [];
  const years = state.filters.year;
  if (!years?.length) return part.chunks;
  return part.chunks.filter((c) => c === "all" || c === "other" || years.includes(c));
}

/** The script that assigns one part of the index. */
export function indexScript(name: string, data: unknown): string {
  // JSON is valid JavaScript; U+2028/9 are escaped by JSON.stringify since ES2019. `</script` cannot end anything
  // here (the file is loaded by src, not inlined), so no further escaping is needed.
  return `(self.${INDEX_GLOBAL} = self.${INDEX_GLOBAL} || {})[${JSON.stringify(name)}] = ${JSON.stringify(data)};\n`;
}

/** Lower case without diacritics, as Pagefind folds words. */
export function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/** A text's words as the search compares them: folded, split at anything that is not a letter or digit. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Where a query word begins a word of folded text. */
const wordStart = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}`, "gu");

export interface OfflineResult {
  page: IndexedPage;
  /** Words around the first match, as HTML with the query's words marked: the shape of Pagefind's excerpt. */
  excerpt: string;
}

export interface OfflineAnswer {
  results: OfflineResult[];
  /** Facet counts over the results, as Pagefind gives them. */
  counts: Record<string, Record<string, number>>;
}

/** The words of an excerpt, as many as the online search shows (its `excerptLength`). */
const EXCERPT_WORDS = 24;
/** Weights of a match by field: title as Pagefind weights it (5), name fields as the online search does. */
const WEIGHTS = { title: 5, ...NAME_FIELDS } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** Up to EXCERPT_WORDS words of `text` from a little before the first query word, with the query's words marked. */
export function excerptOf(text: string, query: readonly string[]): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  const hit = (token: string) => query.length > 0 && words(token).some((w) => query.some((q) => w.startsWith(q)));
  const first = tokens.findIndex(hit);
  const start = Math.max(0, Math.min(first - 5, tokens.length - EXCERPT_WORDS));
  return tokens
    .slice(first < 0 ? 0 : start, (first < 0 ? 0 : start) + EXCERPT_WORDS)
    .map((t) => (hit(t) ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t)))
    .join(" ");
}

function passesFilters(page: IndexedPage, filters: SearchState["filters"]): boolean {
  return FACETS.every(({ key }) => {
    const wanted = filters[key];
    return !wanted?.length || wanted.some((v) => page.filters[key]?.includes(v));
  });
}

function countFacets(pages: readonly IndexedPage[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const page of pages) {
    for (const [key, values] of Object.entries(page.filters)) {
      const facet = (counts[key] ??= {});
      for (const v of values ?? []) facet[v] = (facet[v] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Answers a search from the index: pages whose title, text or name fields hold every word of the query (each word
 * beginning a word there, as in Pagefind), within the filters; the pages of the entities the query names first, then
 * pages holding the query as a phrase, then by score. With no words, the filters browse, newest first. `texts` holds
 * the loaded chunks' text by page number.
 */
export function searchOffline(
  part: PagesPart,
  texts: ReadonlyMap<number, string>,
  state: SearchState,
  named: { facet: string; type: string; name: string; path: string }[] = [],
): OfflineAnswer {
  const query = words(state.q);
  const inFilters = part.pages.map((page, i) => ({ page, i })).filter(({ page }) => passesFilters(page, state.filters));
  if (query.length === 0) {
    const browsed = inFilters
      .map(({ page }) => page)
      .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.title.localeCompare(b.title));
    return { results: browsed.map((page) => ({ page, excerpt: "" })), counts: countFacets(browsed) };
  }
  const patterns = query.map(wordStart);
  const phrase = query.length > 1 ? query.join(" ") : undefined;
  const scored: { page: IndexedPage; text: string; score: number; phrase: boolean }[] = [];
  for (const { page, i } of inFilters) {
    const text = texts.get(i) ?? "";
    const fields: [string, number][] = [
      [fold(page.title), WEIGHTS.title],
      [fold(text), 1],
      ...(Object.entries(page.names) as [keyof typeof NAME_FIELDS, string][]).map(
        ([field, value]): [string, number] => [fold(value), WEIGHTS[field]],
      ),
    ];
    let score = 0;
    let all = true;
    for (const pattern of patterns) {
      let best = 0;
      for (const [value, weight] of fields) {
        const count = value.match(pattern)?.length ?? 0;
        // A word repeated in a long text counts for less than one in the title: the first few occurrences matter.
        if (count > 0) best = Math.max(best, weight * Math.min(count, 5));
      }
      if (best === 0) {
        all = false;
        break;
      }
      score += best;
    }
    if (!all) continue;
    const inPhrase = phrase !== undefined && words(`${page.title} ${text}`).join(" ").includes(phrase);
    scored.push({ page, text, score, phrase: inPhrase });
  }
  scored.sort(
    (a, b) => Number(b.phrase) - Number(a.phrase) || b.score - a.score || a.page.path.localeCompare(b.page.path),
  );
  // An entity's own page comes first when the query names it, as online, if the filters let it in.
  const pinnedPaths = named.map((e) => e.path.replace(/^\//, ""));
  const byPath = new Map(inFilters.map(({ page, i }) => [page.path, { page, i }]));
  const pinned = pinnedPaths.flatMap((path) => {
    const hit = byPath.get(path);
    return hit ? [{ page: hit.page, text: texts.get(hit.i) ?? "" }] : [];
  });
  const pinnedSet = new Set(pinned.map((p) => p.page));
  const ordered = [...pinned, ...scored.filter((s) => !pinnedSet.has(s.page))];
  return {
    results: ordered.map(({ page, text }) => ({ page, excerpt: excerptOf(text, query) })),
    counts: countFacets(ordered.map((o) => o.page)),
  };
}

/** The entities a query names, from the pages part, for `searchOffline`'s pinning. */
export function namedIn(part: PagesPart, query: string) {
  const entities = part.entities.map(([type, name, aliases, path]) => ({
    facet: type.toLowerCase() as "actor" | "crossing" | "theme",
    type,
    name,
    aliases,
    path,
  }));
  return entitiesNamed(query, entities);
}
