/**
 * Rule: bodies are data, not code (see mdx-code.ts): no JavaScript expression, import or export, expression
 * attribute, HTML element or raw HTML, and no address that runs code — unless the desk sets
 * `mdx: { allowCode: true }` in content/site.yaml. Errors, reported before any build runs a line of it.
 */
import { codeIn } from "../mdx-code.ts";
import { entityEntries, fileLine, type Rule } from "./context.ts";

export const mdxCode: Rule = ({ input, bodies, site }) =>
  // Settings that do not pass their own check allow nothing.
  site?.mdx.allowCode
    ? []
    : [...input.articles, ...entityEntries(input)].flatMap((entry) => {
        const { tree } = bodies.of(entry);
        return (tree ? codeIn(tree) : []).map(({ line, field, message, fix }) => ({
          file: entry.file,
          field,
          ...(line ? { line: fileLine(entry, line) } : {}),
          message,
          fix,
          severity: "error" as const,
        }));
      });
