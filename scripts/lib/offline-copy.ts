/**
 * The offline copy (src/lib/offline-copy.ts says what it is): a post-process over the built site, not a second
 * Astro build. In one pass over the pages it rewrites each one for `file://` (parse5: the pages are our own output,
 * but an HTML parser, not a regex, decides what is an attribute) and reads from it what Pagefind indexes, for the
 * copy's script-loaded search index (src/lib/offline-search.ts). Then it zips the copy, deterministically: entries
 * sorted, every date fixed, so the same site always gives the same bytes.
 *
 * Left out of the copy, because they cannot work from a disk: the service worker and its lists, Pagefind's bundle
 * (ES modules and WebAssembly), the JSON look-up indexes (read by `fetch`), the web app manifest, the sitemaps,
 * robots.txt and the 404 page. Module scripts become classic scripts (browsers refuse module scripts from `file://`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build as esbuild } from "esbuild";
import { strToU8 } from "fflate";
import { parse, serialize, type DefaultTreeAdapterTypes as T } from "parse5";
import { copyPolicy, relativeAddress } from "../../src/lib/offline-copy.ts";
import {
  CHUNK_CHARS,
  INDEX_FOLDER,
  chunkOf,
  indexScript,
  type IndexedPage,
  type PagesPart,
} from "../../src/lib/offline-search.ts";
import { FACETS, NAME_FIELDS, type FacetKey, type NamesIndex } from "../../src/lib/search.ts";
import { listFiles } from "./pages.ts";
import { DeferredZip } from "./zip.ts";

/** Site paths (no base) never copied: they need a server, a service worker or `fetch`. */
const LEFT_OUT = [
  /^sw\.js$/,
  /^workbox-[^/]*\.js$/,
  /^pagefind\//,
  /^offline\/(edition|files)\.json$/,
  /^search\/(lookup|names)\.json$/,
  /^manifest\.webmanifest$/,
  /^sitemap[^/]*\.xml$/,
  /^robots\.txt$/,
  /^_headers$/,
  /^404\.html$/,
  /\.zip$/,
];
/** `<link rel>` values whose target is left out. */
const LINKS_LEFT_OUT = new Set(["manifest", "sitemap"]);
/** Attributes that hold an address. */
const ADDRESS_ATTRIBUTES = new Set(["href", "src", "action", "poster", "data"]);
/** Elements whose end separates words in Pagefind's text (it indexes block content as separate runs of words). */
const BLOCKS = new Set(
  "address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split(
    " ",
  ),
);
/** A fixed date for every zip entry, in local time as the zip format stores it: the same site, the same bytes. */
const ZIP_DATE = new Date(2000, 0, 1);

export interface OfflineCopyResult {
  /** The zip's size in bytes. */
  bytes: number;
  files: number;
  /** Indexed pages, and the index's size in bytes (the pages part and every text chunk). */
  indexed: number;
  indexBytes: number;
  chunks: string[];
  /** The HTML files of the site (in or out of the copy) that contain `marker`, when one was given. */
  marked: string[];
}

const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const isElement = (node: T.Node): node is T.Element => "tagName" in node;
const children = (node: T.Node): T.ChildNode[] =>
  "content" in node && node.nodeName === "template"
    ? (node as T.Template).content.childNodes
    : "childNodes" in node
      ? node.childNodes
      : [];

/** The text of a node as Pagefind reads it: words of separate blocks apart, ignored parts and scripts left out. */
function textOf(node: T.Node, out: string[]): void {
  if (node.nodeName === "#text") {
    out.push((node as T.TextNode).value);
    return;
  }
  if (!isElement(node)) return;
  if (NOT_TEXT.has(node.tagName)) return;
  if (attr(node, "data-pagefind-ignore") !== undefined) return;
  for (const child of children(node)) textOf(child, out);
  if (BLOCKS.has(node.tagName)) out.push(" ");
}
const squash = (parts: string[]) => parts.join("").replace(/\s+/g, " ").trim();

