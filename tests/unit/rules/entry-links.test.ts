import { describe, expect, it } from "vitest";
import { entryLinks } from "../../../src/lib/rules/entry-links.ts";
import { run, type Desk } from "./desk.ts";

const actors = { ttp: { name: "TTP", kind: "armed-group", summary: "S.", body: "A group." } };

describe("entryLinks", () => {
  it.each<[string, Desk, string[]]>([
    [
      "links to entries that exist, in articles and overviews",
      {
        articles: { talks: { body: "See [the TTP](actor:ttp).\n" } },
        actors: { ttp: { ...actors.ttp, body: "Talks ([21 Mar](article:talks)).\n" } },
      },
      [],
    ],
    [
      "a mistyped article in an overview, with its line and the closest id",
      {
        articles: { talks: {} },
        actors: { ttp: { ...actors.ttp, body: "A group.\n\nTalks ([21 Mar](article:talk)).\n" } },
      },
      ["actors/ttp.md:9: body: the link to article:talk points at no entry. Fix: did you mean article:talks?."],
    ],
    [
      "a link to a kind of entry with no such id",
      { actors, articles: { x: { body: "See [Chaman](crossing:chaman).\n" } } },
      ["articles/x.mdx:9: body: the link to crossing:chaman points at no entry. Fix: use an existing crossing id."],
    ],
  ])("%s", (_case, desk, expected) => {
    expect(run(entryLinks, desk)).toEqual(expected);
  });
});

describe("entryLinks, for an article whose file fails its schema", () => {
  it("reports the article's problem once, and every link to it as following from it", () => {
    const desk = {
      articles: { talks: { published: "2025-02-30" } },
      actors: { ttp: { ...actors.ttp, body: "Talks ([21 Mar](article:talks)).\n" } },
      themes: { t: { name: "Talks", summary: "S.", body: "Held ([21 Mar](article:talks)).\n" } },
    };
    expect(run(entryLinks, desk, { invalid: true })).toEqual([
      'articles/talks.mdx:3: published: "2025-02-30" has no day 30: that month has 28 days. Fix: see content/README.md for what this field takes.',
      "actors/ttp.md:7: body: the link to article:talks points at no entry. Fix: correct articles/talks.mdx (follows from: articles/talks.mdx:3: published).",
      "themes/t.md:6: body: the link to article:talks points at no entry. Fix: correct articles/talks.mdx (follows from: articles/talks.mdx:3: published).",
    ]);
  });
});
