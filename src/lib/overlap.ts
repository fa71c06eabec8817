/**
 * Finds runs of consecutive words that a text shares with a source. The site must never republish a source's
 * sentences, so the test suite rejects any shared run of `minWords` or more words.
 */

/** Lower-cased words: letters and digits only, so punctuation, quotes and markup never break or hide a run. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface SharedRun {
  /** The shared words, joined by spaces. */
  text: string;
  /** Number of words in the run. */
  length: number;
}

/**
 * Returns every maximal run of at least `minWords` words that `text` shares with any of `sources`.
 * Uses a hash set of `minWords`-grams from the sources, so it is linear in the size of the inputs.
 */
export function sharedRuns(text: string, sources: readonly string[], minWords = 16): SharedRun[] {
  const grams = new Set<string>();
  for (const source of sources) {
    const w = words(source);
    for (let i = 0; i + minWords <= w.length; i++) grams.add(w.slice(i, i + minWords).join(" "));
  }
  const w = words(text);
  const runs: SharedRun[] = [];
  let i = 0;
  while (i + minWords <= w.length) {
    if (!grams.has(w.slice(i, i + minWords).join(" "))) {
      i++;
      continue;
    }
    let end = i + minWords;
    while (end < w.length && grams.has(w.slice(end - minWords + 1, end + 1).join(" "))) end++;
    const run = w.slice(i, end);
    runs.push({ text: run.join(" "), length: run.length });
    i = end;
  }
  return runs;
}
