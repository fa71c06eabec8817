/**
 * Rule: an overview cites only articles that tag its entity. An entity's page lists the articles that tag it (and,
 * for actors, crossings and places, those that name it, which the content check already requires to tag it); an overview
 * citing any other article states something the page's own list of sources does not support, and usually means
 * either the article should carry the tag or the overview has drifted from what the article is about.
 */
import type { EntityKind } from "../mentions.ts";
import { collectionOf, type EntityKey, type EntryInput, type Problem } from "../model.ts";
import type { Rule } from "./context.ts";

const CITATION = /\]\(article:([^)\s]+)\)/g;

export function overviewCitationProblems(
  entry: EntryInput<unknown>,
  entity: EntityKey,
  /** The entities each article tags, by article id. */
  tagsOf: ReadonlyMap<string, readonly EntityKey[]>,
): Problem[] {
  const [kind, id] = entity.split(":") as [EntityKind, string];
  return [...entry.body.matchAll(CITATION)].flatMap((match): Problem[] => {
    const article = match[1] ?? "";
    const tags = tagsOf.get(article);
    // A link to no article is reported by the link check.
    if (!tags || tags.includes(entity)) return [];
    const line = (entry.bodyLine ?? 1) + entry.body.slice(0, match.index).split("\n").length - 1;
    const field = collectionOf[kind];
    return [
      {
        file: entry.file,
        field: "body",
        line,
        message: `the overview cites article:${article}, which does not tag ${kind} "${id}", so the article is missing from this page's own list`,
        fix: `cite an article that tags ${id}, or, if ${article} is substantially about it, add ${id} to its ${field}`,
        severity: "warning",
      },
    ];
  });
}

export const overviewCitations: Rule = ({ model }) => {
  const tagsOf = new Map(model.articles.map((a) => [a.id, a.tagged]));
  return [...model.entities.values()].flatMap(({ entity }) =>
    overviewCitationProblems(entity.entry, entity.key, tagsOf),
  );
};
