/** The guard in the markdown pipeline: a body's code is refused (builds) or taken out (dev) before MDX compiles it. */
import type { Root } from "mdast";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { codeIn } from "../../src/lib/mdx-code.ts";
import remarkNoCode, { type RemarkNoCodeOptions } from "../../src/plugins/remark-no-code.ts";

const contentDir = mkdtempSync(join(tmpdir(), "guard-"));
const HOSTILE = [
  'import fs from "node:fs";',
  "",
  "Before {fs.writeFileSync('x', 'ran')} after.",
  "",
  '<Note title={fs.readFileSync("/etc/passwd", "utf8")}>Kept.</Note>',
  "",
  "<div>Also kept.</div>",
  "",
].join("\n");

function guard(options: Omit<RemarkNoCodeOptions, "contentDir">, path = join(contentDir, "articles/x.mdx")): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkNoCode, { contentDir, ...options });
  const file = new VFile({ value: HOSTILE, path });
  return processor.runSync(processor.parse(file), file) as Root;
}

const text = (tree: Root) => JSON.stringify(tree.children.map((c) => ("children" in c ? c.children : c.type)));

describe("remarkNoCode", () => {
  it("refuses a body with code in a build, naming each piece", () => {
    const where = relative(process.cwd(), join(contentDir, "articles/x.mdx"));
    expect(() => guard({ strict: true })).toThrow(
      [
        `${where}:1: body: "import fs from "node:fs";" is an import or export: articles are data and may not run code. Fix: delete it; <Quote>, <Note> need no import (see content/README.md).`,
        `${where}:3: body: "{fs.writeFileSync('x', 'ran')}" is a JavaScript expression: articles are data and may not run code. Fix: delete it, or write \\{ for a brace you mean as text.`,
        `${where}:5: <Note>: the attribute title={fs.readFileSync("/etc/passwd", "utf8")} is a JavaScript expression: articles are data and may not run code. Fix: write a value in quotes, e.g. title="…".`,
        `${where}:7: <div>: <div> is HTML, which articles may not contain. Fix: write it in markdown, or use one of <Quote>, <Note> (see content/README.md).`,
      ].join("\n"),
    );
  });

  it("takes the code out in the dev server and keeps the words", () => {
    const tree = guard({ strict: false });
    expect(codeIn(tree)).toEqual([]);
    expect(tree.children.map((c) => c.type)).toEqual(["paragraph", "paragraph", "paragraph"]);
    expect(text(tree)).toContain('"value":"Before "');
    expect(text(tree)).toContain('"value":" after."');
    expect(text(tree)).toContain('"value":"Kept."');
    expect(text(tree)).toContain('"value":"Also kept."');
  });

  it("lets the code through where the desk allows it", () => {
    expect(codeIn(guard({ strict: true, allowCode: true }))).toHaveLength(4);
  });

  it("reads the desk's setting from site.yaml when it is not given", () => {
    expect(() => guard({ strict: true })).toThrow();
    writeFileSync(
      join(contentDir, "site.yaml"),
      "title: T\ndescription: D.\nlang: en\nintro: I.\nmdx:\n  allowCode: true\n",
    );
    expect(codeIn(guard({ strict: true }))).toHaveLength(4);
  });

  it("guards only the bodies in the content folder", () => {
    expect(codeIn(guard({ strict: true, allowCode: false }, join(tmpdir(), "elsewhere.mdx")))).toHaveLength(4);
  });
});
