/** Rule: every role an actor holds names, as its source, an article that reports it. */
import { at, type Rule } from "./context.ts";

export const roleSources: Rule = ({ input }) => {
  const articleIds = new Set(input.articles.map((a) => a.id));
  return input.actors.flatMap((entry) =>
    entry.data.roles.flatMap((role, i) =>
      articleIds.has(role.source)
        ? []
        : [
            {
              ...at(entry, `roles[${i}].source`),
              message: `no article has the id "${role.source}"`,
              fix: "use the file name (without .mdx) of an article in content/articles/",
              severity: "error" as const,
            },
          ],
    ),
  );
};
