/** Rule: an article cannot have been published after today; a future date is a typo (2052 for 2025) or a guess. */
import { at, type Rule } from "./context.ts";

export const futurePublication: Rule = ({ input, today }) =>
  input.articles.flatMap((entry) =>
    entry.data.published > today
      ? [
          {
            ...at(entry, "published"),
            message: `"${entry.data.published}" is in the future (today is ${today})`,
            fix: "write the date the source was published",
            severity: "error" as const,
          },
        ]
      : [],
  );
