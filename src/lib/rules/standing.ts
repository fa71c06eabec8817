/**
 * Rule: "Where things stand" (content/standing.md) is held to its sources like any entry, and more strictly, since it
 * opens the home page: every bullet and paragraph cites an article (an error, not a warning), and `asOf` is a date
 * the summary can truly describe — not before the newest article it cites, not in the future. A summary older than
 * the newest article is allowed, with a warning: it may be stale, and the page says so.
 */
import { citedIn, type Block } from "../blocks.ts";
import { formatPartialDate, parsePartialDate } from "../dates.ts";
import type { EntryInput, Problem } from "../model.ts";
import type { StandingData } from "../schemas.ts";
import type { Rule } from "./context.ts";

export interface StandingRuleInput {
  entry: EntryInput<StandingData>;
  blocks: readonly Block[];
  /** Publication date (`YYYY-MM-DD`) of every article, by id. */
  published: ReadonlyMap<string, string>;
  /** Today, `YYYY-MM-DD`. */
  today: string;
}

const long = (iso: string) => {
  const date = parsePartialDate(iso);
  return typeof date === "string" ? iso : formatPartialDate(date);
};

export function standingProblems({ entry, blocks, published, today }: StandingRuleInput): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string, line?: number) => ({ file: entry.file, field, ...(line ? { line } : {}) });
  const asOfLine = entry.lineOf?.("asOf");
  if (blocks.length === 0) {
    problems.push({
      ...at("body", entry.bodyLine),
      message: "the summary has no bullets",
      fix: "write a few bullets on where things stand, each ending with its source, e.g. ([20 Apr 2025](article:<id>))",
      severity: "error",
    });
  }
  let newestCited: { id: string; published: string } | undefined;
  for (const block of blocks) {
    const line = block.node.position ? block.node.position.start.line + (entry.bodyLine ?? 1) - 1 : undefined;
    const cited = citedIn(block);
    if (cited.length === 0) {
      const what = block.anchor.type === "listItem" ? "bullet" : "paragraph";
      const text = block.text.replace(/\s+/g, " ").trim();
      problems.push({
        ...at("body", line),
        message: `the ${what} "${text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text}" cites no article`,
        fix: "end it with a link to the article it comes from, e.g. ([20 Apr 2025](article:<id>)), or delete it",
        severity: "error",
      });
    }
    for (const id of cited) {
      // A link to no article is reported by the link check.
      const date = published.get(id);
      if (date && (!newestCited || date > newestCited.published)) newestCited = { id, published: date };
    }
  }
  const { asOf } = entry.data;
  if (asOf > today) {
    problems.push({
      ...at("asOf", asOfLine),
      message: `"${asOf}" is in the future (today is ${today})`,
      fix: "write the day the summary describes",
      severity: "error",
    });
  } else if (newestCited && asOf < newestCited.published) {
    problems.push({
      ...at("asOf", asOfLine),
      message: `"${asOf}" is before ${long(newestCited.published)}, when article:${newestCited.id}, which the summary cites, was published`,
      fix: `set asOf to ${newestCited.published} or later`,
      severity: "error",
    });
  }
  const newer = [...published].filter(([, date]) => date > asOf).sort((a, b) => b[1].localeCompare(a[1]));
  const [newest] = newer;
  if (newest && asOf <= today) {
    problems.push({
      ...at("asOf", asOfLine),
      message: `the summary is as of ${long(asOf)}, but ${newer.length} ${newer.length === 1 ? "article has" : "articles have"} been published since, the newest article:${newest[0]} on ${long(newest[1])}`,
      fix: "check the bullets against the newer articles, then move asOf on",
      severity: "warning",
    });
  }
  return problems;
}

export const standing: Rule = ({ input, bodies, today }) =>
  input.standing
    ? standingProblems({
        entry: input.standing,
        blocks: bodies.of(input.standing).blocks,
        published: new Map(input.articles.map((a) => [a.id, a.data.published])),
        today,
      })
    : [];
