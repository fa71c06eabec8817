/** Small helpers for reading the built HTML: enough for assertions, no DOM needed. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}

/** Values of an attribute across a document. */
export function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, "g"))].map((m) => decode(m[1] ?? ""));
}

export function decode(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/** The inner HTML of the first element that has the given id. */
export function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element with id ${id}`);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end);
}

/** The links of a `<nav>` with the given label, as "text href", with " (current)" on the current page's. */
export function navLinks(html: string, label: string): string[] {
  const start = html.indexOf(`aria-label="${label}"`);
  if (start < 0) return [];
  const nav = html.slice(start, html.indexOf("</nav>", start));
  return [...nav.matchAll(/<a ([^>]*)>(.*?)<\/a>/g)].map(([, attrs = "", text = ""]) => {
    const href = decode(/href="([^"]*)"/.exec(attrs)?.[1] ?? "");
    const current = attrs.includes('aria-current="page"') ? " (current)" : "";
    return `${decode(text.replace(/<[^>]+>/g, ""))} ${href}${current}`;
  });
}
