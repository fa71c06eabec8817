/**
 * The offline copy (src/lib/offline-copy.ts says what it is): a post-process over the built site, not a second
 * Astro build. In one pass over the pages it rewrites each one for `file://` (htmlparser2: the pages are our own
 * output, but an HTML tokenizer, not a regex, decides what is an attribute) and reads from it what Pagefind indexes,
 * for the copy's script-loaded search index (src/lib/offline-search.ts). Then it zips the copy, deterministically:
 * entries sorted, every date fixed, so the same site always gives the same bytes.
 *
 * Left out of the copy, because they cannot work from a disk: the service worker and its lists, Pagefind's bundle
 * (ES modules and WebAssembly), the JSON look-up indexes (read by `fetch`), the web app manifest, the sitemaps,
 * robots.txt and the 404 page. Module scripts become classic scripts (browsers refuse module scripts from `file://`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build as esbuild } from "esbuild";
import { Parser } from "htmlparser2";
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
const ENCODER = new TextEncoder();

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

const squash = (parts: string[]) => parts.join("").replace(/\s+/g, " ").trim();

/** `<script>`-like elements whose content Pagefind does not index. */
const NOT_TEXT = new Set(["script", "style", "template", "noscript", "svg"]);

interface PageRead {
  title: string;
  text: string;
  filters: Map<string, string[]>;
  meta: Map<string, string>;
  indexed: boolean;
}

/**
 * Text being read as Pagefind reads it, words of separate blocks apart: of an element and what it holds (an `<h1>`,
 * a `data-pagefind-body` region), or of what it holds only (a filter or metadata element's text). `muted` counts the
 * open elements whose text is not read (scripts, `data-pagefind-ignore`).
 */
interface Reading {
  parts: string[];
  muted: number;
  /** Whether the element that started it is read too (its block's end separates words). */
  self: boolean;
  /** Called with the parts read when the element ends. */
  done: (parts: string[]) => void;
}

/** An open element, as the rewrite walks the page. */
interface Open {
  name: string;
  /** Whether it is, or is inside, a `data-pagefind-body` region. */
  inBody: boolean;
  /** Whether its text is not read (a script-like element, or `data-pagefind-ignore`). */
  mutes: boolean;
  /** The readings it mutes, and those it started. */
  muting: Reading[];
  started: Reading[];
  /** The index of the `>` that ends its start tag. */
  tagEnd: number;
  /** Whether it is left out of the copy, with all it holds. */
  leftOut: boolean;
}

