/** Listing and counting what a build wrote. */
import { readdirSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file under a folder, as paths relative to it with `/` between folders, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join("/"))
    .sort();
}

/** The number of HTML pages under a folder. */
export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}
