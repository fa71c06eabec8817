/**
 * Content is data, not code. An MDX body is compiled to JavaScript, so an expression (`{…}`), an `import`/`export`
 * or an attribute written as an expression runs at build time — or in the dev server when the page renders — with
 * the builder's rights; an HTML element, or raw HTML in markdown, reaches readers' browsers as it is written. A
 * body may therefore hold markdown and the documented components (src/lib/components.ts) with literal attributes,
 * and nothing else, unless the desk opts in with `mdx: { allowCode: true }` in content/site.yaml.
 *
 * This module finds what is not allowed, once, for both places that act on it: the content rule that reports it
 * with its line (src/lib/rules/mdx-code.ts) and the remark plugin that refuses or strips it before MDX compiles
 * anything (src/plugins/remark-no-code.ts).
 */
import type { Root } from "mdast";
import { MDX_COMPONENTS } from "./components.ts";

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number } };
  data?: { estree?: { body?: unknown[] } };
}

interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

export interface CodeFound {
  /** The node that holds it (the element, for an attribute). */
  node: Node;
  /** The attribute, when the code is one. */
  attribute?: Attribute;
  /** The body line (1-based), where known. */
  line?: number;
  field: string;
  message: string;
  fix: string;
}

const COMPONENTS = new Set(Object.keys(MDX_COMPONENTS));
const LIST = [...COMPONENTS].map((k) => `<${k}>`).join(", ");
// Addresses that run code when followed. Links are otherwise free: http(s), mailto, our article:/actor:… and anchors.
const UNSAFE_URL = /^\s*(?:javascript|vbscript|data):/i;

/** Text as an editor wrote it, on one line and cut short. */
function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** An expression that holds nothing but a comment (`{/* … *\/}`, MDX's own comment) compiles to nothing. */
function isComment(node: Node): boolean {
  return node.data?.estree?.body?.length === 0;
}

function tagOf(html: string): string | undefined {
  return /^<\s*([A-Za-z][\w:-]*)/.exec(html)?.[1]?.toLowerCase();
}

/** Everything in a parsed body that is code or markup, in document order. */
export function codeIn(tree: Root): CodeFound[] {
  const found: CodeFound[] = [];
  const visit = (node: Node): void => {
    const line = node.position?.start.line;
    const at = line ? { line } : {};
    const value = typeof node.value === "string" ? node.value : "";
    switch (node.type) {
      case "mdxjsEsm":
        found.push({
          node,
          ...at,
          field: "body",
          message: `"${excerpt(value)}" is an import or export: articles are data and may not run code`,
          fix: `delete it; ${LIST} need no import (see content/README.md)`,
        });
        return;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (isComment(node)) return;
        found.push({
          node,
          ...at,
          field: "body",
          message: `"{${excerpt(value)}}" is a JavaScript expression: articles are data and may not run code`,
          fix: "delete it, or write \\{ for a brace you mean as text",
        });
        return;
      case "html": {
        // Raw HTML in plain markdown is passed to the page as written; a comment is not.
        const tag = tagOf(value);
        if (!tag) return;
        found.push({
          node,
          ...at,
          field: `<${tag}>`,
          message: `<${tag}> is HTML, which articles may not contain`,
          fix: "write it in markdown (see content/README.md)",
        });
        return;
      }
      case "link":
      case "image":
      case "definition":
        if (node.url && UNSAFE_URL.test(node.url))
          found.push({
            node,
            ...at,
            field: "body",
            message: `the address "${excerpt(node.url, 40)}" runs code when followed`,
            fix: "link to an https:// address, or to an entry (article:<slug>, actor:<id>…)",
          });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name ?? "";
        if (!COMPONENTS.has(name)) {
          // Another capitalised name is reported by the components rule ("there is no component called…").
          if (!/^[A-Z]/.test(name))
            found.push({
              node,
              ...at,
              field: `<${name}>`,
              message: name ? `<${name}> is HTML, which articles may not contain` : "<> (a fragment) is JSX code",
              fix: `write it in markdown, or use one of ${LIST} (see content/README.md)`,
            });
        }
        for (const attribute of node.attributes ?? []) {
          if (attribute.type === "mdxJsxExpressionAttribute") {
            found.push({
              node,
              attribute,
              ...at,
              field: `<${name}>`,
              message: `"{${excerpt(String(attribute.value ?? ""))}}" is a JavaScript expression: articles are data and may not run code`,
              fix: 'write each attribute as name="value"',
            });
          } else if (typeof attribute.value === "object" && attribute.value !== null) {
            const expression = String((attribute.value as { value?: unknown }).value ?? "");
            found.push({
              node,
              attribute,
              ...at,
              field: `<${name}>`,
              message: `the attribute ${attribute.name}={${excerpt(expression, 40)}} is a JavaScript expression: articles are data and may not run code`,
              fix: `write a value in quotes, e.g. ${attribute.name}="…"`,
            });
          }
        }
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as unknown as Node);
  return found;
}

/**
 * Takes out what codeIn found, so that nothing an editor wrote runs or reaches the page as markup: imports,
 * expressions and raw HTML go; an HTML or JSX element is replaced by its content; an expression attribute goes; an
 * address that runs code becomes `#`.
 */
export function stripCode(tree: Root, found: readonly CodeFound[]): void {
  const drop = new Set<Node>();
  const unwrap = new Set<Node>();
  for (const f of found) {
    const { node, attribute } = f;
    if (attribute) node.attributes = (node.attributes ?? []).filter((a) => a !== attribute);
    else if (node.type === "link" || node.type === "image" || node.type === "definition") node.url = "#";
    else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") unwrap.add(node);
    else drop.add(node);
  }
  const visit = (node: Node): void => {
    if (!node.children) return;
    node.children = node.children.flatMap((child) =>
      drop.has(child) ? [] : unwrap.has(child) ? (child.children ?? []) : [child],
    );
    for (const child of node.children) visit(child);
  };
  visit(tree as unknown as Node);
}
