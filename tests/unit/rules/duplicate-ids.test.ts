import { describe, expect, it } from "vitest";
import { duplicateIds } from "../../../src/lib/rules/duplicate-ids.ts";
import { run, type Desk } from "./desk.ts";

describe("duplicateIds", () => {
  it.each<[string, Desk, string[]]>([
    ["one file per id", { articles: { a: {}, "b.md": {} } }, []],
    [
      "an .md and an .mdx with one name: the later file is reported",
      { articles: { "a.mdx": {}, "a.md": {} } },
      [
        'articles/a.mdx: file name: the id "a" is also used by articles/a.md. Fix: ids are file names without extension and must be unique: rename one of the files.',
      ],
    ],
    [
      "one id in two folders, which are two URLs",
      {
        articles: { torkham: {} },
        crossings: { torkham: { name: "Torkham", location: { lat: 34, lon: 71 }, summary: "S." } },
      },
      [],
    ],
  ])("%s", (_case, desk, expected) => {
    expect(run(duplicateIds, desk)).toEqual(expected);
  });
});
