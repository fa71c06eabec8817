/**
 * Rule: the actors, crossings and places an event involves are tagged on its article. An event shows on the pages of the
 * entities it involves; an untagged one would show an event from an article that the page does not list.
 */
import { parsePartialDate } from "../dates.ts";
import { entityKey } from "../model.ts";
import { at, type Rule } from "./context.ts";

const INVOLVED = [
  ["actor", "actors"],
  ["crossing", "crossings"],
  ["place", "places"],
] as const;

export const eventReferences: Rule = ({ input, model }) => {
  const byFile = new Map(model.articles.map((a) => [a.file, a]));
  return input.articles.flatMap((entry) => {
    const tagged = byFile.get(entry.file)?.tagged ?? [];
    return entry.data.events.flatMap((event, i) =>
      typeof parsePartialDate(event.date) === "string"
        ? []
        : INVOLVED.flatMap(([kind, name]) =>
            event[name].flatMap((id, j) => {
              const key = entityKey(kind, id);
              // An id no entry has is reported by the unknown-references rule.
              if (!model.entities.has(key) || tagged.includes(key)) return [];
              return [
                {
                  ...at(entry, `events[${i}].${name}[${j}]`),
                  message: `event ${i + 1} involves ${kind} "${id}", which the article does not tag`,
                  fix: `add ${id} to the article's ${name}`,
                  severity: "error" as const,
                },
              ];
            }),
          ),
    );
  });
};
