/**
 * The mention engine: finds the registered entities a text names, by name and alias. It is the only place where
 * names are matched; the remark plugin, the site model and the content check all use it.
 *
 * Rules: whole words only; the longest name wins and matches never overlap ("Tehrik-i-Taliban Pakistan" is the TTP,
 * not the Taliban); all-capital names ("TTP", "U.S.") match only in capitals, other names in any case; curly and
 * straight apostrophes, and the various dashes, count as the same character.
 *
 * Matching walks a character trie from each word start, so its cost grows with the length of the text and the
 * length of the longest name, not with the number of names.
 */

export type EntityKind = "actor" | "crossing" | "place" | "theme";

/**
 * The kinds whose first mention in prose becomes a link: names of things a reader may want to look up. A theme's
 * keywords ("trucks", "delegation") are ordinary words; linking them reads as clutter (Wikipedia's manual of style on
 * overlinking), so they only tag, feed the content check and search. Themes are still matched, so that a longer
 * keyword keeps a shorter name inside it from being linked.
 */
export const LINKED_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(["actor", "crossing", "place"]);

export interface MentionTarget {
  kind: EntityKind;
  id: string;
  /** The name and every alias. */
  names: readonly string[];
  /** Where the entry came from, for error messages (e.g. "content/actors/ttp.md"). */
  source?: string;
}

export interface Mention {
  kind: EntityKind;
  id: string;
  /** Offset of the first character in the searched text. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** The text as written. */
  text: string;
}

/** Two entries claim the same name: the engine cannot tell them apart. */
export class AmbiguousNameError extends Error {
  /** The shared name. */
  readonly alias: string;
  readonly first: MentionTarget;
  readonly second: MentionTarget;

  constructor(alias: string, first: MentionTarget, second: MentionTarget) {
    super(
      `"${alias}" is a name of both ${describe(first)} and ${describe(second)}. ` +
        `Fix: keep it on one entry and remove it from the other's name or aliases.`,
    );
    this.name = "AmbiguousNameError";
    this.alias = alias;
    this.first = first;
    this.second = second;
  }
}

function describe(target: MentionTarget): string {
  return target.source ?? `${target.kind} "${target.id}"`;
}

const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4]/;
const DASHES = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const SPACES = /\s/;
const WORD = /[\p{L}\p{N}]/u;

/** Maps one character to its canonical form without changing the text's length, so offsets stay valid. */
function fold(char: string): string {
  if (APOSTROPHES.test(char)) return "'";
  if (DASHES.test(char)) return "-";
  if (SPACES.test(char)) return " ";
  return char;
}

function lower(char: string): string {
  const l = char.toLowerCase();
  return l.length === char.length ? l : char;
}

/**
 * A name in the form the engine compares: folded punctuation and single spaces; lower case unless it is an acronym.
 * Search uses it to recognise an entity's name or alias in a query.
 */
export function normaliseName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  const acronym = isAcronym(trimmed);
  return [...trimmed].map((c) => (acronym ? fold(c) : lower(fold(c)))).join("");
}

/** A name with no lower-case letter ("TTP", "ISIS-K", "U.S.") is an acronym and matches only as written. */
export function isAcronym(name: string): boolean {
  return !/\p{Ll}/u.test(name) && /\p{Lu}/u.test(name);
}

interface Node {
  next: Map<string, Node>;
  target?: MentionTarget;
}

