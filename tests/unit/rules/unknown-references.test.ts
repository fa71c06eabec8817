import { describe, expect, it } from "vitest";
import { unknownReferences } from "../../../src/lib/rules/unknown-references.ts";
import { run, type Fields } from "./desk.ts";

const entities = {
  actors: {
    taliban: { name: "Afghan Taliban", kind: "government", summary: "S." },
    ttp: { name: "TTP", kind: "armed-group", summary: "S." },
  },
  crossings: { torkham: { name: "Torkham", location: { lat: 34, lon: 71 }, summary: "S." } },
  themes: { talks: { name: "Talks", summary: "S." } },
};

describe("unknownReferences", () => {
  it.each<[string, Fields, string[]]>([
    ["ids that exist", { actors: ["taliban"], crossings: ["torkham"] }, []],
    [
      "a mistyped actor, with the closest id",
      { actors: ["taliban", "talibn"] },
      [
        'articles/x.mdx:9: actors[1]: no actor has the id "talibn". Fix: did you mean "taliban"? Otherwise add content/actors/talibn.md.',
      ],
    ],
    [
      "an id like none, with every id there is",
      { crossings: ["chaman"] },
      [
        'articles/x.mdx:8: crossings[0]: no crossing has the id "chaman". Fix: use one of the ids in content/crossings/ (torkham) or add content/crossings/chaman.md.',
      ],
    ],
    [
      "a theme close to one that exists",
      { themes: ["talk"] },
      [
        'articles/x.mdx:6: themes[0]: no theme has the id "talk". Fix: did you mean "talks"? Otherwise add content/themes/talk.md.',
      ],
    ],
    [
      "ids an event involves",
      { events: [{ date: "2025", summary: "X.", actors: ["ttpp"], crossings: ["torkam"] }] },
      [
        'articles/x.mdx:11: events[0].actors[0]: no actor has the id "ttpp". Fix: did you mean "ttp"? Otherwise add content/actors/ttpp.md.',
        'articles/x.mdx:13: events[0].crossings[0]: no crossing has the id "torkam". Fix: did you mean "torkham"? Otherwise add content/crossings/torkam.md.',
      ],
    ],
  ])("%s", (_case, fields, expected) => {
    expect(run(unknownReferences, { ...entities, articles: { x: fields } })).toEqual(expected);
  });
});

describe("unknownReferences, for an entry whose file fails its schema", () => {
  it("reports the tag as following from the entry's own problem, not as a mistyped id", () => {
    const broken = {
      ...entities,
      actors: { ...entities.actors, dar: { name: "Ishaq Dar", kind: "minister", summary: "S." } },
    };
    expect(run(unknownReferences, { ...broken, articles: { x: { actors: ["dar"] } } }, { invalid: true })).toEqual([
      'actors/dar.md:3: kind: kind must be one of: person, government, organisation, armed-group, media (got "minister"). Fix: see content/README.md for what this field takes.',
      'articles/x.mdx:8: actors[0]: no actor has the id "dar". Fix: correct actors/dar.md (follows from: actors/dar.md:3: kind).',
    ]);
  });
});
