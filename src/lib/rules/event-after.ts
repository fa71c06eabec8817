/**
 * Rule: an event's `after` names a real event that does not come later. `after` is how an editor records that the
 * source places a month-only event after a dated one ("after the Kabul meetings"); the timeline names that event, so
 * a wrong id would silently name nothing, and an event dated after this one would contradict the source.
 */
import { formatPartialDate, parsePartialDate, type PartialDate } from "../dates.ts";
import { eventId } from "../event-ids.ts";
import type { EntryInput, Problem } from "../model.ts";
import type { ArticleData } from "../schemas.ts";
import type { Rule } from "./context.ts";

/** Whether `a` certainly begins after `b` ends, compared at the precision both share. */
function laterThan(a: PartialDate, b: PartialDate): boolean {
  const parts = (d: PartialDate, n: number) => [d.year, d.month ?? 0, d.day ?? 0].slice(0, n);
  const shared = Math.min(precisionOf(a), precisionOf(b));
  const [x, y] = [parts(a, shared), parts(b, shared)];
  for (let i = 0; i < shared; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

const precisionOf = (d: PartialDate) => (d.day !== undefined ? 3 : d.month !== undefined ? 2 : 1);

export function eventAfterProblems(articles: readonly EntryInput<ArticleData>[]): Problem[] {
  const dates = new Map<string, string>();
  for (const entry of articles) for (const event of entry.data.events) dates.set(eventId(entry.id, event), event.date);
  const problems: Problem[] = [];
  for (const entry of articles) {
    entry.data.events.forEach((event, index) => {
      if (!event.after) return;
      const field = `events[${index}].after`;
      const line = entry.lineOf?.(field);
      const problem = (message: string, fix: string) =>
        problems.push({ file: entry.file, field, ...(line ? { line } : {}), message, fix, severity: "error" });
      const own = eventId(entry.id, event);
      const target = [`${entry.id}-${event.after}`, event.after].find((id) => dates.has(id));
      if (!target) {
        problem(
          `no event has the id "${event.after}"`,
          `copy the id from the event's anchor on its article page or from /data/events.csv; for an event of this article, the part after "${entry.id}-" is enough`,
        );
        return;
      }
      if (target === own) {
        problem(`event ${index + 1} cannot come after itself`, "name the dated event the source says it followed");
        return;
      }
      const [mine, theirs] = [parsePartialDate(event.date), parsePartialDate(dates.get(target) ?? "")];
      // A date that does not parse has been reported by the schema.
      if (typeof mine === "string" || typeof theirs === "string" || !laterThan(theirs, mine)) return;
      problem(
        `event ${index + 1} (${formatPartialDate(mine)}) cannot come after "${target}", dated ${formatPartialDate(theirs)}`,
        "check both dates, and whether the source says this event came after that one",
      );
    });
  }
  return problems;
}

export const eventAfter: Rule = ({ input }) => eventAfterProblems(input.articles);
