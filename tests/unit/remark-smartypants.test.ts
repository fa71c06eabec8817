/** Our SmartyPants step gives bodies exactly the typography of the step Astro runs by default (remark-smartypants). */
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
// Astro's own step, a dependency of @astrojs/markdown-remark: the reference our plugin must match.
import upstream from "remark-smartypants";
import { unified, type Pluggable } from "unified";
import { describe, expect, it } from "vitest";
import remarkSmartypants from "../../src/plugins/remark-smartypants.ts";

const astroStep: Pluggable = upstream;

function typeset(markdown: string, plugin: Pluggable, mdx = false): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (mdx) processor.use(remarkMdx);
  const tree = processor.parse(markdown);
  processor().use([plugin]).runSync(tree);
  return tree;
}

const CASES: [name: string, markdown: string, text: string][] = [
  [
    "leaves text without quotes, dashes or dots as it is",
    "Talks resumed at Torkham on Monday.",
    "Talks resumed at Torkham on Monday.",
  ],
  ["curls double quotes", 'He called it "a critical obstacle".', "He called it “a critical obstacle”."],
  ["curls apostrophes", "Pakistan's foreign office", "Pakistan’s foreign office"],
  [
    "turns two hyphens into an em dash",
    "The crossing -- closed since May -- reopened.",
    "The crossing — closed since May — reopened.",
  ],
  ["turns three dots into an ellipsis", "He said the talks were... over.", "He said the talks were… over."],
  ["turns spaced dots into an ellipsis", "Wait . . . and see.", "Wait … and see."],
  ["turns double backticks into quotes", "``Quoted''", "“Quoted”"],
  ["leaves single hyphens and full stops", "A well-known U.S. envoy. Another.", "A well-known U.S. envoy. Another."],
  ["pairs quotes across a link", 'The "[Doha](https://example.org/) process"', "The “Doha process”"],
  ["pairs quotes across emphasis", "'*Never*,' she said.", "‘Never,’ she said."],
  ["opens a quote at the start of a block", '"First."\n\n"Second."', "“First.”“Second.”"],
  ["leaves inline code and counts it", '`a--b` then "c" -- d', "a--b then “c” — d"],
  ["typesets table cells", '| a | b |\n|---|---|\n| "x" | y -- z |', "ab“x”y — z"],
  ["turns the apostrophe of a decade", "Back in the '80s", "Back in the ’80s"],
];

describe("remarkSmartypants", () => {
  it.each(CASES)("%s", (_, markdown, text) => {
    const ours = typeset(markdown, remarkSmartypants);
    expect(toString(ours)).toBe(text);
    expect(ours).toEqual(typeset(markdown, astroStep));
  });

  it("leaves the text of a <style> element in MDX alone, as Astro's step does", () => {
    const markdown = 'Before <style>{"a--b"}</style> "after" -- <b>it\'s...</b>';
    const ours = typeset(markdown, remarkSmartypants, true);
    expect(ours).toEqual(typeset(markdown, astroStep, true));
    expect(toString(ours)).toContain("“after” — it’s…");
  });

  it("gives the tree Astro's step gives for text with every kind of white space between dots", () => {
    const spaces = ["\t", "\n", "\u00a0", "\u0085", "\u2003", "\u3000", "\ufeff"];
    for (const space of spaces) {
      const markdown = `One .${space}.${space}. two--three "four" ''five'' ..`;
      expect(typeset(markdown, remarkSmartypants)).toEqual(typeset(markdown, astroStep));
    }
  });
});
