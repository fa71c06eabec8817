/** Rule: an event with a crossing status names the crossing it changed; otherwise no status history can show it. */
import { parsePartialDate } from "../dates.ts";
import { entityKey } from "../model.ts";
import { at, type Rule } from "./context.ts";

export const statusWithoutCrossing: Rule = ({ input, model }) =>
  input.articles.flatMap((entry) =>
    entry.data.events.flatMap((event, i) =>
      event.status &&
      typeof parsePartialDate(event.date) !== "string" &&
      // A crossing no entry has does not count: the unknown-references rule reports it.
      !event.crossings.some((id) => model.entities.has(entityKey("crossing", id)))
        ? [
            {
              ...at(entry, `events[${i}].status`),
              message: `event ${i + 1} has a status but names no crossing`,
              fix: "add the crossing's id to the event's crossings, or remove status",
              severity: "error" as const,
            },
          ]
        : [],
    ),
  );
