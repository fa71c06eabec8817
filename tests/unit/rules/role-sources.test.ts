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
