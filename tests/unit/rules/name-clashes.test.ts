import { describe, expect, it } from "vitest";
import { nameClashes } from "../../../src/lib/rules/name-clashes.ts";
import { run, type Desk } from "./desk.ts";

const ttp = { name: "Tehrik-i-Taliban Pakistan", aliases: ["TTP"], kind: "armed-group", summary: "S." };

describe("nameClashes", () => {
  it.each<[string, Desk, string[]]>([
    ["different names", { actors: { ttp, dar: { name: "Ishaq Dar", kind: "person", summary: "S." } } }, []],
    [
      "an alias that is another entry's name, in another case",
      {
        actors: { ttp },
        themes: { militancy: { name: "Militancy", aliases: ["tehrik-i-taliban pakistan"], summary: "S." } },
      },
      [
        'themes/militancy.md:4: aliases: "tehrik-i-taliban pakistan" is also a name of actors/ttp.md. Fix: keep the name on one entry only.',
      ],
    ],
    [
      "an acronym and the same letters in lower case, which the engine tells apart",
      { actors: { ttp, other: { name: "Ttp", kind: "person", summary: "S." } } },
      [],
    ],
  ])("%s", (_case, desk, expected) => {
    expect(run(nameClashes, desk)).toEqual(expected);
  });
});
