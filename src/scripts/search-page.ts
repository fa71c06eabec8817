/**
 * The search page: runs Pagefind in the browser, keeps the query and facets in the URL, shows facet counts, and puts
 * an entity's own page first when the query names it. Loaded only on /search/, so no other page downloads search.
 *
 * Offline, where Pagefind or the index chunks a query needs are not on the device, the same page answers from the
 * look-up index of titles and names instead, says so, and marks the results whose page is not on the device.
 */
import { OFFLINE_PATHS } from "../lib/offline.ts";
import {
  FACETS,
  LOOKUP_FACETS,
  entitiesNamed,
  lookUp,
  pagefindFilters,
  SPELLINGS_MARK,
  readState,
  writeState,
  type EntityEntry,
  type FacetKey,
  type LookupIndex,
  type LookupMatch,
  type SearchState,
} from "../lib/search.ts";
import { onDevice, searchMisses } from "./offline-client.ts";

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
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

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: base, excerptLength: 24 });
    await module.init();
    // Search responses count only the facets already loaded; load them all up front (a few kB).
    await module.filters();
    return module;
  })();
  // A failure offline is not final: try again on the next search.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

let lookupIndex: Promise<LookupIndex> | undefined;
function loadLookupIndex(): Promise<LookupIndex> {
  lookupIndex ??= fetch(base + OFFLINE_PATHS.lookup).then((r) => {
    if (!r.ok) throw new Error(`${r.status} fetching the look-up index`);
    return r.json() as Promise<LookupIndex>;
  });
  lookupIndex.catch(() => (lookupIndex = undefined));
  return lookupIndex;
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
  if (!query) return url;
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
    subs: data.sub_results
      .filter((s) => s.url !== data.url && s.title !== title && !s.excerpt.includes(SPELLINGS_MARK))
      .slice(0, 3),
  };
}

function fromLookup(match: LookupMatch): ResultView {
  return {
    url: base + match.path.replace(/^\//, ""),
    title: match.title,
    type: match.type,
    date: match.date,
    excerpt: match.aliases?.length ? `Also: ${match.aliases.join(", ")}` : "",
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

export async function startSearch(): Promise<void> {
  const form = $<HTMLFormElement>("search");
  const input = $<HTMLInputElement>("search-q");
  const facets = $<HTMLElement>("search-facets");
  const status = $<HTMLElement>("search-status");
  const notice = $<HTMLElement>("search-offline");
  const otherFilters = $<HTMLElement>("search-offline-filters");
  const list = $<HTMLOListElement>("search-results");
  const more = $<HTMLButtonElement>("search-more");
  const entities = JSON.parse($<HTMLScriptElement>("search-entities").textContent ?? "[]") as EntityEntry[];

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
    const check = fromLookupIndex || !navigator.onLine;
    const saved = check ? await onDevice(views.map((v) => new URL(v.url, location.href).href)) : views.map(() => true);
    list.append(...views.map((v, i) => renderResult(v, state.q, saved[i]!)));
    more.hidden = pending.length === 0;
    more.disabled = false;
  }

  function report(total: number, browsing: boolean): void {
    const noun = total === 1 ? "result" : "results";
    status.textContent = browsing
      ? `${total} ${total === 1 ? "page matches" : "pages match"} the filters.`
      : `${total === 0 ? "No" : total} ${noun} for “${state.q}”.`;
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
      renderFacets(facets, state, counts);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Type a name, place or word, or choose a filter to browse.";
      return;
    }
    const search = await pf.search(browsing ? null : state.q, {
      filters,
      ...(browsing ? { sort: { date: "desc" } } : {}),
    });
    // An entity's own page comes first when the query names it (and the filters allow its page).
    const pinned: PagefindResult[] = [];
    for (const entity of browsing ? [] : entitiesNamed(state.q, entities)) {
      if (filters["type"] && !filters["type"].any.includes(entity.type)) continue;
      const own = await pf.search(null, {
        filters: { ...filters, type: { any: [entity.type] }, [entity.facet]: { any: [entity.name] } },
      });
      if (own.results[0]) pinned.push(own.results[0]);
    }
    if ((await searchMisses()) !== misses) throw new IndexMissing();
    if (mine !== generation) return;
    const ids = new Set(pinned.map((r) => r.id));
    const results = [...pinned, ...search.results.filter((r) => !ids.has(r.id))];
    fromLookupIndex = false;
    pending = results.map((r) => async () => fromPagefind(await r.data()));
    renderFacets(facets, state, search.filters);
    list.replaceChildren();
    await showMore();
    if (mine !== generation) return;
    notice.hidden = true;
    report(results.length, browsing);
  }

  async function fromTitles(mine: number): Promise<void> {
    const index = await loadLookupIndex().catch(() => undefined);
    if (mine !== generation) return;
    fromLookupIndex = true;
    notice.hidden = false;
    otherFilters.hidden = !FACETS.some(({ key }) => !LOOKUP_FACETS.includes(key) && state.filters[key]?.length);
    list.replaceChildren();
    more.hidden = true;
    if (!index) {
      status.textContent = "Search is not available: this device is offline and has not saved it yet.";
      return;
    }
    const matches = lookUp(index, state);
    renderFacets(facets, state, lookupCounts(lookUp(index, { q: state.q, filters: {} })));
    const browsing = state.q === "";
    if (browsing && matches.length === 0 && !state.filters.type?.length && !state.filters.year?.length) {
      status.textContent = "Type a name, place or word, or choose a filter to browse.";
      return;
    }
    pending = matches.map((m) => async () => fromLookup(m));
    await showMore();
    if (mine !== generation) return;
    report(matches.length, browsing);
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    const params = writeState(state).toString();
    history.replaceState(null, "", params ? `?${params}` : location.pathname);
    try {
      await fullText(mine);
    } catch {
      // Pagefind did not load, or the index chunks or fragments this query needs are not on the device.
      if (mine === generation) await fromTitles(mine);
    }
    if (mine === generation) performance.mark("search-results-rendered");
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
      state = { ...state, q: "" };
      void run();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state = { ...state, q: input.value.trim() };
    void run();
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
  // A fragment missing offline turns the list into look-up results, as a failed search does.
  more.addEventListener("click", () => void showMore().catch(() => fromTitles(++generation)));
  // Back online: the full-text index can be reached again.
  window.addEventListener("online", () => void run());
  if (!state.q) input.focus();
  await run();
}
