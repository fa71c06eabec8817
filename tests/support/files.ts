/** Small sites on the disk for the build's post-processing tests: written from a record, read back with their bytes. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listFiles } from "../../scripts/lib/pages.ts";

/** Writes each file of `files` (path relative to `dir` → text) under `dir`; returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** Every file under `dir`, by path (relative, `/` between folders), with its bytes. */
export function readFiles(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(join(dir, file))]));
}