function newNode(): Node {
  return { next: new Map() };
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/**
 * One character as the matcher compares it: folded; folded and lower-cased; whether it is part of a word; and its
 * length in the text (UTF-16 code units), which offsets count, whatever folding makes of it.
 */
interface Folded {
  exact: string;
  caseless: string;
  word: boolean;
  units: number;
}

// The matcher reads every character of every body, in the model and again in the remark plugin: it looks each one
// up here instead of running the regular expressions again (the matcher took 1.7 s of a 1,000-article build, most of
// it in them, profiled with --cpu-prof). The characters are the corpus's own, so the table stays small; ASCII, most
// of every body, is looked up by its code.
const FOLDED = new Map<string, Folded>();
const ASCII: Folded[] = [];

function foldedOf(char: string): Folded {
  let known = FOLDED.get(char);
  if (!known) {
    const exact = fold(char);
    FOLDED.set(char, (known = { exact, caseless: lower(exact), word: isWordChar(char), units: char.length }));
  }
  return known;
}
for (let code = 0; code < 128; code++) ASCII.push(foldedOf(String.fromCharCode(code)));

/** The character (code point) that starts at `i`, a UTF-16 offset into `text`. */
function charAt(text: string, i: number): Folded {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII[code] as Folded;
  // A surrogate pair is one character; a lone surrogate is one of its own.
  const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
  const next = pair ? text.charCodeAt(i + 1) : 0;
  return foldedOf(pair && next >= 0xdc00 && next <= 0xdfff ? text.slice(i, i + 2) : text.charAt(i));
}

export class MentionMatcher {
  readonly #exact = newNode();
  readonly #folded = newNode();
  readonly #claimed = new Map<string, MentionTarget>();

  /** @throws AmbiguousNameError when two targets share a name. */
  constructor(targets: Iterable<MentionTarget>) {
    for (const target of targets) {
      for (const raw of new Set(target.names)) {
        const name = raw.trim().replace(/\s+/g, " ");
        if (name === "") continue;
        const acronym = isAcronym(name);
        const key = [...name].map((c) => (acronym ? fold(c) : lower(fold(c)))).join("");
        const claimKey = (acronym ? "=" : "~") + key;
        const previous = this.#claimed.get(claimKey);
        if (previous && (previous.kind !== target.kind || previous.id !== target.id)) {
          throw new AmbiguousNameError(name, previous, target);
        }
        this.#claimed.set(claimKey, target);
        let node = acronym ? this.#exact : this.#folded;
        for (const char of key) {
          let child = node.next.get(char);
          if (!child) node.next.set(char, (child = newNode()));
          node = child;
        }
        node.target = target;
      }
    }
  }

  /**
   * Every mention in `text`, in order, without overlaps. It walks the text by UTF-16 offsets (what String#slice and
   * the mentions' offsets count), a character (code point) at a time, without copying it: spreading each text into
   * an array of characters first took 2.8 times as long (the 1,000-article desk's bodies, 5.1 million characters:
   * 361 against 130 ms, medians of five alternating runs).
   */
  find(text: string): Mention[] {
    const mentions: Mention[] = [];
    let previousIsWord = false;
    let i = 0;
    while (i < text.length) {
      const char = charAt(text, i);
      if (!char.word || previousIsWord) {
        previousIsWord = char.word;
        i += char.units;
        continue;
      }
      const match = this.#longestAt(text, i);
      if (match) {
        mentions.push({
          kind: match.target.kind,
          id: match.target.id,
          start: i,
          end: match.end,
          text: text.slice(i, match.end),
        });
        // A name ends at a word boundary: the character after it is not part of a word.
        previousIsWord = false;
        i = match.end;
      } else {
        previousIsWord = true;
        i += char.units;
      }
    }
    return mentions;
  }

  /** The longest name that starts at offset `start`: where it ends (an offset) and whose it is. */
  #longestAt(text: string, start: number): { end: number; target: MentionTarget } | undefined {
    let best: { end: number; target: MentionTarget } | undefined;
    for (const caseless of [false, true]) {
      let node: Node | undefined = caseless ? this.#folded : this.#exact;
      let previousIsSpace = false;
      for (let j = start; j < text.length && node;) {
        const char = charAt(text, j);
        const end = j + char.units;
        // A run of white space (a line break inside a name, say) counts as one space.
        const space = char.exact === " ";
        if (space && previousIsSpace) {
          j = end;
          continue;
        }
        previousIsSpace = space;
        node = node.next.get(caseless ? char.caseless : char.exact);
        if (node?.target && !(end < text.length && charAt(text, end).word) && (!best || end > best.end)) {
          // A name ending in punctuation ("U.S.") still needs a boundary after its last letter.
          best = { end, target: node.target };
        }
        j = end;
      }
    }
    return best;
  }
}
