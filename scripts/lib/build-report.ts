/**
 * The build's account of where its time went, for the benchmark (`npm run bench`): with `BUILD_REPORT=<file>` set,
 * the build writes each stage's wall time and what it produced as JSON. A stage the pipeline does not have as a
 * step of its own stays 0, so a pipeline that gains or splits a stage keeps the shape; a new stage is one more name
 * below. Some stages run side by side — the content check and the model beside Astro's start (scripts/lib/render.ts),
 * "pagefind" beside "offlineCopy" (scripts/build.ts) — and "astroPages" is the end of "astro", from the moment Astro
 * begins to generate the pages (after bundling them) to the moment it is done; so the stages' times add up to more
 * than the wall time they took together; `coveredMs` is that wall time, each moment counted once.
 */
import { writeFileSync } from "node:fs";

export const STAGES = [
  "check",
  "model",
  "astro",
  "astroPages",
  "pagefind",
  "offlineCopy",
  "serviceWorker",
  "swap",
] as const;
export type Stage = (typeof STAGES)[number];

/** When a stage ran: from and to, in milliseconds since the epoch (the same clock in every process and thread). */
export type Span = [start: number, end: number];

/** Now, on that clock. */
export const now = (): number => performance.timeOrigin + performance.now();

/** The wall time the spans cover together, each moment counted once. */
export function coveredMs(spans: readonly Span[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

export interface BuildReport {
  /** Milliseconds of wall time per stage. */
  stages: Record<Stage, number>;
  /** Milliseconds of wall time during which at least one stage ran (see above). */
  coveredMs: number;
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
