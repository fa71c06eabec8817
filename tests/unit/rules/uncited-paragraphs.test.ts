import { describe, expect, it } from "vitest";
import { uncitedParagraphs } from "../../../src/lib/rules/uncited-paragraphs.ts";
import { run } from "./desk.ts";

describe("uncitedParagraphs", () => {
  it.each([
    ["every paragraph and bullet cited", "A group ([a](article:a)).\n\n- Talks ([b](article:b)).\n", []],
    [
      "a paragraph citing nothing, and one citing an entity rather than an article",
      "A group ([a](article:a)).\n\nIt fought on.\n\nSee [Torkham](crossing:torkham).\n",
      [
        'actors/ttp.md: body, paragraph 2: "It fought on.…" cites no article. Fix: add a link to the source article, e.g. [22 Feb 2023](article:<slug>).',
        'actors/ttp.md: body, paragraph 3: "See Torkham.…" cites no article. Fix: add a link to the source article, e.g. [22 Feb 2023](article:<slug>).',
      ],
    ],
    ["no overview at all", "", []],
  ])("%s", (_case, body, expected) => {
    expect(
      run(uncitedParagraphs, { actors: { ttp: { name: "TTP", kind: "armed-group", summary: "S.", body } } }),
    ).toEqual(expected);
  });
});
