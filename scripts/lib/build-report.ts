/**
 * The build's account of where its time went, for the benchmark (`npm run bench`): with `BUILD_REPORT=<file>` set,
 * the build writes each stage's wall time and what it produced as JSON. A stage the pipeline does not have as a
 * step of its own stays 0 (today the model is built inside the content check, and again by the pages inside
 * Astro), so a faster pipeline fills it in without changing the shape; a new stage is one more name below.
 */
import { writeFileSync } from "node:fs";

export const STAGES = ["check", "model", "astro", "pagefind", "serviceWorker", "swap"] as const;
export type Stage = (typeof STAGES)[number];

export interface BuildReport {
  /** Milliseconds of wall time per stage. */
  stages: Record<Stage, number>;
  /** Pages in the search index. */
  pages: number;
  /** What the service worker precaches: total bytes and number of files. */
  precacheBytes: number;
  precacheFiles: number;
}

/** Times consecutive stages: each `lap` charges the time since the previous one (or since creation) to a stage. */
export class StageTimer {
  readonly stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  #last = performance.now();

  lap(stage: Stage): void {
    const now = performance.now();
    this.stages[stage] += now - this.#last;
    this.#last = now;
  }
}

/** Writes the report when the build was asked for one. */
export function writeBuildReport(file: string | undefined, report: BuildReport): void {
  if (file) writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
