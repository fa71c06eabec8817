import { describe, expect, it } from "vitest";
import { mdxCode } from "../../../src/lib/rules/mdx-code.ts";
import { siteSchema } from "../../../src/lib/schemas.ts";
import { deskContext, run, type Desk } from "./desk.ts";

const article = (body: string): Desk => ({ articles: { x: { body } } });

describe("mdxCode", () => {
  it.each<[string, Desk, string[]]>([
    [
      "markdown, the documented components with literal attributes, and an MDX comment",
      article('Text.\n\n<Note title="Background">Closed.</Note>\n\n{/* a note to editors */}\n'),
      [],
    ],
    [
      "an expression that would write a file",
      article('Text.\n\n{process.getBuiltinModule("node:fs").writeFileSync("x", "ran")}\n'),
      [
        'articles/x.mdx:11: body: "{process.getBuiltinModule("node:fs").writeFileSync("x", "ran…}" is a JavaScript expression: articles are data and may not run code. Fix: delete it, or write \\{ for a brace you mean as text.',
      ],
    ],
    [
      "an expression inside a sentence",
      article("Costs rose by {1 + 1} per cent.\n"),
      [
        'articles/x.mdx:9: body: "{1 + 1}" is a JavaScript expression: articles are data and may not run code. Fix: delete it, or write \\{ for a brace you mean as text.',
      ],
    ],
    [
      "an import and an export",
      article('import fs from "node:fs";\nexport const x = 1;\n\nText.\n'),
      [
        'articles/x.mdx:9: body: "import fs from "node:fs"; export const x = 1;" is an import or export: articles are data and may not run code. Fix: delete it; <Quote>, <Note> need no import (see content/README.md).',
      ],
    ],
    [
      "an attribute written as an expression, and a spread",
      article('<Note title={"a" + "b"}>Closed.</Note>\n\n<Note {...props}>Open.</Note>\n'),
      [
        'articles/x.mdx:9: <Note>: the attribute title={"a" + "b"} is a JavaScript expression: articles are data and may not run code. Fix: write a value in quotes, e.g. title="…".',
        'articles/x.mdx:11: <Note>: "{...props}" is a JavaScript expression: articles are data and may not run code. Fix: write each attribute as name="value".',
      ],
    ],
    [
      "HTML elements in MDX",
      article('<script>alert(1)</script>\n\nA <span onclick="x()">word</span>.\n'),
      [
        "articles/x.mdx:9: <script>: <script> is HTML, which articles may not contain. Fix: write it in markdown, or use one of <Quote>, <Note> (see content/README.md).",
        "articles/x.mdx:11: <span>: <span> is HTML, which articles may not contain. Fix: write it in markdown, or use one of <Quote>, <Note> (see content/README.md).",
      ],
    ],
    [
      "raw HTML in plain markdown, where a comment is fine",
      {
        articles: {
          "x.md": { body: "<!-- a note -->\n\n<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> here.\n" },
        },
      },
      [
        "articles/x.md:11: <script>: <script> is HTML, which articles may not contain. Fix: write it in markdown (see content/README.md).",
        "articles/x.md:13: <img>: <img> is HTML, which articles may not contain. Fix: write it in markdown (see content/README.md).",
      ],
    ],
    [
      "an address that runs code, in an overview too",
      { actors: { a: { name: "A", kind: "person", summary: "S.", body: "See [this](javascript:alert(1)).\n" } } },
      [
        'actors/a.md:7: body: the address "javascript:alert(1)" runs code when followed. Fix: link to an https:// address, or to an entry (article:<slug>, actor:<id>…).',
      ],
    ],
  ])("%s", (_case, desk, expected) => {
    expect(run(mdxCode, desk)).toEqual(expected);
  });

  it("allows all of it when the desk sets mdx: { allowCode: true }", () => {
    const { context } = deskContext(article('import fs from "node:fs";\n\n{fs.x}\n\n<div>Raw</div>\n'));
    const site = siteSchema.parse({ title: "T", description: "D.", lang: "en", intro: "I.", mdx: { allowCode: true } });
    expect(mdxCode({ ...context, site })).toEqual([]);
    expect(mdxCode({ ...context, site: { ...site, mdx: { allowCode: false } } })).toHaveLength(3);
  });
});
