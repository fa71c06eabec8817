import { describe, expect, it } from "vitest";
import { documentTitle, htmlLength } from "../../src/lib/titles.ts";

describe("documentTitle", () => {
  it.each([
    ["a short title keeps the site's name", "Torkham", "Torkham — Pakistan–Afghanistan Briefing"],
    [
      "a title that fits only alone drops the site's name",
      "Pakistani envoy raises TTP militancy in Kabul talks",
      "Pakistani envoy raises TTP militancy in Kabul talks",
    ],
    [
      "a longer title is cut at a word, with an ellipsis",
      "Pakistani envoy raises TTP militancy in Kabul as Torkham reopens after a month",
      "Pakistani envoy raises TTP militancy in Kabul as Torkham…",
    ],
    [
      "an apostrophe counts as the entity it is written as",
      "Pakistan's envoy raises TTP militancy in Kabul as Torkham reopens after a month",
      "Pakistan's envoy raises TTP militancy in Kabul as…",
    ],
    [
      "punctuation before the cut is dropped",
      "Dar invites Muttaqi to Islamabad, pledges trade, talks, visas and more, in a call",
      "Dar invites Muttaqi to Islamabad, pledges trade, talks…",
    ],
    ["one word longer than the limit is cut inside it", "A".repeat(70), `${"A".repeat(59)}…`],
  ])("%s", (_, title, expected) => {
    const result = documentTitle(title, "Pakistan–Afghanistan Briefing");
    expect(result).toBe(expected);
    expect(htmlLength(result)).toBeLessThanOrEqual(60);
  });
});
