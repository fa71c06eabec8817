import { describe, expect, it } from "vitest";
import { bodySyntax } from "../../../src/lib/rules/body-syntax.ts";
import { run, type Desk } from "./desk.ts";

describe("bodySyntax", () => {
  it.each<[string, Desk, string[]]>([
    [
      "markdown and MDX that parse",
      { articles: { x: { body: "<Note>Fine.</Note>\n" }, "y.md": { body: "a < b\n" } } },
      [],
    ],
    ["a < in plain markdown, which is text", { articles: { "x.md": { body: "Fewer < more.\n" } } }, []],
    [
      "an unclosed component, with the line in the file",
      { articles: { x: { body: "Text.\n\n<Note>Unclosed.\n" } } },
      [
        "articles/x.mdx:11: body, column 1: Expected a closing tag for `<Note>` before the end of `paragraph`. Fix: in .mdx, < and { start code: write &lt; and \\{ for the characters, or close the tag.",
      ],
    ],
    [
      "an unclosed brace",
      { articles: { x: { body: "Costs {rose.\n" } } },
      [
        "articles/x.mdx:9: body, column 13: Unexpected end of file in expression, expected a corresponding closing brace for `{`. Fix: in .mdx, < and { start code: write &lt; and \\{ for the characters, or close the tag.",
      ],
    ],
  ])("%s", (_case, desk, expected) => {
    expect(run(bodySyntax, desk)).toEqual(expected);
  });
});