/** `key[attribute]`, `key:value` or `key` (the element's text): Pagefind's forms of filter and meta attributes. */
function pagefindValue(attribs: Record<string, string>, spec: string): [string, string | undefined] {
  const withAttribute = /^([\w-]+)\[([\w-]+)\]$/.exec(spec);
  if (withAttribute) return [withAttribute[1]!, attribs[withAttribute[2]!] ?? ""];
  const literal = /^([\w-]+):(.*)$/s.exec(spec);
  if (literal) return [literal[1]!, literal[2]!.trim()];
  // The element's text, read until it ends.
  return [spec, undefined];
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. In V8 a substring of a long string
 * (htmlparser2's attribute values and texts are cut from the page) keeps the whole of it alive: the few values the
 * copy keeps from each page until its index is written kept every page's HTML in memory with them, 97 MB of the copy
 * thread's heap at the end of rendering at 1,000 articles instead of 30 MB (one build each).
 */
const detached = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/** An attribute's value as HTML writes it between double quotes. */
const attributeValue = (value: string) =>
  value.replace(/[&"\u00a0]/g, (c) => (c === "&" ? "&amp;" : c === '"' ? "&quot;" : "&nbsp;"));

/**
 * Rewrites one page for the copy and reads what Pagefind would index from it, in one pass of an HTML tokenizer
 * (htmlparser2) over the page: addresses become relative file paths, module scripts classic ones, the policy the
 * copy's, and what has no use in the copy (links to left-out files, the download of the copy itself) is taken out.
 * Only the start tags that change are written anew; everything else is copied from the page as it is. What is taken
 * out is still read: the index is of the online page.
 *
 * A tokenizer's events, not a tree (parse5 parsed and serialized every page before): over the 1,985 pages of the
 * 1,000-article desk, this rewrite takes 2.0–2.4 s where parse5's took 4.5 s, for the same text read and, parsed
 * again, the same documents (one process, every page through both).
 */
export function rewritePage(
  html: string,
  file: string,
  base: string,
  classic: Set<string>,
): { html: string; read: PageRead } {
  const read: PageRead = { title: "", text: "", filters: new Map(), meta: new Map(), indexed: false };
  const body: string[] = [];
  // Filter and metadata values in the order of their elements, those read from text filled in when it ends.
  const values: { kind: "filter" | "meta"; key: string; value: string }[] = [];
  let titled = false;
  // A page links the same few addresses many times (the header, the footer, the lists).
  const addresses = new Map<string, string>();
  const relative = (href: string) => {
    let rewritten = addresses.get(href);
    if (rewritten === undefined) addresses.set(href, (rewritten = relativeAddress(href, file, base)));
    return rewritten;
  };
  const out: string[] = [];
  /** How far the page has been copied (or skipped). */
  let copied = 0;
  const stack: Open[] = [];
  const active: Reading[] = [];
  let leftOutDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const tagEnd = parser.endIndex;
        const parent = stack.at(-1);
        const inBody = parent?.inBody ?? false;
        // The first of each attribute is the one read (htmlparser2 keeps the first); addresses become relative.
        let type: string | undefined;
        let src: string | undefined;
        let httpEquiv: string | undefined;
        let filter: string | undefined;
        let meta: string | undefined;
        let rel: string | undefined;
        let startsBody = false;
        let ignored = false;
        let download = false;
        let changed = false;
        for (const key in attribs) {
          const value = attribs[key]!;
          const attribute = key.toLowerCase();
          switch (attribute) {
            case "type":
              type = value;
              break;
            case "src":
              src = value;
              break;
            case "http-equiv":
              httpEquiv = value;
              break;
            case "rel":
              rel = value;
              break;
            case "data-pagefind-filter":
              filter = value;
              break;
            case "data-pagefind-meta":
              meta = value;
              break;
            case "data-pagefind-body":
              startsBody = !inBody;
              break;
            case "data-pagefind-ignore":
              ignored = true;
              break;
            case "data-offline-download":
              download = true;
              break;
          }
          if (ADDRESS_ATTRIBUTES.has(attribute)) {
            const rewritten = relative(value);
            if (rewritten !== value) {
              attribs[key] = rewritten;
              changed = true;
            }
          }
        }
        if (name === "script" && type === "module" && src) {
          // A module script from a disk is refused; the same code bundled as a classic script runs, deferred as
          // module scripts are.
          for (const key in attribs) if (key.toLowerCase() === "type") delete attribs[key];
          attribs["defer"] = "";
          classic.add(detached(src));
          changed = true;
        }
        if (name === "meta" && httpEquiv?.toLowerCase() === "content-security-policy") {
          for (const key in attribs) if (key.toLowerCase() === "content") attribs[key] = copyPolicy(attribs[key]!);
          changed = true;
        }

        const mutes = NOT_TEXT.has(name) || ignored;
        const started: Reading[] = [];
        const reading = (self: boolean, done: (parts: string[]) => void, parts: string[] = []) => {
          // The text of an element that is not read is empty; a filter's or meta's text is of what it holds.
          const r: Reading = { parts, muted: self && mutes ? 1 : 0, self, done };
          started.push(r);
          return r;
        };
        const valueOf = (kind: "filter" | "meta", spec: string) => {
          const [key, value] = pagefindValue(attribs, spec);
          const entry = { kind, key, value: value ?? "" };
          values.push(entry);
          if (value === undefined) reading(false, (parts) => (entry.value = squash(parts)));
        };
        if (filter) valueOf("filter", filter);
        if (meta) valueOf("meta", meta);
        if (name === "h1" && !titled) {
          titled = true;
          reading(true, (parts) => {
            const text = squash(parts);
            read.title = text;
            // A heading with no text leaves the title to the next one, as before.
            titled = text !== "";
          });
        }
        if (startsBody) {
          read.indexed = true;
          reading(true, () => body.push(" "), body);
        }
        const muting = mutes ? [...active] : [];
        for (const r of muting) r.muted++;
        active.push(...started);

        const leftOut = download || (name === "link" && rel !== undefined && LINKS_LEFT_OUT.has(rel));
        if (leftOutDepth === 0) {
          if (leftOut) {
            out.push(html.slice(copied, start));
            copied = start;
          } else if (changed) {
            const tag = html.slice(start, tagEnd + 1);
            const rawName = /^<([^\s/>]+)/.exec(tag)![1]!;
            let written = `<${rawName}`;
            for (const key in attribs) {
              const value = attribs[key]!;
              written += value === "" ? ` ${key}` : ` ${key}="${attributeValue(value)}"`;
            }
            out.push(html.slice(copied, start), written, tag.endsWith("/>") ? "/>" : ">");
            copied = tagEnd + 1;
          }
        }
        if (leftOut) leftOutDepth++;
        stack.push({ name, inBody: inBody || startsBody, mutes, muting, started, tagEnd, leftOut });
      },
      ontext(text) {
        for (const r of active) if (r.muted === 0) r.parts.push(text);
      },
      onclosetag(name, implied) {
        const open = stack.pop();
        if (!open) return;
        // A block's end separates words, in every reading that reads it.
        if (BLOCKS.has(name) && !open.mutes)
          for (const r of active) if (r.muted === 0 && (r.self || !open.started.includes(r))) r.parts.push(" ");
        for (const r of open.muting) r.muted--;
        for (const r of open.started) {
          active.splice(active.indexOf(r), 1);
          r.done(r.parts);
        }
        if (open.leftOut && --leftOutDepth === 0) {
          // Up to the end of its end tag; a void element's start tag; an element ended by the next tag, up to it.
          copied = !implied
            ? parser.endIndex + 1
            : parser.endIndex === open.tagEnd
              ? open.tagEnd + 1
              : parser.startIndex;
        }
      },
    },
    { lowerCaseAttributeNames: false },
  );
  parser.end(html);
  out.push(html.slice(copied));
  // What is read is kept after the page (see `detached`).
  read.text = detached(squash(body));
  read.title = detached(read.title);
  for (const { kind, key: cut, value } of values) {
    const key = detached(cut);
    if (kind === "meta") read.meta.set(key, detached(value));
    else read.filters.set(key, [...(read.filters.get(key) ?? []), detached(value)]);
  }
  return { html: out.join(""), read };
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
    const { html: copy, read } = rewritePage(html, file, base, this.#classic);
    this.#zip.add(file, ENCODER.encode(copy));
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
        const bytes = ENCODER.encode(indexScript(name, data));
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
