import { describe, expect, it } from "vitest";
import { formatProblem, type EntityKey } from "../../../src/lib/model.ts";
import { overviewCitationProblems } from "../../../src/lib/rules/overview-citations.ts";

const tagsOf = new Map<string, EntityKey[]>([
  ["talks-in-kabul", ["actor:ttp", "actor:afghan-taliban", "theme:diplomacy-and-talks"]],
  ["torkham-closes", ["actor:afghan-taliban", "crossing:torkham", "theme:border-crossings"]],
]);

function problems(file: string, entity: EntityKey, body: string): string[] {
  return overviewCitationProblems({ id: "x", file, data: {}, body, bodyLine: 8 }, entity, tagsOf).map(formatProblem);
}

describe("overviewCitationProblems", () => {
  it.each([
    [
      "an actor citing an article that tags it",
      "content/actors/ttp.md",
      "actor:ttp",
      "Talks ([21 Mar](article:talks-in-kabul)).",
      [],
    ],
    [
      "a theme citing an article that only mentions its keyword",
      "content/themes/border-crossings.md",
      "theme:border-crossings",
      "Closures.\n\nTalks on the border ([21 Mar](article:talks-in-kabul)); the closure ([22 Feb](article:torkham-closes)).",
      [
        'content/themes/border-crossings.md:10: body: the overview cites article:talks-in-kabul, which does not tag theme "border-crossings", so the article is missing from this page\'s own list. Fix: cite an article that tags border-crossings, or, if talks-in-kabul is substantially about it, add border-crossings to its themes.',
      ],
    ],
    [
      "a crossing citing an untagged article twice: each place is reported",
      "content/crossings/torkham.md",
      "crossing:torkham",
      "A ([a](article:talks-in-kabul)).\nB ([b](article:talks-in-kabul)).",
      [
        'content/crossings/torkham.md:8: body: the overview cites article:talks-in-kabul, which does not tag crossing "torkham", so the article is missing from this page\'s own list. Fix: cite an article that tags torkham, or, if talks-in-kabul is substantially about it, add torkham to its crossings.',
        'content/crossings/torkham.md:9: body: the overview cites article:talks-in-kabul, which does not tag crossing "torkham", so the article is missing from this page\'s own list. Fix: cite an article that tags torkham, or, if talks-in-kabul is substantially about it, add torkham to its crossings.',
      ],
    ],
    [
      "a link to no article, which the link check reports",
      "content/actors/ttp.md",
      "actor:ttp",
      "X ([a](article:nowhere)).",
      [],
    ],
    [
      "links to entities rather than articles",
      "content/actors/ttp.md",
      "actor:ttp",
      "See [Torkham](crossing:torkham).",
      [],
    ],
  ])("%s", (_case, file, entity, body, expected) => {
    expect(problems(file, entity as EntityKey, body)).toEqual(expected);
  });
});
