/**
 * Rule: ids are file names without extension, so `x.md` and `x.mdx` in one folder would be one id, one URL. The
 * later file (in name order) is reported.
 */
import type { EntryInput } from "../model.ts";
import type { Problem } from "../problems.ts";
import type { Rule } from "./context.ts";

export const duplicateIds: Rule = ({ input, rejected }) =>
  (
    [
      ["article", input.articles],
      ["actor", input.actors],
      ["crossing", input.crossings],
      ["place", input.places ?? []],
      ["theme", input.themes],
    ] as const
  ).flatMap(([kind, valid]) => {
    // Files that fail their schema count too: renaming one of two clashing files is the fix either way.
    const failed = [...rejected].flatMap(([key, root]) =>
      key.startsWith(`${kind}:`) ? [{ id: key.slice(kind.length + 1), file: root.file }] : [],
    );
    const seen = new Map<string, string>();
    return [...(valid as readonly Pick<EntryInput<unknown>, "id" | "file">[]), ...failed]
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
