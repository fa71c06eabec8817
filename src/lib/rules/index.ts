/**
 * Every content rule, in the order their problems are listed within a file. Each lives in its own module with its
 * own table of cases (tests/unit/rules/), returns problems and derives nothing; check.ts runs them once per build
 * over the model and what it has already parsed. A new rule is a new module and one line here.
 */
import { bodySyntax } from "./body-syntax.ts";
import { commonWordAliases } from "./common-word-aliases.ts";
import { components } from "./components.ts";
import type { Rule } from "./context.ts";
import { copiedText } from "./copied-text.ts";
import { duplicateIds } from "./duplicate-ids.ts";
import { entryLinks } from "./entry-links.ts";
import { eventAfter } from "./event-after.ts";
import { eventDates } from "./event-dates.ts";
import { eventIds } from "./event-ids.ts";
import { eventReferences } from "./event-references.ts";
import { eventsAfterPublication } from "./events-after-publication.ts";
import { futurePublication } from "./future-publication.ts";
import { mdxCode } from "./mdx-code.ts";
import { mentionsAndTags } from "./mentions-and-tags.ts";
import { nameClashes } from "./name-clashes.ts";
import { overviewCitations } from "./overview-citations.ts";
import { placeReferences } from "./place-references.ts";
import { quotationsFromSources, quotationSpeakers } from "./quotations.ts";
import { roleSources } from "./role-sources.ts";
import { standing } from "./standing.ts";
import { statusWithoutCrossing } from "./status-without-crossing.ts";
import { uncitedParagraphs } from "./uncited-paragraphs.ts";
import { unknownReferences } from "./unknown-references.ts";

export type { Rule, RuleContext } from "./context.ts";

export const RULES: readonly Rule[] = [
  // Files and names.
  duplicateIds,
  nameClashes,
  commonWordAliases,
  // Frontmatter.
  futurePublication,
  unknownReferences,
  placeReferences,
  // Bodies.
  bodySyntax,
  mdxCode,
  components,
  mentionsAndTags,
  // Events.
  eventReferences,
  eventsAfterPublication,
  statusWithoutCrossing,
  // Links and overviews.
  entryLinks,
  uncitedParagraphs,
  roleSources,
  eventDates,
  quotationSpeakers,
  overviewCitations,
  eventIds,
  eventAfter,
  // "Where things stand".
  standing,
  // With the source texts only.
  copiedText,
  quotationsFromSources,
];
