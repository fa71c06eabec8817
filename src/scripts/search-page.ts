/**
 * The search page: runs Pagefind in the browser, keeps the query and facets in the URL, shows facet counts, puts an
 * entity's own page first when the query names it and pages with the query as a phrase next, and offers the closest
 * names when a query finds nothing. Loaded only on /search/, so no other page downloads search.
 *
 * Offline, where Pagefind or the index chunks a query needs are not on the device, the same page answers from the
 * look-up index of titles and names instead, says so, and marks the results whose page is not on the device.
 *
 * In the offline copy opened from a disk (`file://`), where neither Pagefind nor `fetch` works, the same page answers
 * from the copy's script-loaded index instead (src/lib/offline-search.ts): one interface, two back ends.
 */
import { OFFLINE_PATHS } from "../lib/offline.ts";
import { copyFile } from "../lib/offline-copy.ts";
import {
  chunksNeeded,
  INDEX_GLOBAL,
  namedIn,
  searchOffline,
  type OfflineResult,
  type PagesPart,
  type TextPart,
} from "../lib/offline-search.ts";
import {
  FACETS,
  LOOKUP_FACETS,
  NAME_FIELDS,
  entitiesNamed,
  lookUp,
  namedEntities,
  pagefindFilters,
  readState,
  writeState,
  type FacetKey,
  type LookupMatch,
  type NamedEntity,
  type NamesIndex,
  type SearchState,
  type TitlesIndex,
} from "../lib/search.ts";
import { isExactQuery, searchTerms, termsNotBegun, wordsAt } from "../lib/search-matches.ts";
import { suggestSpellings, type Suggestion } from "../lib/suggestions.ts";
import { onDevice, searchMisses } from "./offline-client.ts";

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  /** The indexed text, words separated as Pagefind numbers them. */
  raw_content: string;
  /** Word numbers of the matches in `raw_content`. */
  locations: number[];
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
  /** Metadata fields the query matched (Pagefind ≥ 1.5 searches metadata too). */
  matchedMetaFields?: string[];
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: object): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 10;
/** How long typing must pause before a search runs: shorter than the gap between a person's keystrokes. */
const PAUSE_MS = 40;
const base = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
/** The offline copy, opened from a disk: the copy's own index answers, and every page is on the device. */
const fromDisk = location.protocol === "file:";
/** The copy's root, relative to this page (`search/index.html`). */
const copyRoot = () => new URL("../", location.href).href;

/** Loads one part of the copy's index with a `<script>` tag, the one way a page opened from a disk loads data. */
const parts = new Map<string, Promise<unknown>>();
function loadPart<T>(name: string): Promise<T> {
  let loading = parts.get(name);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(`offline/${name}.js`, location.href).href;
      script.onload = () =>
        resolve((window as unknown as Record<string, Record<string, unknown>>)[INDEX_GLOBAL]?.[name]);
      script.onerror = () => reject(new Error(`the search index's ${name} did not load`));
      document.head.append(script);
    });
    parts.set(name, loading);
  }
  return loading as Promise<T>;
}
/** The text of every page in the loaded chunks, by page number. */
const texts = new Map<number, string>();
async function loadTexts(chunks: readonly string[]): Promise<void> {
  const loaded = await Promise.all(chunks.map((c) => loadPart<TextPart>(`text-${c}`)));
  for (const part of loaded) for (const [i, text] of Object.entries(part)) texts.set(Number(i), text);
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: base, excerptLength: 24, ranking: { metaWeights: NAME_FIELDS } });
    await module.init();
    // Search responses count only the facets already loaded; load them all up front (a few kB).
    await module.filters();
    return module;
  })();
  // A failure offline is not final: try again on the next search.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

function loader<T>(path: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= fetch(base + path).then((r) => {
      if (!r.ok) throw new Error(`${r.status} fetching ${path}`);
      return r.json() as Promise<T>;
    });
    // A failure offline is not final: try again next time.
    loading.catch(() => (loading = undefined));
    return loading;
  };
}
/** Every entity's names: for putting its page first, for suggestions, and offline. */
const loadNames: () => Promise<NamesIndex> = fromDisk
  ? () => loadPart<PagesPart>("pages").then(({ entities }) => ({ entities }))
  : loader<NamesIndex>(OFFLINE_PATHS.names);
/** Every article's title: only to answer offline. */
const loadTitles = loader<TitlesIndex>(OFFLINE_PATHS.lookup);
let entities: Promise<NamedEntity[]> | undefined;
function loadEntities(): Promise<NamedEntity[]> {
  entities ??= loadNames().then(namedEntities);
  entities.catch(() => (entities = undefined));
  return entities;
}

