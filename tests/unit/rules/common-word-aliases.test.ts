import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/problems.ts";
import { commonWordAliases, isStopWords, stopWordsFor } from "../../../src/lib/rules/common-word-aliases.ts";
import { siteSchema } from "../../../src/lib/schemas.ts";
import { deskContext, type Desk, type Fields } from "./desk.ts";

const site = (lang: string) => siteSchema.parse({ title: "T", description: "D.", lang, intro: "I." });

function problems(desk: Desk, lang = "en-GB"): string[] {
  const { context, dir } = deskContext(desk);
  return commonWordAliases({ ...context, site: site(lang) }).map((p) => formatProblem(p).replaceAll(`${dir}/`, ""));
}

const actor = (name: string, aliases: string[]): Fields => ({ name, aliases, kind: "government", summary: "S." });

/** `n` articles, the first `lower` of which use "government" as a word, all naming the Taliban and talks. */
function articles(n: number, lower: number): Record<string, Fields> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `a${i}`,
      { body: `The Taliban held talks.${i < lower ? " The government said so." : ""}\n` },
    ]),
  );
}

describe("stop words", () => {
  it.each([
    ["the", true],
    ["of the", true],
    ["The", true],
    ["the ministry", false],
    ["United States", false],
    ["Taliban", false],
  ])("%s is made only of English stop words: %s", (spelling, expected) => {
    const stop = stopWordsFor("en-GB");
    expect(stop && isStopWords(spelling, stop)).toBe(expected);
  });

  it("has no list for a language stopwords-iso does not cover", () => {
    expect(stopWordsFor("tlh")).toBeUndefined();
  });
});

describe("commonWordAliases", () => {
  it.each<[string, Desk, string[]]>([
    [
      "names and short forms",
      { actors: { ttp: actor("Tehrik-i-Taliban Pakistan", ["TTP", "Pakistani Taliban"]) } },
      [],
    ],
    [
      "a stop word as an alias",
      { actors: { ttp: actor("Tehrik-i-Taliban Pakistan", ["TTP", "the"]) } },
      [
        'actors/ttp.md:5: aliases[1]: "the" is a common word (a stop word in English): the mention engine would find it in almost every article and link it to this actor. Fix: remove it; register only names and spellings the sources use for this entry.',
      ],
    ],
    [
      "an alias made of stop words, on a theme too",
      { themes: { talks: { name: "Talks", aliases: ["talks", "of the"], summary: "S." } } },
      [
        'themes/talks.md:5: aliases[1]: "of the" is a common word (a stop word in English): the mention engine would find it in almost every article and link it to this theme. Fix: remove it; register only names and spellings the sources use for this entry.',
      ],
    ],
    [
      "an acronym whose letters are a stop word, which matches only in capitals",
      { actors: { us: actor("United States", ["US"]) } },
      [],
    ],
  ])("%s", (_case, desk, expected) => {
    expect(problems(desk)).toEqual(expected);
  });

  it("knows no stop words in a language it has no list for", () => {
    expect(problems({ actors: { ttp: actor("Tehrik-i-Taliban Pakistan", ["the"]) } }, "tlh")).toEqual([]);
  });

  const entities = {
    actors: { taliban: actor("Afghan Taliban", ["Taliban", "government"]) },
    themes: { talks: { name: "Diplomacy and talks", aliases: ["talks"], summary: "S." } },
  };
  it.each<[string, number, number, string[]]>([
    [
      "an actor's alias written in lower case in more than half of 20 articles",
      20,
      11,
      [
        'actors/taliban.md:5: aliases[1]: "government" is written in lower case, as an ordinary word, in 11 of 20 articles: the mention engine would link the word to this actor in each of them. Fix: remove it, or register a longer spelling the sources use for this actor.',
      ],
    ],
    ["the same in exactly half", 20, 10, []],
    ["the same in all of 19 articles, too few to tell", 19, 19, []],
  ])("%s (a capitalised name and a theme keyword in every article are fine)", (_case, n, lower, expected) => {
    expect(problems({ ...entities, articles: articles(n, lower) })).toEqual(expected);
  });
});
