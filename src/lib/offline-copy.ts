/**
 * The offline copy: a zip of the site that opens by double-click from a disk (`file://`), with no server. Pure: the
 * build's post-process (scripts/lib/offline-copy.ts), the pages that link the zip and the tests share it.
 *
 * Over `file://` a link to a folder opens a directory listing, and a path starting with `/` points at the disk's
 * root, so every address in the copy is relative and names the file: `../actors/ttp/index.html`.
 */
import { formatSize } from "./sizes.ts";

/** A site title as a file name: lower-case ASCII words joined by hyphens ("Pakistan–Afghanistan Briefing" → …). */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The zip's file name at the site's root: `<slug>-offline.zip`, the slug from site.yaml or from the title. */
export function offlineZipName(site: { title: string; slug?: string | undefined }): string {
  return `${site.slug ?? (slugify(site.title) || "briefing")}-offline.zip`;
}

/**
 * Stands in the online pages for the zip's size and date, which are known only once the pages are rendered and the
 * copy is zipped; the build's post-process replaces it in every page before the service worker lists the files.
 */
export const ZIP_FACTS_PLACEHOLDER = "⟦offline-zip-facts⟧";

/** The words that replace the placeholder: "ZIP, 1.2 MB, built 22 November 2026". */
export function zipFacts(bytes: number, built: Date, lang: string): string {
  // Never "0 kB": a file is at least a kilobyte to a reader.
  const size = formatSize(Math.max(bytes, 1000), lang);
  const date = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `ZIP, ${size}, built ${date.format(built)}`;
}

/** Where a file lives in the copy: a folder's page is its index.html. Site paths have no base and no leading `/`. */
export function copyFile(sitePath: string): string {
  return sitePath === "" || sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
}

/** The relative way up from a file in the copy to the copy's root: `""` at the root, `"../"` one folder down. */
export function upToRoot(fromFile: string): string {
  return "../".repeat(fromFile.split("/").length - 1);
}

/**
 * An address in a page of the online site as it must read in the copy: relative to the page's file, naming a file.
 * `href` is as written in the page (with the base); `fromFile` is the page's file in the copy. Addresses outside the
 * site (another origin, `mailto:`, a fragment on the same page, outside the base) are returned unchanged.
 */
export function relativeAddress(href: string, fromFile: string, base: string): string {
  if (href === "" || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return href;
  if (!href.startsWith("/")) return href;
  if (!href.startsWith(base) && `${href}/` !== base) return href;
  const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(href.slice(base.length));
  const path = match?.[1] ?? "";
  const rest = `${match?.[2] ?? ""}${match?.[3] ?? ""}`;
  return `${upToRoot(fromFile)}${copyFile(path)}${rest}`;
}

/** Directives the copy needs none of: it fetches nothing, starts no worker and has no manifest. */
const NOTHING_IN_COPY = new Set(["connect-src", "worker-src", "manifest-src"]);
/** Directives whose `'self'` must also name the copy's files. */
const FILES_IN_COPY = new Set(["default-src", "script-src", "style-src", "img-src", "form-action"]);

/**
 * The site's Content-Security-Policy as the copy's pages carry it: as strict, with what only the online site needs
 * taken away (fetching, workers, WebAssembly), and `file:` beside `'self'` where the copy loads its own files.
 * Chromium counts a file as `'self'` for a page opened from a disk, but the standard gives such a page an opaque
 * origin that `'self'` does not match, and browsers have differed; `file:` says it plainly. Hashes are kept.
 */
export function copyPolicy(policy: string): string {
  return policy
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, ...sources]) => {
      if (NOTHING_IN_COPY.has(name!)) return `${name} 'none'`;
      let kept = sources.filter((s) => s !== "'wasm-unsafe-eval'");
      if (FILES_IN_COPY.has(name!) && kept.includes("'self'"))
        kept = kept.flatMap((s) => (s === "'self'" ? [s, "file:"] : [s]));
      return [name, ...kept].join(" ");
    })
    .join("; ");
}
