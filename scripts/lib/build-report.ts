/**
 * The build's account of where its time went, for the benchmark (`npm run bench`): with `BUILD_REPORT=<file>` set,
 * the build writes each stage's wall time and what it produced as JSON. A stage the pipeline does not have as a
 * step of its own stays 0, so a pipeline that gains or splits a stage keeps the shape; a new stage is one more name
 * below. "pagefind" and "offlineCopy" run side by side (scripts/build.ts), so their times overlap: their sum is more
 * than the wall time they took together.
 */
import { writeFileSync } from "node:fs";

export const STAGES = ["check", "model", "astro", "pagefind", "offlineCopy", "serviceWorker", "swap"] as const;
export type Stage = (typeof STAGES)[number];

export interface BuildReport {
  /** Milliseconds of wall time per stage. */
  stages: Record<Stage, number>;
  /** HTML pages the build wrote. */
  pages: number;
  /** What the service worker precaches: total bytes and number of files. */
  precacheBytes: number;
  precacheFiles: number;
  /** The offline copy: the zip's size in bytes, and its search index's size in bytes (pages part and text). */
  offlineZipBytes: number;
  offlineIndexBytes: number;
}

/** Writes the report when the build was asked for one. */
export function writeBuildReport(file: string | undefined, report: BuildReport): void {
  if (file) writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
