/**
 * Astro 7 applies JSX whitespace rules to .astro templates (`compressHTML: "jsx"`): a line break next to an element
 * is dropped, not read as a space. Prettier formats templates by HTML's rules, where the two are the same, and wraps
 * "actors</a>, <a>crossings" onto two lines, which then renders as "actors,crossings". Upstream:
 * https://github.com/withastro/astro/issues/17310 and https://github.com/withastro/prettier-plugin-astro/issues/308.
 * Until they agree, a space that must survive a line break is written `{" "}`; this finds the places that lost one.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const INLINE = /^<(a|abbr|cite|code|data|em|kbd|mark|q|span|strong|time|FormattedDate|StatusBadge)\b/;

/** Lines of text that run straight into an inline element on the next line, which Astro joins without a space. */
function joinedAtLineBreaks(source: string): number[] {
  const lines = source.split("\n");
  const found: number[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1]?.trim() ?? "";
    const text = line.trimEnd();
    // Ends in a word or punctuation that a word follows, not in code (`{`, `}`, `(`) or a tag (`>`).
    const endsInText =
      /[\p{L}\p{N},;:.!?’”]$/u.test(text) && !/^\s*(\/\/|\*|\/\*|import |const |let |return )/.test(text);
    if (endsInText && INLINE.test(next)) found.push(i + 1);
  });
  return found;
}

const templates = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".astro"))
    .map((e) => join(e.parentPath, e.name));

describe("Astro templates", () => {
  it.each([
    ["browse the <a>articles</a>, <a>actors</a>,\n      <a>crossings</a>", [1]],
    ['browse <a>actors</a>,{" "}\n      <a>crossings</a>', []],
    ["(\n<FormattedDate date={d} short />)", []],
    ["<p>\n  <a href={x}>one</a>\n</p>", []],
  ])("find the line breaks that would join words in %j", (source, lines) => {
    expect(joinedAtLineBreaks(source)).toEqual(lines);
  });

  it("have no line break that joins a word to the link or element after it", () => {
    const joined = templates("src").flatMap((file) =>
      joinedAtLineBreaks(readFileSync(file, "utf8")).map((line) => `${file}:${line}`),
    );
    expect(joined).toEqual([]);
  });
});