/** `key[attribute]`, `key:value` or `key` (the element's text): Pagefind's forms of filter and meta attributes. */
function pagefindValue(el: T.Element, spec: string): [string, string] | undefined {
  const withAttribute = /^([\w-]+)\[([\w-]+)\]$/.exec(spec);
  if (withAttribute) return [withAttribute[1]!, attr(el, withAttribute[2]!) ?? ""];
  const literal = /^([\w-]+):(.*)$/s.exec(spec);
  if (literal) return [literal[1]!, literal[2]!.trim()];
  const out: string[] = [];
  for (const child of el.childNodes) textOf(child, out);
  return [spec, squash(out)];
}

interface PageRead {
  title: string;
  text: string;
  filters: Map<string, string[]>;
  meta: Map<string, string>;
  indexed: boolean;
}

/** `<script>`-like elements whose content Pagefind does not index. */
const NOT_TEXT = new Set(["script", "style", "template", "noscript", "svg"]);

/**
 * Rewrites one page for the copy, in place, reads what Pagefind would index from it, and removes what has no use in
 * the copy (links to left-out files, the download of the copy itself), in one walk over the tree. What is removed is
 * still read: the index is of the online page.
 */
function rewritePage(document: T.Document, file: string, base: string, classic: Set<string>): PageRead {
  const read: PageRead = { title: "", text: "", filters: new Map(), meta: new Map(), indexed: false };
  const body: string[] = [];
  // A page links the same few addresses many times (the header, the footer, the lists).
  const addresses = new Map<string, string>();
  const relative = (href: string) => {
    let rewritten = addresses.get(href);
    if (rewritten === undefined) addresses.set(href, (rewritten = relativeAddress(href, file, base)));
    return rewritten;
  };
  const visit = (node: T.Node, inBody: boolean): void => {
    if (!isElement(node)) {
      for (const child of children(node)) visit(child, inBody);
      return;
    }
    // One pass over the attributes: the first of each name is the one read (as `attr` reads it); addresses become
    // relative file paths.
    let type: string | undefined;
    let src: string | undefined;
    let httpEquiv: string | undefined;
    let content: T.Element["attrs"][number] | undefined;
    let filter: string | undefined;
    let meta: string | undefined;
    let startsBody = false;
    for (const a of node.attrs) {
      switch (a.name) {
        case "type":
          type ??= a.value;
          break;
        case "src":
          src ??= a.value;
          break;
        case "http-equiv":
          httpEquiv ??= a.value;
          break;
        case "content":
          content ??= a;
          break;
        case "data-pagefind-filter":
          filter ??= a.value;
          break;
        case "data-pagefind-meta":
          meta ??= a.value;
          break;
        case "data-pagefind-body":
          startsBody = !inBody;
          break;
      }
      if (ADDRESS_ATTRIBUTES.has(a.name)) a.value = relative(a.value);
    }
    if (node.tagName === "script" && type === "module" && src) {
      // A module script from a disk is refused; the same code bundled as a classic script runs, deferred as module
      // scripts are.
      node.attrs = node.attrs.filter((a) => a.name !== "type");
      node.attrs.push({ name: "defer", value: "" });
      classic.add(src);
    }
    if (node.tagName === "meta" && content && httpEquiv?.toLowerCase() === "content-security-policy") {
      content.value = copyPolicy(content.value);
    }
    if (filter) {
      const found = pagefindValue(node, filter);
      if (found) read.filters.set(found[0], [...(read.filters.get(found[0]) ?? []), found[1]]);
    }
    if (meta) {
      const found = pagefindValue(node, meta);
      if (found) read.meta.set(found[0], found[1]);
    }
    if (node.tagName === "h1" && !read.title) {
      const out: string[] = [];
      textOf(node, out);
      read.title = squash(out);
    }
    if (startsBody) {
      read.indexed = true;
      textOf(node, body);
      body.push(" ");
    }
    const kids = children(node);
    let pruned = false;
    for (const child of kids) {
      visit(child, inBody || startsBody);
      if (isElement(child) && leftOut(child)) pruned = true;
    }
    if (pruned) {
      for (let i = kids.length - 1; i >= 0; i--) {
        const child = kids[i]!;
        if (isElement(child) && leftOut(child)) kids.splice(i, 1);
      }
    }
  };
  visit(document, false);
  read.text = squash(body);
  return read;
}

