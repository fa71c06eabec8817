/**
 * Rule: no event is dated after its article was published: an article can only report what had happened by then.
 * A month or year that contains the publication day sorts before it (dates.ts), so it is never "after" it.
 */
import { comparePartialDates, parsePartialDate } from "../dates.ts";
import { at, type Rule } from "./context.ts";

export const eventsAfterPublication: Rule = ({ input, model }) => {
  const byFile = new Map(model.articles.map((a) => [a.file, a]));
  return input.articles.flatMap((entry) => {
    const article = byFile.get(entry.file);
    if (!article) return [];
    return entry.data.events.flatMap((event, i) => {
      const date = parsePartialDate(event.date);
      if (typeof date === "string" || comparePartialDates(date, article.published) <= 0) return [];
      return [
        {
          ...at(entry, `events[${i}].date`),
          message: `event ${i + 1} is dated "${event.date}", after the article's publication on ${entry.data.published}`,
          fix: "an article can only report what happened by the day it was published: check both dates",
          severity: "error" as const,
        },
      ];
    });
  });
};
