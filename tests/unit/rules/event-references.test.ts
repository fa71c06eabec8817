import { describe, expect, it } from "vitest";
import { eventReferences } from "../../../src/lib/rules/event-references.ts";
import { run, type Fields } from "./desk.ts";

const entities = {
  actors: { ttp: { name: "TTP", kind: "armed-group", summary: "S." } },
  crossings: { torkham: { name: "Torkham", location: { lat: 34, lon: 71 }, summary: "S." } },
};
const event = (fields: Fields) => ({ date: "2025", summary: "X.", ...fields });

describe("eventReferences", () => {
  it.each<[string, Fields, string[]]>([
    ["entities the article tags", { actors: ["ttp"], events: [event({ actors: ["ttp"] })] }, []],
    [
      "an actor and a crossing the article does not tag",
      { events: [event({ actors: ["ttp"] }), event({ crossings: ["torkham"] })] },
      [
        'articles/x.mdx:11: events[0].actors[0]: event 1 involves actor "ttp", which the article does not tag. Fix: add ttp to the article\'s actors.',
        'articles/x.mdx:15: events[1].crossings[0]: event 2 involves crossing "torkham", which the article does not tag. Fix: add torkham to the article\'s crossings.',
      ],
    ],
    ["an id no entry has, which the unknown-references rule reports", { events: [event({ actors: ["nobody"] })] }, []],
  ])("%s", (_case, fields, expected) => {
    expect(run(eventReferences, { ...entities, articles: { x: fields } })).toEqual(expected);
  });
});