/** The index chunks this search needs are not on the device and the network did not bring them. */
class IndexMissing extends Error {}

function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(document.documentElement.lang || "en", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

/** Pagefind's excerpts are built from our own pages and mark matches with <mark>; keep only that markup. */
function excerpt(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of [...template.content.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) fragment.append(node.textContent ?? "");
    else if (node.nodeName === "MARK") fragment.append(element("mark", {}, node.textContent ?? ""));
    else fragment.append(node.textContent ?? "");
  }
  return fragment;
}

/** A result link that asks the target page to mark the words searched for. */
function withHighlight(url: string, query: string): string {
  // From a disk there is no Pagefind to mark the words.
  if (!query || fromDisk) return url;
  const [path, hash] = url.split("#");
  return `${path}?highlight=${encodeURIComponent(query)}${hash ? `#${hash}` : ""}`;
}

/** One result as the page shows it, from Pagefind or from the look-up index. */
interface ResultView {
  url: string;
  title: string;
  type: string;
  date?: string | undefined;
  /** Pagefind's excerpt (HTML with <mark>), or plain text. */
  excerpt: { html: string } | string;
  subs: PagefindSubResult[];
}

function fromPagefind(data: PagefindData): ResultView {
  const title = data.meta["title"] ?? data.url;
  return {
    url: data.url,
    title,
    type: data.meta["type"] ?? "Page",
    date: data.meta["date"],
    excerpt: { html: data.excerpt },
    subs: data.sub_results.filter((s) => s.url !== data.url && s.title !== title).slice(0, 3),
  };
}

function fromCopyIndex({ page, excerpt }: OfflineResult): ResultView {
  return {
    url: copyRoot() + copyFile(page.path),
    title: page.title,
    type: page.type,
    date: page.date,
    excerpt: { html: excerpt },
    subs: [],
  };
}

