/**
 * Rule: every event id is unique across the site, because it is an anchor on its article page and the timeline and a
 * key in the open data. Two events of one article clash when they have the same date and summary (the same event
 * written twice), when an editor's `id` repeats another event's, or, very rarely, when two summaries share a digest.
 * Ids of different articles start with different article ids, so they clash only where one article's id and key
 * spell out another's (`a-b` + `c` against `a` + `b-c`); that is reported too.
 */
import { eventId } from "../event-ids.ts";
import type { EntryInput, Problem } from "../model.ts";
import type { ArticleData } from "../schemas.ts";
import type { Rule } from "./context.ts";

export function eventIdProblems(articles: readonly EntryInput<ArticleData>[]): Problem[] {
  const first = new Map<string, { file: string; index: number }>();
  const problems: Problem[] = [];
  for (const entry of articles) {
    entry.data.events.forEach((event, index) => {
      const id = eventId(entry.id, event);
      const other = first.get(id);
      if (!other) {
        first.set(id, { file: entry.file, index });
        return;
      }
      const field = event.id ? `events[${index}].id` : `events[${index}]`;
      const line = entry.lineOf?.(field);
      const where =
        other.file === entry.file ? `event ${other.index + 1}` : `event ${other.index + 1} of ${other.file}`;
      problems.push({
        file: entry.file,
        field,
        ...(line ? { line } : {}),
        message: `event ${index + 1} has the id "${id}", as ${where} has`,
        fix: event.id
          ? "give this event an id no other event of the article has"
          : "if it is the same event, delete one; otherwise set `id` on one of them to a key of its own (see content/README.md)",
        severity: "error",
      });
    });
  }
  return problems;
}

export const eventIds: Rule = ({ input }) => eventIdProblems(input.articles);
