/**
 * What the content check reports: one problem per mistake, as an editor reads it — file (and line), field, what is
 * wrong and how to fix it. The loaders (schemas) and the content rules (src/lib/rules/) produce them; the content
 * check, the build and the dev server print them.
 */
import { distance } from "./distance.ts";

export { distance };

export interface Problem {
  file: string;
  /** The frontmatter field or body place, e.g. `actors[2]` or `body, paragraph 3`. */
  field: string;
  message: string;
  fix: string;
  /** Errors stop the check and the build; warnings are printed. */
  severity: "error" | "warning";
  /** The file line, where it is known. */
  line?: number;
  /**
   * The problem this one follows from, reported on its own: an entry that fails its schema is missing from the site,
   * so every reference to it fails too. Its fix is then to correct the root's file.
   */
  cause?: Problem;
}

/** Where a problem is: `file:line: field`. */
function where(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.field}`;
}

/**
 * A problem as an editor reads it: file (and line), field, what is wrong and how to fix it; one that follows from
 * another names where that one is, e.g. `… Fix: correct content/articles/x.mdx (follows from:
 * content/articles/x.mdx:3: published).`
 */
export function formatProblem(p: Problem): string {
  const cause = p.cause ? ` (follows from: ${where(p.cause)})` : "";
  return `${where(p)}: ${p.message}. Fix: ${p.fix}${cause}.`;
}

/** A problem that only follows from `root` (a reference to an entry that fails its schema). */
export function followingFrom(problem: Omit<Problem, "fix" | "cause">, root: Problem): Problem {
  return { ...problem, fix: `correct ${root.file}`, cause: root };
}

/** The known ids closest to a mistyped one: within a third of its length, best first, at most three. */
export function closest(id: string, known: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor(id.length / 3));
  return known
    .map((k) => ({ k, d: distance(id, k) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map(({ k }) => k);
}
