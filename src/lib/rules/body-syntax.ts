/**
 * Rule: every body parses. In `.mdx`, `<` and `{` start code, so a stray one is a syntax error; the parser's message
 * is reported with the line in the file, not in the body.
 */
import { entityEntries, fileLine, type Rule } from "./context.ts";

export const bodySyntax: Rule = ({ input, bodies }) =>
  [...input.articles, ...entityEntries(input)].flatMap((entry) => {
    const { error } = bodies.of(entry);
    if (!error) return [];
    return [
      {
        file: entry.file,
        field: error.line ? `body, column ${error.column ?? 1}` : "body",
        // micromark adds its own body-relative position, e.g. "(6:1-6:26)"; the file line is reported instead.
        message: error.reason.replace(/ \(\d+:\d+(?:-\d+:\d+)?\)/g, ""),
        ...(error.line ? { line: fileLine(entry, error.line) } : {}),
        fix: "in .mdx, < and { start code: write &lt; and \\{ for the characters, or close the tag",
        severity: "error" as const,
      },
    ];
  });
