/**
 * Rule: no two entries share a name or alias. The mention engine could not tell them apart, so it refuses to start
 * (see mentions.ts) and the model finds no mentions at all until one of them gives the name up.
 */
import { at, entityEntries, type Rule } from "./context.ts";

export const nameClashes: Rule = ({ input, nameClash }) => {
  if (!nameClash) return [];
  const { alias, first, second } = nameClash;
  const file = second.source ?? second.id;
  const entry = entityEntries(input).find((e) => e.file === file) ?? { file };
  return [
    {
      ...at(entry, "aliases"),
      message: `"${alias}" is also a name of ${first.source ?? first.id}`,
      fix: "keep the name on one entry only",
      severity: "error",
    },
  ];
};