/** Whether an element has no use in the copy: a link to a left-out file, or the download of the copy itself. */
function leftOut(el: T.Element): boolean {
  let rel: string | undefined;
  for (const a of el.attrs) {
    if (a.name === "data-offline-download") return true;
    if (a.name === "rel") rel ??= a.value;
  }
  return el.tagName === "link" && rel !== undefined && LINKS_LEFT_OUT.has(rel);
}

/** The site path of a page file, without the base: `actors/ttp/index.html` → `actors/ttp/`. */
const pagePath = (file: string) => file.replace(/(^|\/)index\.html$/, "$1");

export interface CopyOptions {
  /** The base the site is served under. */
  base: string;
  zipPath: string;
  /** The one folder inside the zip that holds the copy's files, so unzipping never scatters them. */
  folder: string;
  /** A text whose pages the build stamps with the zip's facts afterwards (see `marked`). */
  marker?: string;
}

type ReadPage = Omit<IndexedPage, "chunk"> & { text: string };

/**
 * The copy made page by page: `addPage` takes each page as it is rendered (the build streams them, see
 * scripts/lib/post-render.ts), and `finish` adds what was not given (every other file, and any page not yet added),
 * then writes the zip. The pages may come in any order: the zip and its index are the same for the same site.
 */
export class OfflineCopy {
  readonly #zip: DeferredZip;
  readonly #classic = new Set<string>();
  readonly #pages = new Map<string, ReadPage>();
  readonly #marked = new Set<string>();
  readonly #seen = new Set<string>();
  readonly #siteDir: string;
  readonly #options: CopyOptions;

  /** `inThread`: compress in this thread, not in a worker of its own (see DeferredZip). */
  constructor(siteDir: string, options: CopyOptions, { inThread = false }: { inThread?: boolean } = {}) {
    this.#siteDir = siteDir;
    this.#options = options;
    this.#zip = new DeferredZip({ inThread });
  }

