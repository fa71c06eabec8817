/**
 * Edit distance, for "did you mean" suggestions: the content check's unknown ids and the search page's misspelt
 * names. Pure and dependency-free, so the browser bundle can share it with the build.
 */

/** Levenshtein distance: the fewest insertions, deletions and substitutions that turn `a` into `b`. */
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
