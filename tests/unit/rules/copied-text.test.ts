import { describe, expect, it } from "vitest";
import { copiedText } from "../../../src/lib/rules/copied-text.ts";
import { run } from "./desk.ts";

const source =
  "Officials from both countries met in Kabul on Saturday to discuss the security situation along the border and the reopening of trade.";

describe("copiedText", () => {
  it.each([
    ["a briefing in our own words", "Pakistani and Afghan officials held security talks in Kabul.\n", []],
    [
      "sixteen words taken from a source",
      "Officials from both countries met in Kabul on Saturday to discuss the security situation along the border.\n",
      [
        'articles/x.mdx: body: 17 consecutive words are copied from a source: "officials from both countries met in kabul on saturday to discuss the security situation along the border". Fix: brief the source in our own words; quote only a few attributed words.',
      ],
    ],
  ])("%s", (_case, body, expected) => {
    expect(run(copiedText, { articles: { x: { body } } }, { sources: [source] })).toEqual(expected);
  });

  it("compares nothing without the sources", () => {
    expect(run(copiedText, { articles: { x: { body: `${source}\n` } } })).toEqual([]);
  });
});
