/**
 * Rule: every paragraph or bullet of an actor's, crossing's or theme's overview cites the article it comes from
 * (`[22 Feb 2023](article:<slug>)`). Trust is the product: a statement on an entity page without its source is a
 * claim the site cannot back. A warning, because the editor may be mid-way through writing it.
 */
import { citedIn } from "../blocks.ts";
import { at, entityEntries, type Rule } from "./context.ts";

export const uncitedParagraphs: Rule = ({ input, bodies }) =>
  entityEntries(input).flatMap((entry) =>
    bodies.of(entry).blocks.flatMap((block, i) =>
      citedIn(block).length > 0
        ? []
        : [
            {
              ...at(entry, `body, paragraph ${i + 1}`),
              message: `"${block.text.slice(0, 60)}…" cites no article`,
              fix: "add a link to the source article, e.g. [22 Feb 2023](article:<slug>)",
              severity: "warning" as const,
            },
          ],
    ),
  );
