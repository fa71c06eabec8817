/**
 * The content check: the model derived from the content, and every content rule run over it, once. The content
 * check CLI, the production build (which then hands the same model to the pages, see prebuilt.ts) and the dev
 * server all call this; nothing else runs the rules.
 */
import type { RejectedEntry } from "./content-files.ts";
import { deriveModel, type Derivation, type Model, type ModelInput } from "./model.ts";
import type { Problem } from "./problems.ts";
import type { SiteData } from "./schemas.ts";
import { RULES, type RuleContext } from "./rules/index.ts";

export interface CheckOptions {
  /** Today's date, `YYYY-MM-DD`: publication dates after it are errors. Defaults to the clock's. */
  today?: string;
  /** The source texts (`check:content --sources`): enables the rules that compare with them. */
  sources?: readonly string[];
}

/** Content as the loader returns it: the valid entries, and the problems of the files that are not. */
export interface LoadedContent {
  input: ModelInput;
  problems?: readonly Problem[];
  /** Entries whose file is there but fails its schema: references to them follow from their problem. */
  rejected?: readonly RejectedEntry[];
  /** The site's settings (content/site.yaml), when they are valid. */
  site?: SiteData;
}

const KIND = {
  articles: "article",
  actors: "actor",
  crossings: "crossing",
  places: "place",
  themes: "theme",
} as const;

export interface CheckedContent {
  model: Model;
  /** The loader's problems first, then the rules', file by file. */
  problems: Problem[];
}

/** Derives the model and runs every rule over it. */
export function checkContent(content: LoadedContent, options: CheckOptions = {}): CheckedContent {
  const derivation = deriveModel(content.input);
  return { model: derivation.model, problems: checkDerivation(content, derivation, options) };
}

/** Runs every rule over a model already derived (the build times the two apart). */
export function checkDerivation(content: LoadedContent, derivation: Derivation, options: CheckOptions = {}): Problem[] {
  const context = ruleContext(content, derivation, options);
  return [
    ...(content.problems ?? []),
    ...byFile(
      RULES.flatMap((rule) => rule(context)),
      content.input,
    ),
  ];
}

/** What the rules are given: the content, the model and what deriving it parsed. */
export function ruleContext(content: LoadedContent, derivation: Derivation, options: CheckOptions = {}): RuleContext {
  const { model, bodies, nameClash, lowerCaseArticles } = derivation;
  return {
    input: content.input,
    model,
    bodies,
    lowerCaseArticles,
    rejected: new Map((content.rejected ?? []).map((r) => [`${KIND[r.collection]}:${r.id}` as const, r.problem])),
    today: options.today ?? new Date().toISOString().slice(0, 10),
    ...(nameClash ? { nameClash } : {}),
    ...(content.site ? { site: content.site } : {}),
    ...(options.sources ? { sources: options.sources } : {}),
  };
}

/**
 * Problems grouped by file, in the order the files are read (articles, actors, crossings, places, themes), each file's in
 * the order of the rules; a problem about another file comes last.
 */
function byFile(problems: Problem[], input: ModelInput): Problem[] {
  const order = new Map<string, number>();
  for (const entries of [
    input.articles,
    input.actors,
    input.crossings,
    input.places ?? [],
    input.themes,
    input.standing ? [input.standing] : [],
  ])
    for (const entry of entries) if (!order.has(entry.file)) order.set(entry.file, order.size);
  const rank = (p: Problem) => order.get(p.file) ?? order.size;
  // Array#sort is stable: within a file, the rules' order is kept.
  return problems.sort((a, b) => rank(a) - rank(b));
}
