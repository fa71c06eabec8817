/**
 * What the content check reports: one problem per mistake, as an editor reads it — file (and line), field, what is
 * wrong and how to fix it. The loaders (schemas) and the content rules (src/lib/rules/) produce them; the content
 * check, the build and the dev server print them.
 */

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
}

/** A problem as an editor reads it: file (and line), field, what is wrong and how to fix it. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.field}: ${p.message}. Fix: ${p.fix}.`;
}

/** Edit distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
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
