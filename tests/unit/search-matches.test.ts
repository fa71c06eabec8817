import { describe, expect, it } from "vitest";
import { isExactQuery, searchTerms, termsNotBegun, wordsAt } from "../../src/lib/search-matches.ts";

describe("searchTerms", () => {
  it.each([
    ["Torkham", ["torkham"]],
    ["  Khawaja   Asif ", ["khawaja", "asif"]],
    ["Tehreek-e-Taliban", ["tehreeketaliban"]],
    ["Pakistan’s envoy", ["pakistans", "envoy"]],
    ["“Jaffer Express”", ["jaffer", "express"]],
    ["Kābul", ["kabul"]],
    ["", []],
  ])("%s is searched as %j", (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });
});

describe("isExactQuery", () => {
  it.each([
    ['"Jaffer Express"', true],
    [' "Torkham" ', true],
    ["Jaffer Express", false],
    ['"Jaffer Express', false],
  ])("%s: %s", (query, exact) => {
    expect(isExactQuery(query)).toBe(exact);
  });
});

describe("wordsAt", () => {
  it("reads the words Pagefind numbered, split on white space", () => {
    expect(wordsAt("Dar invites Muttaqi to Islamabad.", [0, 3, 4, 9])).toEqual(["Dar", "to", "Islamabad."]);
  });

  it("splits on zero-width spaces where the language has no spaces", () => {
    expect(wordsAt("这是\u200B一段\u200B测试", [1])).toEqual(["一段"]);
  });
});

describe("termsNotBegun", () => {
  it.each([
    ["a word Pagefind fell back to for a misspelt name", ["torkam"], ["to", "to", "To"], ["torkam"]],
    ["the word as typed", ["torkham"], ["Torkham,"], []],
    ["a word being typed", ["tork"], ["Torkham"], []],
    ["a part of a compound", ["taliban"], ["Tehreek-e-Taliban"], []],
    ["a compound as typed", ["tehreeketaliban"], ["Tehreek-e-Taliban"], []],
    ["punctuation and case", ["pakistans"], ["Pakistan’s"], []],
    ["a stem, told apart by an exact search", ["refugees"], ["refugee"], ["refugees"]],
    ["each word of the query", ["torkam", "asif"], ["to", "Asif"], ["torkam"]],
  ])("%s: %j in %j leaves %j", (_, terms, words, missing) => {
    expect(termsNotBegun(terms, words)).toEqual(missing);
  });
});
