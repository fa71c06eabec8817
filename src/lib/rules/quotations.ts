/**
 * Rules about quotation marks in bodies. A quotation says "these are someone's exact words", so:
 *
 * 1. In an article body, the sentence that holds a quotation names how it was said: a verb of speech ("said",
 *    "told", "called", "described", "wrote"…) or "according to". A registered actor's name alone is not enough:
 *    in 'the TTP is still a "critical obstacle"' the only actor named is the subject, not the speaker.
 * 2. With the source texts at hand (`check:content --sources`), a quoted phrase in any body must be one a source
 *    itself puts in quotation marks. This catches scare quotes: a word the source uses in its own voice
 *    ("a launchpad for attacks") that a briefing wraps in quotation marks as if someone had said it.
 *
 * Quotations inside the `Quote` component are attributed by its `speaker` and are not checked by rule 1.
 */
import { sentencesOf, type Block } from "../blocks.ts";
import type { EntryInput, Problem } from "../model.ts";
import { bodiedEntries, type Rule } from "./context.ts";

export interface Quotation {
  /** The words between the marks. */
  text: string;
  /** Offset of the opening mark. */
  start: number;
  /** Offset after the closing mark. */
  end: number;
}

/** Curly pairs, or straight double quotes taken in pairs. Apostrophes and single quotes are not quotations here. */
const QUOTATION = /“([^“”]*)”|"([^"]*)"/g;

export function quotationsIn(text: string): Quotation[] {
  return [...text.matchAll(QUOTATION)]
    .map((m) => ({ text: m[1] ?? m[2] ?? "", start: m.index, end: m.index + m[0].length }))
    .filter((q) => /\p{L}/u.test(q.text));
}

/**
 * Verbs of speech and attribution phrases, in the forms that attribute. Bare nouns that are also verbs ("calls",
 * "claim", "state", "note") are left out because they appear in unattributed sentences ("repeated calls for
 * cooperation"); their past tenses are in.
 */
const SPEECH =
  /\b(?:says?|said|saying|tells?|told|telling|called|calling|describ(?:e|es|ed|ing)|stated|adds|added|writes|wrote|written|warn(?:s|ed)|accus(?:es|ed|ing)|claimed|alleges|insist(?:s|ed)|argu(?:es|ed)|assert(?:s|ed)|maintain(?:s|ed)|declar(?:es|ed)|announc(?:es|ed)|confirm(?:s|ed)|denie[sd]|repli(?:es|ed)|responded|noted|stress(?:es|ed)|urg(?:es|ed)|pledged|promised|tweeted|posted|quoted|termed|dubbed|labell?ed|branded|express(?:es|ed)|acknowledg(?:es|ed)|explain(?:s|ed)|according to|in (?:the|his|her|their|its) words|put it|statement|remarks)\b/i;

/** Whether a sentence names how its quotation was said. */
export function isAttributed(sentence: string): boolean {
  return SPEECH.test(sentence);
}

/** The sentence or sentences a quotation sits in: from the one holding the opening mark to the one holding the closing. */
function sentenceAround(text: string, quotation: Quotation): string {
  const sentences = sentencesOf(text);
  const first = sentences.findLast((s) => s.index <= quotation.start) ?? sentences[0];
  const last = sentences.findLast((s) => s.index < quotation.end) ?? first;
  if (!first || !last) return text;
  return text.slice(first.index, last.index + last.text.length);
}

/** The file line a quotation starts on: the block's first line plus the line breaks before it. */
function lineOf(entry: EntryInput<unknown>, block: Block, offset: number): number | undefined {
  const start = block.node.position?.start.line;
  if (start === undefined) return undefined;
  return (entry.bodyLine ?? 1) + start - 1 + (block.text.slice(0, offset).match(/\n/g)?.length ?? 0);
}

function isQuoteComponent(block: Block): boolean {
  const node = block.node as { type: string; name?: string | null };
  return node.type === "mdxJsxFlowElement" && node.name === "Quote";
}

const short = (text: string) => text.replace(/\s+/g, " ").trim();

export function unattributedQuotations(entry: EntryInput<unknown>, blocks: readonly Block[]): Problem[] {
  return blocks.flatMap((block) =>
    isQuoteComponent(block)
      ? []
      : quotationsIn(block.text).flatMap((quotation): Problem[] => {
          const sentence = sentenceAround(block.text, quotation);
          if (isAttributed(sentence)) return [];
          const line = lineOf(entry, block, quotation.start);
          return [
            {
              file: entry.file,
              field: "body",
              ...(line ? { line } : {}),
              message: `the quotation "${short(quotation.text)}" has no speaker in its sentence ("${short(sentence)}")`,
              fix: "say in the same sentence who used these words (…said, told, called, described…), or drop the quotation marks if the words are ours",
              severity: "warning",
            },
          ];
        }),
  );
}

/** Lower case, one kind of apostrophe and dash, single spaces, no punctuation at the ends: for comparing wording. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** Every phrase the sources put in quotation marks, normalised. */
export function sourceQuotations(sources: readonly string[]): string[] {
  return sources.flatMap((s) => quotationsIn(s).map((q) => normalise(q.text)));
}

export function quotationsNotInSources(
  entry: EntryInput<unknown>,
  blocks: readonly Block[],
  quoted: readonly string[],
): Problem[] {
  return blocks.flatMap((block) =>
    quotationsIn(block.text).flatMap((quotation): Problem[] => {
      const words = normalise(quotation.text);
      if (quoted.some((q) => q.includes(words))) return [];
      const line = lineOf(entry, block, quotation.start);
      return [
        {
          file: entry.file,
          field: "body",
          ...(line ? { line } : {}),
          message: `"${short(quotation.text)}" is in quotation marks, but no source quotes these words`,
          fix: "quote only words a source puts in quotation marks; where the source uses the words in its own voice, drop the marks",
          severity: "warning",
        },
      ];
    }),
  );
}

/** Rule 1: quotations in article bodies name their speaker. */
export const quotationSpeakers: Rule = ({ input, bodies }) =>
  input.articles.flatMap((entry) => unattributedQuotations(entry, bodies.of(entry).blocks));

/** Rule 2 (with the source texts): quoted words are words a source quotes. */
export const quotationsFromSources: Rule = ({ input, bodies, sources }) => {
  if (!sources) return [];
  const quoted = sourceQuotations(sources);
  return bodiedEntries(input).flatMap((entry) => quotationsNotInSources(entry, bodies.of(entry).blocks, quoted));
};