  /** Rewrites one page for the copy, hands it to the compressor and keeps what the index needs from it. */
  addPage(file: string, html: string): void {
    const { base, marker } = this.#options;
    this.#seen.add(file);
    if (marker !== undefined && html.includes(marker)) this.#marked.add(file);
    // Pages left out of the copy (the 404 page) may still carry the marker.
    if (LEFT_OUT.some((re) => re.test(file))) return;
    const document = parse(html);
    const read = rewritePage(document, file, base, this.#classic);
    this.#zip.add(file, strToU8(serialize(document)));
    if (!read.indexed) return;
    const filters: IndexedPage["filters"] = {};
    for (const { key } of FACETS) {
      const values = read.filters.get(key);
      if (values?.length) filters[key as FacetKey] = [...new Set(values)];
    }
    const names: IndexedPage["names"] = {};
    for (const field of Object.keys(NAME_FIELDS) as (keyof typeof NAME_FIELDS)[]) {
      const value = read.meta.get(field);
      if (value) names[field] = value;
    }
    const date = read.meta.get("date");
    this.#pages.set(file, {
      path: pagePath(file),
      title: read.meta.get("title") ?? read.title,
      type: read.meta.get("type") ?? "Page",
      ...(date ? { date } : {}),
      filters,
      names,
      text: read.text,
    });
  }

  /**
   * Adds every file of the site not yet added — files copied as they are first, so the compressor works on them
   * (the open data is several megabytes) while the remaining pages are rewritten — and writes the zip. `pageDone`
   * is awaited after each page read here: the build lets its other work go on between pages.
   */
  async finish(pageDone: () => Promise<void> = async () => {}): Promise<OfflineCopyResult> {
    const siteDir = this.#siteDir;
    const { base, zipPath, folder } = this.#options;
    const zip = this.#zip;
    try {
      const all = listFiles(siteDir);
      const files = all.filter((f) => !LEFT_OUT.some((re) => re.test(f)));
      // Scripts wait: a module script is replaced by its bundle.
      const waits = (f: string) => f.endsWith(".html") || f.endsWith(".js");
      for (const file of files) if (!waits(file)) zip.add(file, readFileSync(join(siteDir, file)));
      for (const file of all.filter((f) => f.endsWith(".html") && !this.#seen.has(f))) {
        this.addPage(file, readFileSync(join(siteDir, file), "utf8"));
        await pageDone();
      }

      // Module scripts, bundled with what they import into one classic script each, at the same address.
      for (const src of [...this.#classic].sort()) {
        const file = src.slice(base.length);
        const bundled = await esbuild({
          entryPoints: [join(siteDir, file)],
          bundle: true,
          write: false,
          format: "iife",
          minify: true,
          // Vite's preload helper reads import.meta to resolve dynamic imports; the copy makes none (no Pagefind).
          define: { "import.meta.url": "location.href", "import.meta.resolve": "undefined" },
          logLevel: "silent",
        });
        zip.add(file, bundled.outputFiles[0]!.contents);
      }

      // The search index: the pages part, and the text in one chunk or one per year; pages in the order of their
      // files, whatever order they were added in.
      const pages = [...this.#pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, page]) => page);
      const split = pages.reduce((n, p) => n + p.text.length, 0) > CHUNK_CHARS;
      const indexed: IndexedPage[] = pages.map((p) => ({
        path: p.path,
        title: p.title,
        type: p.type,
        ...(p.date ? { date: p.date } : {}),
        filters: p.filters,
        names: p.names,
        chunk: chunkOf(p, split),
      }));
      const chunks = [...new Set(indexed.map((p) => p.chunk))].sort();
      const names = JSON.parse(readFileSync(join(siteDir, "search/names.json"), "utf8")) as NamesIndex;
      const pagesPart: PagesPart = { pages: indexed, chunks, entities: names.entities };
      let indexBytes = 0;
      const addScript = (name: string, data: unknown) => {
        const bytes = strToU8(indexScript(name, data));
        indexBytes += bytes.length;
        zip.add(`${INDEX_FOLDER}${name}.js`, bytes);
      };
      addScript("pages", pagesPart);
      for (const chunk of chunks) {
        const text: Record<number, string> = {};
        indexed.forEach((p, i) => {
          if (p.chunk === chunk) text[i] = pages[i]!.text;
        });
        addScript(`text-${chunk}`, text);
      }

      // Other files as they are; JavaScript chunks that only module scripts imported are now inside the bundles.
      const bundledAway = (f: string) => f.startsWith("_astro/") && f.endsWith(".js") && !zip.has(f);
      const kept = files.filter((f) => !bundledAway(f));
      for (const file of kept) if (!zip.has(file)) zip.add(file, readFileSync(join(siteDir, file)));
      // Every kept file is in the zip now, with the bundles and the index's scripts. A page given to `addPage` that
      // the site does not hold is not.
      const entries = [...kept, ...zip.names().filter((f) => f.startsWith(INDEX_FOLDER))].sort();
      const bytes = await zip.write(zipPath, folder, entries, ZIP_DATE);
      const onDisk = new Set(all);
      const marked = [...this.#marked].filter((f) => onDisk.has(f)).sort();
      return { bytes, files: entries.length, indexed: indexed.length, indexBytes, chunks, marked };
    } finally {
      await zip.close();
    }
  }

  /** Stops the compressor without writing anything. */
  close(): Promise<void> {
    return this.#zip.close();
  }
}

/**
 * Writes `zipPath` from the built site in `siteDir` (served under `base`), every page read from the disk. With a
 * `marker`, also says which HTML files contain it, so the build stamps the zip's facts into those without reading
 * every page again.
 */
export function buildOfflineCopy(siteDir: string, options: CopyOptions): Promise<OfflineCopyResult> {
  // Let other work of the build (the search index's process, the compressor's replies) go on between pages.
  return new OfflineCopy(siteDir, options).finish(() => new Promise((resume) => setImmediate(resume)));
}
