/**
 * Rule: every role an actor holds names, as its source, an article that reports it. A source whose file is there but
 * fails its schema follows from that file's problem.
 */
import { followingFrom } from "../problems.ts";
import { at, type Rule } from "./context.ts";

export const roleSources: Rule = ({ input, rejected }) => {
  const articleIds = new Set(input.articles.map((a) => a.id));
  return input.actors.flatMap((entry) =>
    entry.data.roles.flatMap((role, i) => {
      if (articleIds.has(role.source)) return [];
      const place = {
        ...at(entry, `roles[${i}].source`),
        message: `no article has the id "${role.source}"`,
        severity: "error" as const,
      };
      const root = rejected.get(`article:${role.source}`);
      if (root) return [followingFrom(place, root)];
      return [{ ...place, fix: "use the file name (without .mdx) of an article in content/articles/" }];
    }),
  );
};
