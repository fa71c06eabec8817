/**
 * Rule: every component an MDX body uses is one the site provides (src/lib/components.ts), with the attributes it
 * needs, and a `speaker` names an actor. A mistake is reported with its line before any build, instead of failing
 * the render of one page.
 */
import type { Root } from "mdast";
import { MDX_COMPONENTS } from "../components.ts";
import { closest, followingFrom, type Problem } from "../problems.ts";
import { fileLine, type Rule } from "./context.ts";

export interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  value?: string;
  children?: JsxNode[];
}

/** Calls `visit` on every node of a tree, depth first. */
export function walk(node: JsxNode | Root, visit: (n: JsxNode) => void): void {
  const n = node as JsxNode;
  visit(n);
  for (const child of n.children ?? []) walk(child, visit);
}

const SPECS = MDX_COMPONENTS as Record<string, { actorAttribute?: string; required: readonly string[] }>;

export const components: Rule = ({ input, bodies, rejected }) => {
  const known = Object.keys(MDX_COMPONENTS);
  const actorIds = input.actors.map((a) => a.id);
  return input.articles.flatMap((entry): Problem[] => {
    const { tree } = bodies.of(entry);
    if (!tree || !entry.file.endsWith(".mdx")) return [];
    const problems: Problem[] = [];
    const imported = new Set<string>();
    walk(tree, (n) => {
      if (n.type === "mdxjsEsm") for (const m of (n.value ?? "").matchAll(/\b([A-Z]\w*)\b/g)) imported.add(m[1] ?? "");
    });
    walk(tree, (n) => {
      if ((n.type !== "mdxJsxFlowElement" && n.type !== "mdxJsxTextElement") || !n.name || !/^[A-Z]/.test(n.name))
        return;
      const line = n.position ? fileLine(entry, n.position.start.line) : undefined;
      const place = { file: entry.file, field: `<${n.name}>`, ...(line ? { line } : {}), severity: "error" as const };
      const problem = (p: Pick<Problem, "message" | "fix">) => problems.push({ ...place, ...p });
      const spec = SPECS[n.name];
      if (!spec) {
        if (!imported.has(n.name)) {
          const [close] = closest(n.name, known);
          problem({
            message: `there is no component called ${n.name}`,
            fix: `use one of ${known.map((k) => `<${k}>`).join(", ")} (see content/README.md)${close ? `; did you mean <${close}>?` : ""}`,
          });
        }
        return;
      }
      const attributes = new Map((n.attributes ?? []).map((a) => [a.name, a.value]));
      for (const name of spec.required) {
        if (!attributes.has(name))
          problem({ message: `<${n.name}> needs a ${name} attribute`, fix: `write <${n.name} ${name}="…">` });
      }
      const actor = spec.actorAttribute ? attributes.get(spec.actorAttribute) : undefined;
      if (typeof actor === "string" && !actorIds.includes(actor)) {
        const message = `${spec.actorAttribute}="${actor}" is not an actor id`;
        const root = rejected.get(`actor:${actor}`);
        if (root) {
          problems.push(followingFrom({ ...place, message }, root));
          return;
        }
        const close = closest(actor, actorIds);
        problem({
          message,
          fix: close.length
            ? `did you mean "${close[0]}"?`
            : "use the file name (without .md) of an actor in content/actors/",
        });
      }
    });
    return problems;
  });
};