function fromLookup(match: LookupMatch): ResultView {
  return {
    url: base + match.path.replace(/^\//, ""),
    title: match.title,
    type: match.type,
    date: match.date,
    excerpt: match.alias ? `Also written “${match.alias}”` : "",
    subs: [],
  };
}

/** A result whose page is not on the device says so, and does not link to a page that cannot open. */
function renderResult(view: ResultView, query: string, saved: boolean): HTMLLIElement {
  const meta = element("p", { className: "meta" }, element("span", { className: "result-type" }, view.type));
  if (view.date) meta.append(element("span", {}, formatDate(view.date)));
  if (!saved) meta.append(element("span", { className: "not-saved" }, "Not saved on this device"));
  const item = element(
    "li",
    { className: "search-result" },
    element("h2", {}, saved ? element("a", { href: withHighlight(view.url, query) }, view.title) : view.title),
    meta,
  );
  item.dataset["url"] = view.url;
  const text = typeof view.excerpt === "string" ? view.excerpt : excerpt(view.excerpt.html);
  if (typeof text !== "string" || text) item.append(element("p", {}, text));
  const subs = saved ? view.subs : [];
  if (subs.length > 0) {
    item.append(
      element(
        "ul",
        { className: "sub-results" },
        ...subs.map((s) =>
          element("li", {}, element("a", { href: withHighlight(s.url, query) }, s.title), " — ", excerpt(s.excerpt)),
        ),
      ),
    );
  }
  return item;
}

function renderFacets(container: HTMLElement, state: SearchState, counts: Record<string, Record<string, number>>) {
  const open = new Set([...container.querySelectorAll("details[open]")].map((d) => d.getAttribute("data-facet")));
  container.replaceChildren(
    element("h2", { className: "visually-hidden" }, "Narrow the results"),
    ...FACETS.flatMap(({ key, label }) => {
      const values = counts[key] ?? {};
      const selected = new Set(state.filters[key] ?? []);
      const names = Object.keys(values)
        .filter((v) => values[v]! > 0 || selected.has(v))
        .sort((a, b) => (key === "year" ? b.localeCompare(a) : values[b]! - values[a]! || a.localeCompare(b)));
      if (names.length === 0) return [];
      const details = element("details", { className: "facet" });
      details.setAttribute("data-facet", key);
      details.open = open.has(key) || selected.size > 0 || key === "type" || key === "year";
      const fieldset = element("fieldset", {}, element("legend", { className: "visually-hidden" }, label));
      for (const value of names) {
        const input = element("input", { type: "checkbox", name: key, value, checked: selected.has(value) });
        fieldset.append(
          element("label", {}, input, ` ${value} `, element("span", { className: "count" }, `(${values[value] ?? 0})`)),
        );
      }
      details.append(element("summary", {}, label, selected.size ? ` (${selected.size} selected)` : ""), fieldset);
      return [details];
    }),
  );
}

/** How many facet values are chosen: the Filter control says so where it hides the facets (on a phone). */
function activeFilters(state: SearchState): number {
  return FACETS.reduce((n, { key }) => n + (state.filters[key]?.length ?? 0), 0);
}

/** Facet counts for look-up results: only the facets the look-up index knows. */
function lookupCounts(matches: readonly LookupMatch[]): Record<string, Record<string, number>> {
  const type: Record<string, number> = {};
  const year: Record<string, number> = {};
  for (const m of matches) {
    type[m.type] = (type[m.type] ?? 0) + 1;
    if (m.date) year[m.date.slice(0, 4)] = (year[m.date.slice(0, 4)] ?? 0) + 1;
  }
  return { type, year };
}

/**
 * False when Pagefind matched some word of the query only by falling back to a shorter indexed word ("to" for
 * "Torkam"; see src/lib/search-matches.ts): then the query found nothing, and its "matches" are not shown.
 * Pagefind's fallback applies to the whole index, so the first result tells for all of them.
 */
async function foundEveryWord(pf: Pagefind, query: string, first: PagefindResult): Promise<boolean> {
  if (isExactQuery(query)) return true;
  const data = await first.data();
  const words = [
    ...wordsAt(data.raw_content, data.locations),
    ...(first.matchedMetaFields ?? []).flatMap((field) => data.meta[field]?.split(/\s+/) ?? []),
  ];
  for (const term of termsNotBegun(searchTerms(query), words)) {
    // The page has the word in another form ("refugee" for "refugees"): Pagefind indexes the word's stem, which an
    // exact search finds. A fallback's word has no stem of its own in the index.
    const exact = await pf.search(`"${term}"`);
    if (exact.results.length === 0) return false;
  }
  return true;
}

/** Puts the results that hold the query as a phrase before those that hold its words apart. */
async function phraseFirst(pf: Pagefind, query: string, filters: object, results: PagefindResult[]) {
  if (results.length < 2 || searchTerms(query).length < 2 || isExactQuery(query)) return results;
  const phrase = await pf.search(`"${query}"`, { filters });
  const inPhrase = new Set(phrase.results.map((r) => r.id));
  return [...results.filter((r) => inPhrase.has(r.id)), ...results.filter((r) => !inPhrase.has(r.id))];
}

/** The pages of the entities a query names, first; the filters apply, so a filtered-out page is not forced in. */
async function pinnedPages(
  pf: Pagefind,
  named: readonly NamedEntity[],
  filters: Record<string, { any: string[] }>,
  results: readonly PagefindResult[],
): Promise<PagefindResult[]> {
  const pages = await Promise.all(
    named
      .filter((entity) => !filters["type"] || filters["type"].any.includes(entity.type))
      .map(async (entity) => {
        const own = await pf.search(null, {
          filters: { ...filters, type: { any: [entity.type] }, [entity.facet]: { any: [entity.name] } },
        });
        const page = own.results[0];
        // The same page among the query's results has its matches marked in the excerpt.
        return page ? [results.find((r) => r.id === page.id) ?? page] : [];
      }),
  );
  return pages.flat();
}

export async function startSearch(): Promise<void> {
  const form = $<HTMLFormElement>("search");
  const input = $<HTMLInputElement>("search-q");
  const filtersBox = $<HTMLElement>("search-filters");
  const filterToggle = $<HTMLButtonElement>("search-filter-toggle");
  const facets = $<HTMLElement>("search-facets");
  const status = $<HTMLElement>("search-status");
  const suggest = $<HTMLElement>("search-suggest");
  const notice = $<HTMLElement>("search-offline");
  const otherFilters = $<HTMLElement>("search-offline-filters");
  const list = $<HTMLOListElement>("search-results");
  const more = $<HTMLButtonElement>("search-more");
  const browse = $<HTMLElement>("search-browse");
  // The names start loading with the page: the first query needs them to put an entity's page first.
  void loadEntities().catch(() => undefined);

  let state = readState(new URLSearchParams(location.search));
  input.value = state.q;
  let generation = 0;
  /** Results not yet shown, each ready to load its data. */
  let pending: (() => Promise<ResultView>)[] = [];
  /** Answering from the look-up index: results are marked by whether their page is on the device. */
  let fromLookupIndex = false;

  async function showMore(): Promise<void> {
    more.disabled = true;
    const batch = pending.splice(0, PAGE_SIZE);
    const views = await Promise.all(batch.map((load) => load()));
    // Online every page opens; offline (or when the index was not reachable) ask what the device holds.
    const check = !fromDisk && (fromLookupIndex || !navigator.onLine);
    const saved = check ? await onDevice(views.map((v) => new URL(v.url, location.href).href)) : views.map(() => true);
    list.append(...views.map((v, i) => renderResult(v, state.q, saved[i]!)));
    more.hidden = pending.length === 0;
    more.disabled = false;
  }

  function showFacets(counts: Record<string, Record<string, number>>): void {
    renderFacets(facets, state, counts);
    const active = activeFilters(state);
    filterToggle.textContent = active ? `Filter (${active} active)` : "Filter";
    filtersBox.classList.toggle("has-facets", facets.querySelector("details") !== null);
  }

  /** The outcome of a search: the status line, and when nothing was found, the closest names and the A–Z. */
  async function report(mine: number, total: number, browsing: boolean, names: () => Promise<NamedEntity[]>) {
    const noun = total === 1 ? "result" : "results";
    const suggestions: Suggestion<NamedEntity>[] =
      total === 0 && !browsing ? suggestSpellings(state.q, await names().catch(() => [])) : [];
    if (mine !== generation) return;
    status.textContent = browsing
      ? `${total} ${total === 1 ? "page matches" : "pages match"} the filters.`
      : `${total === 0 ? "No" : total} ${noun} for “${state.q}”.`;
    renderSuggestions(suggestions, total === 0 && !browsing);
    browse.hidden = total > 0;
  }

  /** "Did you mean …?": each suggestion searches again, with the same filters; an alias says whose it is. */
  function renderSuggestions(suggestions: readonly Suggestion<NamedEntity>[], nothingFound = false): void {
    suggest.hidden = suggestions.length === 0 && !nothingFound;
    if (suggestions.length === 0) {
      suggest.textContent = nothingFound
        ? "Check the spelling or try fewer words, or find your way from the A–Z below."
        : "";
      return;
    }
    const parts: (Node | string)[] = ["Did you mean "];
    suggestions.forEach((s, i) => {
      if (i > 0) parts.push(i === suggestions.length - 1 ? " or " : ", ");
      const link = element("a", { href: `?${writeState({ ...state, q: s.query }).toString()}` }, s.query);
      link.dataset["query"] = s.query;
      parts.push(link);
      if (s.spelling !== s.entity.name) parts.push(` (${s.entity.name})`);
    });
    suggest.replaceChildren(...parts, "?");
  }

  /** No query and no filter: the facets to browse by, and the A–Z. */
  function showStart(counts: Record<string, Record<string, number>>): void {
    showFacets(counts);
    list.replaceChildren();
    more.hidden = true;
    renderSuggestions([]);
    browse.hidden = false;
    status.textContent = "Type a name, place or word, or choose a filter to browse.";
  }

  async function fullText(mine: number): Promise<void> {
    const filters = pagefindFilters(state);
    const browsing = state.q === "";
    // Any failed index fetch meanwhile (the worker counts them for all of the site's tabs) means the answer below
    // may be missing pages: the look-up index answers instead.
    const misses = await searchMisses();
    const pf = await loadPagefind();
    if (browsing && Object.keys(filters).length === 0) {
      const counts = await pf.filters();
      if ((await searchMisses()) !== misses) throw new IndexMissing();
      if (mine !== generation) return;
      fromLookupIndex = false;
      notice.hidden = true;
      showStart(counts);
      return;
    }
    const search = await pf.search(browsing ? null : state.q, {
      filters,
      ...(browsing ? { sort: { date: "desc" } } : {}),
    });
    const named = browsing ? [] : entitiesNamed(state.q, await loadEntities().catch(() => []));
    const [found, ordered, pinned] = await Promise.all([
      named.length > 0 || browsing || !search.results[0] || foundEveryWord(pf, state.q, search.results[0]),
      browsing ? search.results : phraseFirst(pf, state.q, filters, search.results),
      pinnedPages(pf, named, filters, search.results),
    ]);
    const results = found ? ordered : [];
    const counts = found ? search.filters : {};
    if ((await searchMisses()) !== misses) throw new IndexMissing();
    if (mine !== generation) return;
    const ids = new Set(pinned.map((r) => r.id));
    const all = [...pinned, ...results.filter((r) => !ids.has(r.id))];
    fromLookupIndex = false;
    pending = all.map((r) => async () => fromPagefind(await r.data()));
    showFacets(counts);
    list.replaceChildren();
    await showMore();
    if (mine !== generation) return;
    notice.hidden = true;
    await report(mine, all.length, browsing, loadEntities);
  }

  /** The offline copy's back end: the same steps as `fullText`, answered by the script-loaded index. */
  async function fromCopy(mine: number): Promise<void> {
    const part = await loadPart<PagesPart>("pages");
    await loadTexts(chunksNeeded(part, state));
    if (mine !== generation) return;
    const browsing = state.q === "";
    fromLookupIndex = false;
    if (browsing && activeFilters(state) === 0) {
      showStart(searchOffline(part, texts, state).counts);
      return;
    }
    const answer = searchOffline(part, texts, state, browsing ? [] : namedIn(part, state.q));
    pending = answer.results.map((r) => async () => fromCopyIndex(r));
    showFacets(answer.counts);
    list.replaceChildren();
    await showMore();
    if (mine !== generation) return;
    await report(mine, answer.results.length, browsing, async () => namedEntities(part));
  }

  async function fromTitles(mine: number): Promise<void> {
    const [names, titles] = await Promise.all([
      loadNames().catch(() => undefined),
      loadTitles().catch(() => undefined),
    ]);
    if (mine !== generation) return;
    fromLookupIndex = true;
    notice.hidden = false;
    otherFilters.hidden = !FACETS.some(({ key }) => !LOOKUP_FACETS.includes(key) && state.filters[key]?.length);
    list.replaceChildren();
    more.hidden = true;
    if (!names && !titles) {
      status.textContent = "Search is not available: this device is offline and has not saved it yet.";
      renderSuggestions([]);
      browse.hidden = false;
      return;
    }
    const index = { entities: names?.entities ?? [], articles: titles?.articles ?? [] };
    const matches = lookUp(index, state);
    const browsing = state.q === "";
    if (browsing && matches.length === 0 && !state.filters.type?.length && !state.filters.year?.length) {
      showStart(lookupCounts(lookUp(index, { q: "", filters: {} })));
      return;
    }
    showFacets(lookupCounts(lookUp(index, { q: state.q, filters: {} })));
    pending = matches.map((m) => async () => fromLookup(m));
    await showMore();
    if (mine !== generation) return;
    await report(mine, matches.length, browsing, async () => namedEntities(index));
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    const params = writeState(state).toString();
    history.replaceState(null, "", params ? `?${params}` : location.pathname);
    try {
      await (fromDisk ? fromCopy(mine) : fullText(mine));
    } catch {
      // Pagefind did not load, or the index chunks or fragments this query needs are not on the device.
      if (mine !== generation) return;
      if (fromDisk) $("search-status").textContent = "Search is not available: this copy's search index is missing.";
      else await fromTitles(mine);
    }
    if (mine === generation) performance.mark("search-results-rendered");
  }

  function searchFor(q: string): void {
    state = { ...state, q };
    void run();
  }

  // A short pause while the reader is still typing saves fetching index chunks for every prefix of a word.
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    state = { ...state, q: input.value.trim() };
    clearTimeout(typing);
    typing = setTimeout(() => void run(), PAUSE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && input.value) {
      input.value = "";
      searchFor("");
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    searchFor(input.value.trim());
  });
  facets.addEventListener("change", (event) => {
    const target = event.target as HTMLInputElement;
    const key = target.name as FacetKey;
    const values = new Set(state.filters[key] ?? []);
    if (target.checked) values.add(target.value);
    else values.delete(target.value);
    state = { ...state, filters: { ...state.filters, [key]: [...values] } };
    void run();
  });
  filterToggle.addEventListener("click", () => {
    filterToggle.setAttribute("aria-expanded", String(filterToggle.getAttribute("aria-expanded") !== "true"));
  });
  // A suggestion searches in place: no page load, the box shows the new query.
  suggest.addEventListener("click", (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>("a[data-query]");
    if (!link) return;
    event.preventDefault();
    input.value = link.dataset["query"] ?? "";
    searchFor(input.value);
  });
  // A fragment missing offline turns the list into look-up results, as a failed search does.
  more.addEventListener("click", () => void showMore().catch(() => fromTitles(++generation)));
  // Back online: the full-text index can be reached again.
  window.addEventListener("online", () => void run());
  if (!state.q) input.focus();
  await run();
}
