/**
 * Rule: an editor's link to an entry — `article:<slug>`, `actor:<id>`, `crossing:<id>`, `theme:<id>` — points at
 * one, in any body. The remark plugin turns them into page links and fails the render on a missing one; this
 * reports it first, with its line and the closest id.
 */
import type { EntityKind } from "../mentions.ts";
import { entityKey } from "../model.ts";
import { closest } from "../problems.ts";
import { bodyLine, entityEntries, type Rule } from "./context.ts";

const LINK = /\]\((article|actor|crossing|theme):([^)\s]+)\)/g;

export const entryLinks: Rule = ({ input, model }) => {
  const articleIds = new Set(input.articles.map((a) => a.id));
  const idsOf = (kind: EntityKind | "article"): string[] =>
    kind === "article"
      ? [...articleIds]
      : [...model.entities.values()].filter((v) => v.entity.kind === kind).map((v) => v.entity.id);
  return [...input.articles, ...entityEntries(input)].flatMap((entry) =>
    [...entry.body.matchAll(LINK)].flatMap((match) => {
      const [, kind, id] = match as unknown as [string, EntityKind | "article", string];
      if (kind === "article" ? articleIds.has(id) : model.entities.has(entityKey(kind, id))) return [];
      const close = closest(id, idsOf(kind));
      return [
        {
          file: entry.file,
          field: "body",
          line: bodyLine(entry, match.index),
          message: `the link to ${kind}:${id} points at no entry`,
          fix: close.length ? `did you mean ${kind}:${close[0]}?` : `use an existing ${kind} id`,
          severity: "error" as const,
        },
      ];
    }),
  );
};
