/**
 * What the home page shows beyond the editor's summary: where each crossing stands, ordered by how much the sources
 * say about it, and the latest developments. Pure; computed from the model.
 */
import { timelineOrder } from "./archives.ts";
import type { Article, EntityView, Model, TimelineEvent } from "./model.ts";

export interface CrossingStatusRow {
  view: EntityView;
  /** The latest change of status the sources report, if any. */
  change?: TimelineEvent;
  /** The newest article that names the crossing: how recent the last word on it is. */
  lastReported?: Article;
}

/**
 * Each crossing with its last reported change of status and the newest article that names it — the status may be
 * older than the briefing — most covered first (articles, then mentions), at most `limit`.
 */
export function crossingStatusBoard(model: Model, limit: number): CrossingStatusRow[] {
  return [...model.crossings]
    .sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        b.mentionCount - a.mentionCount ||
        a.entity.name.localeCompare(b.entity.name),
    )
    .slice(0, limit)
    .map((view) => {
      const change = view.statusHistory.at(-1);
      const lastReported = view.articles[0]?.article;
      return { view, ...(change ? { change } : {}), ...(lastReported ? { lastReported } : {}) };
    });
}

/** The `n` latest developments, newest first, as the timeline orders them. */
export function latestEvents(model: Model, n: number): TimelineEvent[] {
  return timelineOrder(model.events, "newest-first").slice(0, n);
}
