/**
 * Remark plugin: typographic quotes, apostrophes, dashes and ellipses in bodies — what Astro's default step
 * (remark-smartypants 3.0, which runs retext-smartypants with its default options) does, with the same output, at a
 * fraction of its cost. The config turns Astro's step off (`smartypants: false`) and runs this one in its place, first.
 *
 * Why: the upstream plugin runs retext's parser once over the whole body for the quotes and then once more for
 * every text node, to turn `--` and `...` into dashes and ellipses. A body has a few dozen text nodes, and nearly none
 * of them holds a `--` or `...`; the parser is the cost: 3.6 s of the 9.3 s MDX spent compiling 1,000 articles,
 * and 40 % of Astro rendering a `.md` body, profiled with `--cpu-prof` (scripts/lib/render.ts). retext's syntax tree
 * keeps every character, so text the rules cannot change comes out as it went in; here the parser runs only on text
 * that holds something a rule changes (see `mayChangeQuotes` and `mayChangeMarks`). No upstream issue yet
 * (github.com/silvenon/remark-smartypants): the same precheck would fit there.
 */
import type { Nodes, Parents, Root } from "mdast";
import { retext } from "retext";
import type { Node, Parent } from "unist";
import smartypants from "retext-smartypants";
import { visit } from "unist-util-visit";

// The upstream plugin's two passes, with its options: quotes first (one character for one, so the offsets of the
// text nodes in the concatenation stay valid), then dashes, ellipses and backticks node by node.
const quotesPass = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
const marksPass = retext().use(smartypants, { quotes: false });

/** retext-smartypants' quote rule changes only `"` and `'`. */
const mayChangeQuotes = (text: string) => text.includes('"') || text.includes("'");

/**
 * Its other default rules change only `--`, ` `` ` and `''`, and runs of dots, bare (`...`) or with white space
 * between them (`. . .`). White space as parse-latin reads it: JavaScript's `\s` and U+0085 (`\s` also has U+FEFF,
 * which only makes the test run the parser more often, never less).
 */
const MARKS = /--|``|''|\.[\s\u0085]*\./;
const mayChangeMarks = (text: string) => MARKS.test(text);

const VISITED = new Set(["text", "inlineCode", "paragraph", "heading", "tableCell"]);
const BLOCKS = new Set(["paragraph", "heading", "tableCell"]);
const IGNORED_ELEMENTS = new Set(["style", "script"]);

const isLiteral = (node: Nodes): node is Extract<Nodes, { value: string }> =>
  "value" in node && typeof node.value === "string";

// The upstream plugin's node test, as it is (a text inside a `<style>` or `<script>` written in MDX is left alone).
function visited(node: Nodes, _index: number | undefined, parent: Parents | undefined): boolean {
  return (
    parent !== undefined &&
    (parent.type !== "mdxJsxTextElement" || (typeof parent.name === "string" && !IGNORED_ELEMENTS.has(parent.name))) &&
    VISITED.has(node.type) &&
    (isLiteral(node) || BLOCKS.has(node.type))
  );
}

export default function remarkSmartypants() {
  return (tree: Root): void => {
    let allText = "";
    const nodes: Nodes[] = [];
    const test = (node: Node, index: number | undefined, parent: Parent | undefined) =>
      visited(node as Nodes, index, parent as Parents | undefined);
    visit(tree, test, (found) => {
      const node = found as Nodes;
      if (isLiteral(node)) allText += node.type === "text" ? node.value : "A".repeat(node.value.length);
      // A block starts afresh: a quote at its start opens.
      else allText += " ";
      nodes.push(node);
    });
    // Quotes around links and emphasis are paired across text nodes, so this pass reads the body's text at once.
    if (mayChangeQuotes(allText)) allText = quotesPass.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === "text") {
        const text = allText.slice(start, end);
        node.value = mayChangeMarks(text) ? marksPass.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}
