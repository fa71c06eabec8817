import { describe, expect, it } from "vitest";
import { roleSources } from "../../../src/lib/rules/role-sources.ts";
import { run } from "./desk.ts";

describe("roleSources", () => {
  it.each([
    ["a role reported by an article", "visit", []],
    [
      "a role whose source is no article",
      "visits",
      [
        'actors/dar.md:7: roles[0].source: no article has the id "visits". Fix: use the file name (without .mdx) of an article in content/articles/.',
      ],
    ],
  ])("%s", (_case, source, expected) => {
    const dar = { name: "Ishaq Dar", kind: "person", summary: "S.", roles: [{ title: "Foreign minister", source }] };
    expect(run(roleSources, { articles: { visit: {} }, actors: { dar } })).toEqual(expected);
  });
});

describe("roleSources, for an article whose file fails its schema", () => {
  it("reports the source as following from the article's own problem", () => {
    const dar = { name: "Ishaq Dar", kind: "person", summary: "S.", roles: [{ title: "Minister", source: "visit" }] };
    expect(run(roleSources, { articles: { visit: { themes: [] } }, actors: { dar } }, { invalid: true })).toEqual([
      "articles/visit.mdx:5: themes: tag at least one theme, e.g. themes: [diplomacy-and-talks]. Fix: see content/README.md for what this field takes.",
      'actors/dar.md:7: roles[0].source: no article has the id "visit". Fix: correct articles/visit.mdx (follows from: articles/visit.mdx:5: themes).',
    ]);
  });
});
