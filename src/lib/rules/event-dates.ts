/**
 * Rule: an event's date is either stated in the briefing at its precision or carries a `dateNote` saying how it was
 * inferred. A date that neither the body states nor a note explains is the commonest way a timeline comes to claim
 * more than its source: a day worked out from "on Friday", a month from "nearly a month", a year the text leaves out.
 *
 * "Stated" means one sentence of the body holds the whole date: day, month and year for `2025-03-21`; month and year
 * for `2025-03`; the year for `2025`. A weekday never counts, because turning it into a date is an inference; nor
 * does a day and month whose year only appears elsewhere, because the year is the part sources most often leave out.
 */
import { sentencesOf, type Block } from "../blocks.ts";
import { parsePartialDate, monthName } from "../dates.ts";
import type { EntryInput, Problem } from "../model.ts";
import type { ArticleData } from "../schemas.ts";
import type { Rule } from "./context.ts";

/** "March" or "Mar" (with an optional full stop), as a pattern. */
function monthPattern(month: number): string {
  const name = monthName(month);
  return `(?:${name}|${name.slice(0, 3)}\\.?)`;
}

/**
 * A test of whether one sentence states the date at its own precision. Its patterns are compiled once per date, not
 * once per sentence: an article's every event is tried against every sentence of its body.
 */
export function dateStatement(iso: string): (sentence: string) => boolean {
  const date = parsePartialDate(iso);
  if (typeof date === "string") return () => true; // The schema reports a malformed date; nothing to add here.
  const year = new RegExp(`(?<!\\d)${date.year}(?!\\d)`);
  if (date.month === undefined) return (sentence) => year.test(sentence);
  const month = monthPattern(date.month);
  const day = `0?${date.day}(?:st|nd|rd|th)?`;
  const rest =
    date.day === undefined
      ? new RegExp(`\\b${month}\\b`, "i")
      : new RegExp(`(?<!\\d)${day}\\s+(?:of\\s+)?${month}\\b|\\b${month}\\s+${day}(?!\\d)`, "i");
  return (sentence) => year.test(sentence) && rest.test(sentence);
}

/** Whether one sentence states the date at its own precision. */
export function statesDate(sentence: string, iso: string): boolean {
  return dateStatement(iso)(sentence);
}

const PRECISION = { year: "the year", month: "the month and year", day: "the day, month and year" } as const;

export function eventDateProblems(entry: EntryInput<ArticleData>, blocks: readonly Block[]): Problem[] {
  const sentences = blocks.flatMap((b) => sentencesOf(b.text).map((s) => s.text));
  return entry.data.events.flatMap((event, i): Problem[] => {
    if (event.dateNote !== undefined) return [];
    const date = parsePartialDate(event.date);
    if (typeof date === "string" || sentences.some(dateStatement(event.date))) return [];
    const field = `events[${i}].date`;
    const line = entry.lineOf?.(field);
    return [
      {
        file: entry.file,
        field,
        ...(line ? { line } : {}),
        message: `event ${i + 1} is dated "${event.date}", but no sentence of the body states ${PRECISION[date.precision]} and there is no dateNote`,
        fix: `if the date was inferred (from a weekday, "last week", another article), add a dateNote saying how; otherwise keep only the precision the source gives, and state it in the body`,
        severity: "warning",
      },
    ];
  });
}

export const eventDates: Rule = ({ input, bodies }) =>
  input.articles.flatMap((entry) => eventDateProblems(entry, bodies.of(entry).blocks));
