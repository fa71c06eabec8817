import { describe, expect, it } from "vitest";
import { typeset, typesetQuotes } from "../../src/lib/typography.ts";

describe("typeset", () => {
  it.each([
    ["Pakistan's envoy raises TTP militancy in Kabul", "Pakistan’s envoy raises TTP militancy in Kabul"],
    ['the group a "critical obstacle" to better ties', "the group a “critical obstacle” to better ties"],
    ['"Dialogue is necessary," he said', "“Dialogue is necessary,” he said"],
    ["It said 'no' -- twice...", "It said ‘no’ — twice…"],
    ["Already typeset: Pakistan’s “envoy”", "Already typeset: Pakistan’s “envoy”"],
    ["Torkham reopens after nearly a month", "Torkham reopens after nearly a month"],
  ])("sets %j as %j, as the Markdown pipeline sets bodies", (text, expected) => {
    expect(typeset(text)).toBe(expected);
  });
});

describe("typesetQuotes", () => {
  it.each([
    ["the Taliban's foreign minister", "the Taliban’s foreign minister"],
    ['is still a "critical obstacle" -- they said...', "is still a “critical obstacle” -- they said..."],
  ])("curls only the quotes in %j, keeping every other character where it was", (text, expected) => {
    const out = typesetQuotes(text);
    expect(out).toBe(expected);
    expect(out.length).toBe(text.length);
  });
});
