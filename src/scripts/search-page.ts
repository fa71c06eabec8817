/**
 * The search page: runs Pagefind in the browser, keeps the query and facets in the URL, shows facet counts, and puts
 * an entity's own page first when the query names it. Loaded only on /search/, so no other page downloads search.
 */
import {
  FACETS,
  entitiesNamed,
  pagefindFilters,
  SPELLINGS_MARK,
  readState,
  writeState,
  type EntityEntry,
  type FacetKey,
  type SearchState,
} from "../lib/search.ts";

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
  return pagefind;
}

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

function renderResult(data: PagefindData, query: string): HTMLLIElement {
  const title = data.meta["title"] ?? data.url;
  const meta = element(
    "p",
    { className: "meta" },
    element("span", { className: "result-type" }, data.meta["type"] ?? "Page"),
  );
  if (data.meta["date"]) meta.append(element("span", {}, formatDate(data.meta["date"])));
  const item = element(
    "li",
    { className: "search-result" },
    element("h2", {}, element("a", { href: withHighlight(data.url, query) }, title)),
    meta,
    element("p", {}, excerpt(data.excerpt)),
  );
  const subs = data.sub_results
    .filter((s) => s.url !== data.url && s.title !== title && !s.excerpt.includes(SPELLINGS_MARK))
    .slice(0, 3);
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

export async function startSearch(): Promise<void> {
  const form = $<HTMLFormElement>("search");
  const input = $<HTMLInputElement>("search-q");
  const facets = $<HTMLElement>("search-facets");
  const status = $<HTMLElement>("search-status");
  const list = $<HTMLOListElement>("search-results");
  const more = $<HTMLButtonElement>("search-more");
  const entities = JSON.parse($<HTMLScriptElement>("search-entities").textContent ?? "[]") as EntityEntry[];

  let state = readState(new URLSearchParams(location.search));
  input.value = state.q;
  let generation = 0;
  let pending: PagefindResult[] = [];

  async function showMore(): Promise<void> {
    more.disabled = true;
    const batch = pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    list.append(...data.map((d) => renderResult(d, state.q)));
    more.hidden = pending.length === 0;
    more.disabled = false;
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    const params = writeState(state).toString();
    history.replaceState(null, "", params ? `?${params}` : location.pathname);
    const filters = pagefindFilters(state);
    const browsing = state.q === "";
    if (browsing && Object.keys(filters).length === 0) {
      const pf = await loadPagefind();
      const counts = await pf.filters();
      if (mine !== generation) return;
      renderFacets(facets, state, counts);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Type a name, place or word, or choose a filter to browse.";
      return;
    }
    const pf = await loadPagefind();
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
    if (mine !== generation) return;
    const ids = new Set(pinned.map((r) => r.id));
    pending = [...pinned, ...search.results.filter((r) => !ids.has(r.id))];
    const total = pending.length;
    renderFacets(facets, state, search.filters);
    list.replaceChildren();
    await showMore();
    if (mine !== generation) return;
    const noun = total === 1 ? "result" : "results";
    status.textContent = browsing
      ? `${total} ${total === 1 ? "page matches" : "pages match"} the filters.`
      : `${total === 0 ? "No" : total} ${noun} for “${state.q}”.`;
    performance.mark("search-results-rendered");
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
  more.addEventListener("click", () => void showMore());
  if (!state.q) input.focus();
  await run();
}
