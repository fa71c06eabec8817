/** Counting what a build wrote. */
import { readdirSync } from "node:fs";

/** The number of HTML pages under a folder. */
export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}
