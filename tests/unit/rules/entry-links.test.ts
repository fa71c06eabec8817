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
