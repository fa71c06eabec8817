/**
 * Blocks are the places in a body that mentions are found in and linked to: paragraphs (also inside lists, quotes
 * and footnotes) and table cells. The remark plugin gives each block an id while rendering, and the site model
 * parses the same source the same way, so "the nth block" means the same paragraph to both.
 * Headings are not blocks: they are labels, not statements, and are never linked.
 */
import type { InlineCode, Nodes, Parent, Root, Text } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

export interface Leaf {
  node: Text | InlineCode;
  parent: Parent;
  /** Offset of the leaf's text within the block's text. */
  start: number;
  /** False for code and for text already inside a link. */
  linkable: boolean;
}

export interface Block {
  /** The anchor id, unique within the body: `p1`, `p2`, … */
  id: string;
  node: Parent;
  /** The node that carries the anchor id: the list item for its first paragraph (tight lists render no <p>). */
  anchor: Parent;
  /** The block's plain text: its text and code leaves, concatenated. */
  text: string;
  leaves: Leaf[];
}

const BLOCK_TYPES = new Set(["paragraph", "tableCell"]);
const PHRASING_JSX = new Set(["mdxJsxTextElement", "mdxTextExpression"]);
const FLOW = new Set([
  "paragraph",
  "heading",
  "list",
  "blockquote",
  "code",
  "table",
  "thematicBreak",
  "html",
  "mdxJsxFlowElement",
  "mdxFlowExpression",
]);

/** A JSX element holding text directly (`<Note>Text</Note>` on one line): a block of its own. */
function isTextJsx(node: Nodes): boolean {
  return node.type === "mdxJsxFlowElement" && node.children.length > 0 && node.children.every((c) => !FLOW.has(c.type));
}
const SKIPPED = new Set(["heading", "code", "html", "yaml", "mdxjsEsm", "mdxFlowExpression", "definition"]);

function isParent(node: Nodes): node is Nodes & Parent {
  return "children" in node && Array.isArray(node.children);
}

/** The blocks of a parsed body, in document order. */
export function collectBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  const visit = (node: Nodes, parent?: Parent): void => {
    if (SKIPPED.has(node.type)) return;
    if ((BLOCK_TYPES.has(node.type) || isTextJsx(node)) && isParent(node)) {
      const firstInItem = parent?.type === "listItem" && parent.children.find((c) => c.type === "paragraph") === node;
      const anchor = firstInItem && parent ? parent : node;
      const block: Block = { id: `p${blocks.length + 1}`, node, anchor, text: "", leaves: [] };
      collectLeaves(node, block, false);
      blocks.push(block);
      return;
    }
    if (isParent(node)) for (const child of node.children) visit(child as Nodes, node);
  };
  visit(tree);
  return blocks;
}

function collectLeaves(parent: Parent, block: Block, inLink: boolean): void {
  for (const child of parent.children as Nodes[]) {
    if (child.type === "text" || child.type === "inlineCode") {
      block.leaves.push({
        node: child,
        parent,
        start: block.text.length,
        linkable: child.type === "text" && !inLink,
      });
      block.text += child.value;
    } else if (child.type === "break") {
      block.text += " ";
    } else if (isParent(child) && child.type !== "footnoteReference") {
      collectLeaves(child, block, inLink || child.type === "link" || child.type === "linkReference");
    }
  }
}

const markdownParser = unified().use(remarkParse).use(remarkGfm);
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

/**
 * MDX unwraps a paragraph that holds only JSX (`<Note>…</Note>` alone on a line) before any remark plugin runs
 * (@mdx-js/mdx's remark-mark-and-unravel); the model does the same, so both see the same blocks.
 */
function unravel(tree: Root): void {
  const visit = (node: Nodes): void => {
    if (!isParent(node)) return;
    node.children = node.children.flatMap((child) => {
      const c = child as Nodes;
      if (
        c.type === "paragraph" &&
        c.children.some((g) => PHRASING_JSX.has(g.type)) &&
        c.children.every((g) => PHRASING_JSX.has(g.type) || (g.type === "text" && g.value.trim() === ""))
      ) {
        return c.children
          .filter((g) => g.type !== "text")
          .map(
            (g) =>
              ({
                ...g,
                type: g.type === "mdxJsxTextElement" ? "mdxJsxFlowElement" : "mdxFlowExpression",
              }) as typeof child,
          );
      }
      return [child];
    }) as typeof node.children;
    for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
}

/** Parses a body the way the site renders it: GFM, plus MDX syntax for `.mdx` entries. */
export function parseBody(body: string, mdx: boolean): Root {
  const tree = (mdx ? mdxParser : markdownParser).parse(body);
  if (mdx) unravel(tree);
  return tree;
}

/** Splits a block's text into sentences with the platform's segmenter, keeping offsets. */
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** A block's sentences, with the offset each starts at; a line break inside a paragraph does not end one. */
export function sentencesOf(text: string): { text: string; index: number }[] {
  return [...segmenter.segment(text.replace(/\n/g, " "))].map(({ segment, index }) => ({
    text: text.slice(index, index + segment.length),
    index,
  }));
}

/** Where a sentence lies in a block's text: `text.slice(start, end)`, without surrounding white space. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The sentence around an offset. A line break inside a paragraph is where the editor's file wrapped, not the end of
 * a sentence, so the segmenter sees a space there (the offsets are the same).
 */
export function sentenceSpan(text: string, offset: number): Span {
  const flowing = text.replace(/\n/g, " ");
  for (const { segment, index } of segmenter.segment(flowing)) {
    if (offset >= index && offset < index + segment.length) {
      const start = index + (segment.length - segment.trimStart().length);
      return { start, end: index + segment.trimEnd().length };
    }
  }
  return { start: 0, end: text.length };
}

/** A sentence as an entity page quotes it, with the names in it marked by offset. */
export interface Quoted {
  text: string;
  /** `[start, end)` of each name in `text`. */
  marks: [number, number][];
}

/**
 * Shortens a long sentence to about `max` characters around its first mark, cutting at word boundaries and showing
 * each cut with an ellipsis. Marks outside what is kept are dropped; the others are moved with the text.
 */
export function shorten(quoted: Quoted, max = 280): Quoted {
  const { text, marks } = quoted;
  if (text.length <= max || marks.length === 0) return quoted;
  const [first] = marks as [[number, number]];
  const room = Math.max(0, max - (first[1] - first[0]));
  let start = Math.max(0, first[0] - Math.floor(room / 3));
  let end = Math.min(text.length, start + max);
  start = Math.max(0, end - max);
  // Move inwards to the nearest word boundary.
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(" ", end) > first[1] ? text.lastIndexOf(" ", end) : end;
  const before = start > 0 ? "… " : "";
  const after = end < text.length ? " …" : "";
  const shift = before.length - start;
  return {
    text: `${before}${text.slice(start, end).trim()}${after}`,
    marks: marks.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift]),
  };
}

/** The article ids a block links to, in order. */
export function citedIn(block: Block): string[] {
  const ids: string[] = [];
  const walk = (n: { type: string; url?: string; children?: unknown[] }): void => {
    const match = n.type === "link" && n.url ? /^article:(.+)$/.exec(n.url) : null;
    if (match?.[1]) ids.push(match[1]);
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(block.node);
  return ids;
}
