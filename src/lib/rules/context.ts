/**
 * What every content rule is given, and the shape of a rule. A rule is a small pure function from this context to
 * the problems it finds; it derives nothing the pages use, and it reads what the model has already parsed and
 * matched instead of doing it again.
 */
import type { AmbiguousNameError, EntityKind } from "../mentions.ts";
import type { EntryInput, Model, ModelInput } from "../model.ts";
import type { ParsedBodies } from "../parsed-bodies.ts";
import type { Problem } from "../problems.ts";
import type { SiteData } from "../schemas.ts";

export interface RuleContext {
  /** The validated entries, with their files and lines. */
  input: ModelInput;
  /** The site model derived from them. */
  model: Model;
  /** Every body, parsed once (articles by the model, the rest on first use). */
  bodies: ParsedBodies;
  /** Per spelling the engine matched written without a capital, the number of articles that write it so. */
  lowerCaseArticles: ReadonlyMap<string, number>;
  /** Set when two entries claim the same name (the model then has no mentions). */
  nameClash?: AmbiguousNameError;
  /**
   * Entries whose file is there but fails its schema, by `<kind>:<id>` (`article:x`, `actor:y`), with the problem
   * that keeps each out of the site. A reference to one follows from that problem (see followingFrom).
   */
  rejected: ReadonlyMap<EntryKey, Problem>;
  /** The site's settings (content/site.yaml); missing when they do not pass their own check. */
  site?: SiteData;
  /** Today's date, `YYYY-MM-DD`. */
  today: string;
  /** The source texts (`check:content --sources`), when given. */
  sources?: readonly string[];
}

export type Rule = (context: RuleContext) => Problem[];

/** What an editor's reference names: an article or an entity, e.g. `article:talks-in-kabul`. */
export type EntryKey = `${EntityKind | "article"}:${string}`;

/** Where a problem about `field` of `entry` is: its file, the field, and the field's line where it is known. */
export function at(
  entry: Pick<EntryInput<unknown>, "file" | "lineOf">,
  field: string,
  line: number | undefined = entry.lineOf?.(field),
): Pick<Problem, "file" | "field" | "line"> {
  return { file: entry.file, field, ...(line ? { line } : {}) };
}

/** The file line of an offset in an entry's body. */
export function bodyLine(entry: Pick<EntryInput<unknown>, "body" | "bodyLine">, offset: number): number {
  return (entry.bodyLine ?? 1) + entry.body.slice(0, offset).split("\n").length - 1;
}

/** The file line of a line of an entry's body (1-based, as the parser counts). */
export function fileLine(entry: Pick<EntryInput<unknown>, "bodyLine">, line: number): number {
  return line + (entry.bodyLine ?? 1) - 1;
}

/** Every entry with a body an editor writes: articles, actors, crossings, places, themes and "Where things stand". */
export function bodiedEntries(input: ModelInput): EntryInput<unknown>[] {
  return [...input.articles, ...entityEntries(input), ...(input.standing ? [input.standing] : [])];
}

/** Every actor, crossing, place and theme entry, in that order. */
export function entityEntries(input: ModelInput): EntryInput<unknown>[] {
  return [...input.actors, ...input.crossings, ...(input.places ?? []), ...input.themes];
}
