/**
 * Rule: ids are file names without extension, so `x.md` and `x.mdx` in one folder would be one id, one URL. The
 * later file (in name order) is reported.
 */
import type { EntryInput } from "../model.ts";
import type { Problem } from "../problems.ts";
import type { Rule } from "./context.ts";

export const duplicateIds: Rule = ({ input }) =>
  [input.articles, input.actors, input.crossings, input.themes].flatMap((entries) => {
    const seen = new Map<string, string>();
    return [...(entries as readonly EntryInput<unknown>[])]
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .flatMap((entry): Problem[] => {
        const other = seen.get(entry.id);
        seen.set(entry.id, entry.file);
        if (!other) return [];
        return [
          {
            file: entry.file,
            field: "file name",
            message: `the id "${entry.id}" is also used by ${other}`,
            fix: "ids are file names without extension and must be unique: rename one of the files",
            severity: "error",
          },
        ];
      });
  });
