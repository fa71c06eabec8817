/**
 * The content rules that look across entries: each lives in its own module with its own table of cases, returns
 * problems and derives nothing. The model runs them once per build, over what it has already parsed.
 */
import type { Block } from "../blocks.ts";
import type { EntityKey, EntryInput, Problem } from "../model.ts";
import type { ArticleData } from "../schemas.ts";
import { eventAfterProblems } from "./event-after.ts";
import { eventDateProblems } from "./event-dates.ts";
import { eventIdProblems } from "./event-ids.ts";
import { overviewCitationProblems } from "./overview-citations.ts";
import { unattributedQuotations } from "./quotations.ts";

export interface RuleInput {
  articles: readonly { entry: EntryInput<ArticleData>; blocks: readonly Block[]; tagged: readonly EntityKey[] }[];
  /** Actors, crossings and themes, with their overviews. */
  entities: readonly { key: EntityKey; entry: EntryInput<unknown> }[];
}

export function ruleProblems({ articles, entities }: RuleInput): Problem[] {
  const tagsOf = new Map(articles.map((a) => [a.entry.id, a.tagged]));
  return [
    ...articles.flatMap(({ entry, blocks }) => [
      ...eventDateProblems(entry, blocks),
      ...unattributedQuotations(entry, blocks),
    ]),
    ...entities.flatMap(({ key, entry }) => overviewCitationProblems(entry, key, tagsOf)),
    ...eventIdProblems(articles.map((a) => a.entry)),
    ...eventAfterProblems(articles.map((a) => a.entry)),
  ];
}
