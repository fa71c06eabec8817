import { describe, expect, it } from "vitest";
import { components } from "../../../src/lib/rules/components.ts";
import { run } from "./desk.ts";

const actors = { "sadiq-khan": { name: "Sadiq Khan", kind: "person", summary: "S." } };

describe("components", () => {
  it.each([
    [
      "the documented components",
      '<Quote speaker="sadiq-khan" role="envoy">Talks.</Quote>\n\n<Note title="Background">Closed.</Note>\n',
      [],
    ],
    [
      "a component that does not exist, with the closest one",
      "Text.\n\n<Notes>Closed.</Notes>\n",
      [
        "articles/x.mdx:11: <Notes>: there is no component called Notes. Fix: use one of <Quote>, <Note> (see content/README.md); did you mean <Note>?.",
      ],
    ],
    [
      "a component like none",
      "<Chart />\n",
      [
        "articles/x.mdx:9: <Chart>: there is no component called Chart. Fix: use one of <Quote>, <Note> (see content/README.md).",
      ],
    ],
    [
      "a quote without a speaker",
      "<Quote>Talks.</Quote>\n",
      ['articles/x.mdx:9: <Quote>: <Quote> needs a speaker attribute. Fix: write <Quote speaker="…">.'],
    ],
    [
      "a speaker that is not an actor id, with the closest",
      '<Quote speaker="sadiq-kahn">Talks.</Quote>\n',
      ['articles/x.mdx:9: <Quote>: speaker="sadiq-kahn" is not an actor id. Fix: did you mean "sadiq-khan"?.'],
    ],
    [
      "a speaker like no actor",
      '<Quote speaker="zz">Talks.</Quote>\n',
      [
        'articles/x.mdx:9: <Quote>: speaker="zz" is not an actor id. Fix: use the file name (without .md) of an actor in content/actors/.',
      ],
    ],
  ])("%s", (_case, body, expected) => {
    expect(run(components, { actors, articles: { x: { body } } })).toEqual(expected);
  });

  it("leaves .md articles alone: there, a tag is HTML", () => {
    expect(run(components, { articles: { "x.md": { body: "<Notes>Closed.</Notes>\n" } } })).toEqual([]);
  });
});

describe("components, for a speaker whose file fails its schema", () => {
  it("reports the speaker as following from the actor's own problem", () => {
    const desk = {
      actors: { "sadiq-khan": { name: "Sadiq Khan", kind: "person" } },
      articles: { x: { body: '<Quote speaker="sadiq-khan">Talks.</Quote>\n' } },
    };
    expect(run(components, desk, { invalid: true })).toEqual([
      "actors/sadiq-khan.md: summary: write a one-sentence summary. Fix: add the field (see content/README.md).",
      'articles/x.mdx:9: <Quote>: speaker="sadiq-khan" is not an actor id. Fix: correct actors/sadiq-khan.md (follows from: actors/sadiq-khan.md: summary).',
    ]);
  });
});
