/**
 * Rule: every id an article tags, and every id its events involve, is the id of an entry. A mistyped id would
 * silently drop the article from the entity's page, so it is an error, with the closest ids as suggestions. An id
 * whose file is there but fails its schema follows from that file's problem.
 */
import { parsePartialDate } from "../dates.ts";
import type { EntityKind } from "../mentions.ts";
import { collectionOf, entityKey, type EntryInput } from "../model.ts";
import { closest, followingFrom, type Problem } from "../problems.ts";
import type { ArticleData } from "../schemas.ts";
import { at, type Rule } from "./context.ts";

const TAGS = [
  ["actor", "actors"],
  ["crossing", "crossings"],
  ["place", "places"],
  ["theme", "themes"],
] as const;

export const unknownReferences: Rule = ({ input, model, rejected }) => {
  const known = new Map<EntityKind, string[]>();
  const idsOf = (kind: EntityKind) => {
    let ids = known.get(kind);
    if (!ids)
      known.set(
        kind,
        (ids = [...model.entities.values()].filter((v) => v.entity.kind === kind).map((v) => v.entity.id)),
      );
    return ids;
  };
  const check = (entry: EntryInput<ArticleData>, field: string, kind: EntityKind, id: string): Problem[] => {
    if (model.entities.has(entityKey(kind, id))) return [];
    const message = `no ${kind} has the id "${id}"`;
    // The entry is there but fails its schema: that is the problem to fix, reported on its own.
    const root = rejected.get(`${kind}:${id}`);
    if (root) return [followingFrom({ ...at(entry, field), message, severity: "error" }, root)];
    const ids = idsOf(kind);
    const close = closest(id, ids);
    const folder = collectionOf[kind];
    return [
      {
        ...at(entry, field),
        message,
        fix: close.length
          ? `did you mean ${close.map((c) => `"${c}"`).join(" or ")}? Otherwise add content/${folder}/${id}.md`
          : `use one of the ids in content/${folder}/ (${ids.join(", ") || "none yet"}) or add content/${folder}/${id}.md`,
        severity: "error",
      },
    ];
  };
  return input.articles.flatMap((entry) => [
    ...TAGS.flatMap(([kind, field]) => entry.data[field].flatMap((id, i) => check(entry, `${field}[${i}]`, kind, id))),
    ...entry.data.events.flatMap((event, i) =>
      // An event whose date does not parse has been reported by the schema.
      typeof parsePartialDate(event.date) === "string"
        ? []
        : [
            ...event.actors.flatMap((id, j) => check(entry, `events[${i}].actors[${j}]`, "actor", id)),
            ...event.crossings.flatMap((id, j) => check(entry, `events[${i}].crossings[${j}]`, "crossing", id)),
            ...event.places.flatMap((id, j) => check(entry, `events[${i}].places[${j}]`, "place", id)),
          ],
    ),
  ]);
};
