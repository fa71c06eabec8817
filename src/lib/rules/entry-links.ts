/**
 * Rule: an editor's link to an entry — `article:<slug>`, `actor:<id>`, `crossing:<id>`, `place:<id>`, `theme:<id>` — points at
 * one, in any body. The remark plugin turns them into page links and fails the render on a missing one; this
 * reports it first, with its line and the closest id. A link to an entry whose file fails its schema follows from
 * that file's problem: one broken article is one error, not one in every overview that cites it.
 */
import type { EntityKind } from "../mentions.ts";
import { entityKey } from "../model.ts";
import { closest, followingFrom } from "../problems.ts";
import { bodiedEntries, bodyLine, type Rule } from "./context.ts";

const LINK = /\]\((article|actor|crossing|place|theme):([^)\s]+)\)/g;

export const entryLinks: Rule = ({ input, model, rejected }) => {
  const articleIds = new Set(input.articles.map((a) => a.id));
  const idsOf = (kind: EntityKind | "article"): string[] =>
    kind === "article"
      ? [...articleIds]
      : [...model.entities.values()].filter((v) => v.entity.kind === kind).map((v) => v.entity.id);
  return bodiedEntries(input).flatMap((entry) =>
    [...entry.body.matchAll(LINK)].flatMap((match) => {
      const [, kind, id] = match as unknown as [string, EntityKind | "article", string];
      if (kind === "article" ? articleIds.has(id) : model.entities.has(entityKey(kind, id))) return [];
      const place = {
        file: entry.file,
        field: "body",
        line: bodyLine(entry, match.index),
        message: `the link to ${kind}:${id} points at no entry`,
        severity: "error" as const,
      };
      // The entry is there but fails its schema: that is the problem to fix, reported on its own.
      const root = rejected.get(`${kind}:${id}`);
      if (root) return [followingFrom(place, root)];
      const close = closest(id, idsOf(kind));
      return [{ ...place, fix: close.length ? `did you mean ${kind}:${close[0]}?` : `use an existing ${kind} id` }];
    }),
  );
};
