/**
 * What the home page shows beyond the editor's summary: where each crossing stands, ordered by how much the sources
 * say about it, and the latest developments. Pure; computed from the model.
 */
import { timelineOrder } from "./archives.ts";
import { crossingClosures } from "./closure-chart.ts";
import { daysInYear, type DayCount } from "./closures.ts";
import type { Article, EntityView, Model, TimelineEvent } from "./model.ts";

export interface CrossingStatusRow {
  view: EntityView;
  /** The latest change of status the sources report, if any. */
  change?: TimelineEvent;
  /** The newest article that names the crossing: how recent the last word on it is. */
  lastReported?: Article;
  /** Days closed in the year of the newest article (the briefing's "this year"), as a range where not pinned down. */
  closedThisYear?: { year: number; days: DayCount };
}

/**
 * Each crossing with its last reported change of status and the newest article that names it — the status may be
 * older than the briefing — most covered first (articles, then mentions), at most `limit`.
 */
export function crossingStatusBoard(model: Model, limit: number): CrossingStatusRow[] {
  const year = model.articles[0]?.published.year;
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
      const periods = crossingClosures(model).get(view.entity.key)?.periods ?? [];
      return {
        view,
        ...(change ? { change } : {}),
        ...(lastReported ? { lastReported } : {}),
        // A crossing with no status change reported gets no count: "none" would claim it stayed open.
        ...(year !== undefined && change ? { closedThisYear: { year, days: daysInYear(periods, year) } } : {}),
      };
    });
}

/** The `n` latest developments, newest first, as the timeline orders them. */
export function latestEvents(model: Model, n: number): TimelineEvent[] {
  return timelineOrder(model.events, "newest-first").slice(0, n);
}
