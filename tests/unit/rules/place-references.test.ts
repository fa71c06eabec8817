import { describe, expect, it } from "vitest";
import { placeReferences } from "../../../src/lib/rules/place-references.ts";
import { run, type Fields } from "./desk.ts";

const actors = {
  pakistan: { name: "Pakistan", aliases: ["Islamabad"], kind: "government", summary: "S." },
};
const place = (fields: Fields): Fields => ({
  kind: "city",
  location: { lat: 33.7, lon: 73.1 },
  summary: "S.",
  ...fields,
});

describe("placeReferences", () => {
  it.each<[string, Record<string, Fields>, string[]]>([
    [
      "a place in a place that exists",
      { country: place({ name: "Land", kind: "country" }), town: place({ name: "Town", in: "country" }) },
      [],
    ],
    [
      "a place in a place that does not exist",
      { country: place({ name: "Land", kind: "country" }), town: place({ name: "Town", in: "contry" }) },
      [
        'places/town.md:8: in: no place has the id "contry". Fix: did you mean "country"? Or add content/places/contry.md.',
      ],
    ],
    [
      "a place in itself",
      { town: place({ name: "Town", in: "town" }) },
      [
        "places/town.md:8: in: a place cannot lie in itself. Fix: write the id of the larger place it lies in, or remove in.",
      ],
    ],
    [
      "shorthand for an actor that carries its name",
      { islamabad: place({ name: "Islamabad", shorthandFor: "pakistan" }) },
      [],
    ],
    [
      "shorthand for an actor that does not exist",
      { islamabad: place({ name: "Islamabad", shorthandFor: "pakistn" }) },
      [
        'places/islamabad.md:8: shorthandFor: no actor has the id "pakistn". Fix: did you mean "pakistan"? Otherwise remove shorthandFor.',
      ],
    ],
    [
      "shorthand for an actor that carries none of its names",
      { kabul: place({ name: "Kabul", shorthandFor: "pakistan" }) },
      [
        'places/kabul.md:8: shorthandFor: actor "pakistan" carries none of this place\'s names, so there is nothing to leave to it. Fix: add "Kabul" to the actor\'s aliases if the sources use it for the actor, or remove shorthandFor.',
      ],
    ],
  ])("%s", (_case, places, expected) => {
    expect(run(placeReferences, { actors, places })).toEqual(expected);
  });
});
