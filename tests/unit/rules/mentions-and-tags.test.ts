import { describe, expect, it } from "vitest";
import { mentionsAndTags } from "../../../src/lib/rules/mentions-and-tags.ts";
import { run, type Fields } from "./desk.ts";

const entities = {
  actors: {
    taliban: { name: "Afghan Taliban", aliases: ["Taliban"], kind: "government", summary: "S." },
    pakistan: { name: "Pakistan", aliases: ["Islamabad"], kind: "government", summary: "S." },
  },
  crossings: { torkham: { name: "Torkham", location: { lat: 34, lon: 71 }, summary: "S." } },
  places: {
    kabul: { name: "Kabul", kind: "city", location: { lat: 34.5, lon: 69.2 }, summary: "S." },
    islamabad: {
      name: "Islamabad",
      kind: "city",
      location: { lat: 33.7, lon: 73.1 },
      shorthandFor: "pakistan",
      summary: "S.",
    },
  },
  themes: { talks: { name: "Diplomacy and talks", aliases: ["talks"], summary: "S." } },
};

describe("mentionsAndTags", () => {
  it.each<[string, Fields, string[]]>([
    ["tags exactly what the body names", { actors: ["taliban"], body: "The Taliban met.\n" }, []],
    [
      "a name the article does not tag",
      { body: "The Taliban closed Torkham.\n" },
      [
        'articles/x.mdx: actors: the body mentions actor "taliban" ("Taliban") but the article does not tag it. Fix: add taliban to actors, or reword the body.',
        'articles/x.mdx: crossings: the body mentions crossing "torkham" ("Torkham") but the article does not tag it. Fix: add torkham to crossings, or reword the body.',
      ],
    ],
    [
      "a tag the body never names",
      { crossings: ["torkham"], body: "A closure.\n" },
      [
        'articles/x.mdx:8: crossings: the article tags crossing "torkham" but the body never mentions it. Fix: name it in the body (by its name or an alias), or remove torkham from crossings.',
      ],
    ],
    [
      "a theme's keyword without its tag, and a theme tag without its keyword",
      { themes: ["other"], body: "Talks.\n" },
      [],
    ],
    [
      "a place named but not tagged",
      { body: "Talks in Kabul.\n" },
      [
        'articles/x.mdx: places: the body mentions place "kabul" ("Kabul") but the article does not tag it. Fix: add kabul to places, or reword the body.',
      ],
    ],
    [
      "a place whose name is an actor's, tagged and found as the actor",
      { actors: ["pakistan"], places: ["islamabad"], body: "A delegation was in Islamabad.\n" },
      [],
    ],
    ["a body that does not parse, reported by the syntax rule", { actors: ["taliban"], body: "<Note>\n" }, []],
  ])("%s", (_case, fields, expected) => {
    expect(run(mentionsAndTags, { ...entities, articles: { x: fields } })).toEqual(expected);
  });
});

describe("mentionsAndTags, when two entries claim one name", () => {
  it("compares nothing: the engine finds no mentions until the clash is fixed", () => {
    const clash = { ...entities, themes: { other: { name: "Other", aliases: ["Torkham"], summary: "S." } } };
    expect(
      run(mentionsAndTags, { ...clash, articles: { x: { actors: ["taliban"], body: "The Taliban met.\n" } } }),
    ).toEqual([]);
  });
});
