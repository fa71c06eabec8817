/**
 * Rule: a name or alias is a name, not a common word. The mention engine links every whole-word match of a spelling
 * that is not all capitals, in any case, so "the" as an alias of the TTP would link "the" in every article; and one
 * that most articles use as an ordinary word ("government", "border") would send readers to one entity from every
 * article that uses the word. Two tests, each with its reason:
 *
 * - Stop words: a spelling made only of the desk's language's stop words (stopwords-iso, by the primary subtag of
 *   `lang` in site.yaml: `en-GB` → English), for every kind of entry. A list kept by others, in 50-odd languages,
 *   so that another desk in another language is covered too; no list for the language, no test.
 * - Most articles: a spelling of an actor or crossing written in lower case — as an ordinary word is, and a name
 *   never is — in more than half of the articles, once there are at least 20. Counted by the model as it matches
 *   (no second pass). Capitalised names are never counted: the TTP in most articles of a TTP desk is the point. Nor
 *   are acronyms, which the engine matches only in capitals. Themes are left out: their keywords are ordinary words
 *   by design, and a desk's main theme is rightly named in most articles. Below 20 articles a word shared by most of
 *   them says more about what the desk covers than about the word.
 */
import stopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { isAcronym, normaliseName } from "../mentions.ts";
import type { EntryInput } from "../model.ts";
import type { Problem } from "../problems.ts";
import type { ActorData, CrossingData, PlaceData, ThemeData } from "../schemas.ts";
import { at, type Rule } from "./context.ts";

/** From this many articles on, the share of articles that write a spelling in lower case is tested. */
export const MIN_ARTICLES = 20;
/** More than this share of articles writing a spelling in lower case makes it a common word. */
export const MOST = 0.5;

const LISTS = stopwords as Record<string, readonly string[]>;
const cache = new Map<string, ReadonlySet<string> | undefined>();

/** The stop words of a language tag's primary language, if stopwords-iso has them. */
export function stopWordsFor(lang: string): ReadonlySet<string> | undefined {
  const primary = lang.split("-")[0]?.toLowerCase() ?? "";
  if (!cache.has(primary)) {
    const list = LISTS[primary];
    cache.set(primary, list ? new Set(list.map((w) => normaliseName(w))) : undefined);
  }
  return cache.get(primary);
}

/** Whether a spelling is made only of stop words ("the", "of the"), as the engine compares words. */
export function isStopWords(spelling: string, stop: ReadonlySet<string>): boolean {
  const words = normaliseName(spelling).split(/[ -]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => stop.has(w));
}

type Entity = EntryInput<ActorData | CrossingData | PlaceData | ThemeData>;

export const commonWordAliases: Rule = ({ input, site, lowerCaseArticles }) => {
  const stop = site ? stopWordsFor(site.lang) : undefined;
  const language = site ? new Intl.DisplayNames(["en"], { type: "language" }).of(site.lang.split("-")[0] ?? "") : "";
  const articles = input.articles.length;
  const kinds = [
    ["actor", input.actors],
    ["crossing", input.crossings],
    ["place", input.places ?? []],
    ["theme", input.themes],
  ] as const;
  return kinds.flatMap(([kind, entries]) =>
    (entries as readonly Entity[]).flatMap((entry) =>
      [entry.data.name, ...entry.data.aliases].flatMap((spelling, i): Problem[] => {
        if (isAcronym(spelling)) return [];
        const field = i === 0 ? "name" : `aliases[${i - 1}]`;
        const fix =
          i === 0
            ? `write the ${kind}'s full name as the sources give it`
            : "remove it; register only names and spellings the sources use for this entry";
        if (stop && isStopWords(spelling, stop)) {
          return [
            {
              ...at(entry, field),
              message: `"${spelling}" is a common word (a stop word in ${language}): the mention engine would find it in almost every article and link it to this ${kind}`,
              fix,
              severity: "error",
            },
          ];
        }
        const count = lowerCaseArticles.get(normaliseName(spelling)) ?? 0;
        if (kind === "theme" || articles < MIN_ARTICLES || count <= articles * MOST) return [];
        return [
          {
            ...at(entry, field),
            message: `"${spelling}" is written in lower case, as an ordinary word, in ${count} of ${articles} articles: the mention engine would link the word to this ${kind} in each of them`,
            fix:
              i === 0
                ? `write the ${kind}'s full name as the sources give it`
                : `remove it, or register a longer spelling the sources use for this ${kind}`,
            severity: "error",
          },
        ];
      }),
    ),
  );
};
