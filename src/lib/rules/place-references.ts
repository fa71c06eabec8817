/**
 * Rule: a place's `in` names another place, and its `shorthandFor` names an actor that carries one of the place's
 * names. A mistyped `in` would drop the place from its parent's page; a `shorthandFor` whose actor shares no name
 * with the place gives nothing away, so the editor meant another actor or no field at all. Errors, with the closest
 * ids as suggestions.
 */
import { normaliseName } from "../mentions.ts";
import { entityKey } from "../model.ts";
import { closest, type Problem } from "../problems.ts";
import { at, type Rule } from "./context.ts";

export const placeReferences: Rule = ({ input, model }) => {
  const idsOf = (kind: "actor" | "place") =>
    [...model.entities.values()].filter((v) => v.entity.kind === kind).map((v) => v.entity.id);
  const suggest = (id: string, ids: string[], folder: string) => {
    const close = closest(id, ids);
    return close.length
      ? `did you mean ${close.map((c) => `"${c}"`).join(" or ")}?`
      : `use one of the ids in content/${folder}/ (${ids.join(", ") || "none yet"})`;
  };
  return (input.places ?? []).flatMap((entry): Problem[] => {
    const problems: Problem[] = [];
    const { data } = entry;
    if (data.in !== undefined) {
      if (data.in === entry.id) {
        problems.push({
          ...at(entry, "in"),
          message: "a place cannot lie in itself",
          fix: "write the id of the larger place it lies in, or remove in",
          severity: "error",
        });
      } else if (!model.entities.has(entityKey("place", data.in))) {
        problems.push({
          ...at(entry, "in"),
          message: `no place has the id "${data.in}"`,
          fix: `${suggest(data.in, idsOf("place"), "places")} Or add content/places/${data.in}.md`,
          severity: "error",
        });
      }
    }
    if (data.shorthandFor !== undefined) {
      const actor = model.entities.get(entityKey("actor", data.shorthandFor))?.entity;
      if (!actor) {
        problems.push({
          ...at(entry, "shorthandFor"),
          message: `no actor has the id "${data.shorthandFor}"`,
          fix: `${suggest(data.shorthandFor, idsOf("actor"), "actors")} Otherwise remove shorthandFor`,
          severity: "error",
        });
      } else {
        const own = new Set([data.name, ...data.aliases].map(normaliseName));
        if (![actor.entry.data.name, ...actor.aliases].some((n) => own.has(normaliseName(n)))) {
          problems.push({
            ...at(entry, "shorthandFor"),
            message: `actor "${data.shorthandFor}" carries none of this place's names, so there is nothing to leave to it`,
            fix: `add "${data.name}" to the actor's aliases if the sources use it for the actor, or remove shorthandFor`,
            severity: "error",
          });
        }
      }
    }
    return problems;
  });
};
