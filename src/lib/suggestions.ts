/**
 * "Did you mean …?" for the search page: when a query finds nothing, the entity names and aliases closest to what
 * was typed ("Torkam" → Torkham, "Muttaki" → Muttaqi). Names come from the same entries as the mention engine and
 * follow its rules: acronyms ("TTP") match only as written, so they are never corrected; dashes, apostrophes and
 * case do not count. Pure: the search page and the tests share it.
 */
import { distance } from "./distance.ts";
import { isAcronym, normaliseName } from "./mentions.ts";

export interface Spellings {
  name: string;
  aliases: readonly string[];
  /** Site path, without the base. */
  path: string;
}

export interface Suggestion<E extends Spellings = Spellings> {
  /** The query with the misspelt name put right: what the suggestion searches for. */
  query: string;
  /** The entity's spelling it was put right to. */
  spelling: string;
  entity: E;
}

/**
 * Edits allowed between a query and a name, by the length of the shorter: none below four letters (three letters
 * are one edit from too many other words), one up to seven, two from eight. Wide enough for one slip of a finger or a
 * transliteration ("Chamman", "Torkam", "Muttaki"), narrow enough that a different name is not offered instead.
 */
export function editsAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/** A name as spelling suggestions compare it: lower-case words without diacritics or punctuation ("noorudDin"). */
function fold(text: string): string[] {
  return normaliseName(text.toLowerCase())
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .split(" ")
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
}

const MAX_SUGGESTIONS = 3;
/** A word of a longer name is offered on its own ("Nooruddin" of "Nooruddin Azizi") from this length. */
const MIN_PART = 4;

/**
 * The names closest to a query that found nothing, best first, at most three. Each puts right one run of the
 * query's words that is close to, but not exactly, a name or alias with as many words, or one word of a longer
 * name that no other entity's names share ("Noorudin" → Nooruddin, but never "Khan"). When several runs are
 * misspelt, the first suggestion puts them all right. Nothing is suggested for a run that is already a name.
 */
export function suggestSpellings<E extends Spellings>(query: string, entities: readonly E[]): Suggestion<E>[] {
  const typed = query.trim().split(/\s+/).filter(Boolean);
  const folded = typed.map((w) => fold(w).join(""));
  if (folded.every((w) => w === "")) return [];

  // Every spelling to compare against: whole names and aliases, then the words of longer ones that name one entity.
  interface Target {
    words: string[];
    spelling: string;
    entity: E;
    part: boolean;
  }
  const targets: Target[] = [];
  const owners = new Map<string, { entity: E; spelling: string } | null>();
  for (const entity of entities) {
    for (const spelling of [entity.name, ...entity.aliases]) {
      if (isAcronym(spelling)) continue;
      const words = fold(spelling);
      if (words.length === 0) continue;
      targets.push({ words, spelling, entity, part: false });
      if (words.length === 1) continue;
      for (const original of spelling.trim().split(/\s+/)) {
        const word = fold(original).join("");
        if (word.length < MIN_PART || isAcronym(original)) continue;
        const owner = owners.get(word);
        const part = original.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (owner === undefined) owners.set(word, { entity, spelling: part });
        else if (owner && owner.entity !== entity) owners.set(word, null);
      }
    }
  }
  for (const [word, owner] of owners) {
    if (owner) targets.push({ words: [word], spelling: owner.spelling, entity: owner.entity, part: true });
  }

  interface Candidate {
    start: number;
    length: number;
    target: Target;
    edits: number;
  }
  // A run of the query that is already a name or alias is right as it is: nothing is offered in its place.
  const names = new Set(targets.filter((t) => !t.part).map((t) => t.words.join(" ")));
  const best = new Map<string, Candidate>();
  for (const target of targets) {
    const joined = target.words.join(" ");
    for (let start = 0; start + target.words.length <= folded.length; start++) {
      const run = folded.slice(start, start + target.words.length).join(" ");
      if (names.has(run)) continue;
      const allowed = editsAllowed(Math.min(run.length, joined.length));
      if (Math.abs(run.length - joined.length) > allowed) continue;
      const edits = distance(run, joined);
      if (edits === 0 || edits > allowed) continue;
      // One candidate per entity and run: its closest spelling, a whole name or alias before a word of one.
      const key = `${target.entity.path} ${start} ${target.words.length}`;
      const seen = best.get(key);
      if (!seen || edits < seen.edits || (edits === seen.edits && seen.target.part && !target.part)) {
        best.set(key, { start, length: target.words.length, target, edits });
      }
    }
  }
  const candidates = [...best.values()].sort(
    (a, b) =>
      a.edits - b.edits ||
      a.start - b.start ||
      b.length - a.length ||
      Number(a.target.part) - Number(b.target.part) ||
      a.target.spelling.localeCompare(b.target.spelling),
  );
  const correct = (fixes: readonly Candidate[]) => {
    const words = [...typed];
    for (const fix of [...fixes].sort((a, b) => b.start - a.start)) {
      words.splice(fix.start, fix.length, fix.target.spelling);
    }
    return words.join(" ");
  };

  const suggestions: Suggestion<E>[] = [];
  const add = (fixed: string, c: Candidate) => {
    if (suggestions.some((s) => s.query === fixed)) return;
    suggestions.push({ query: fixed, spelling: c.target.spelling, entity: c.target.entity });
  };
  // Several misspelt runs: first the query with each put right by its best candidate.
  const covering: Candidate[] = [];
  for (const c of candidates) {
    if (covering.every((o) => c.start + c.length <= o.start || o.start + o.length <= c.start)) covering.push(c);
  }
  if (covering.length > 1) add(correct(covering), covering[0] as Candidate);
  for (const c of candidates) add(correct([c]), c);
  return suggestions.slice(0, MAX_SUGGESTIONS);
}
