/**
 * Reads content/ straight from disk, outside Astro: used by the remark plugin (which runs inside the markdown
 * pipeline, before collections exist) and by the content check. Validation goes through the same schemas Astro uses.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "astro/zod";
import type { EntryInput, ModelInput } from "./model.ts";
import { formatProblem, type Problem } from "./problems.ts";
import {
  actorSchema,
  articleSchema,
  crossingSchema,
  placeSchema,
  siteSchema,
  standingSchema,
  themeSchema,
  type SiteData,
  type StandingData,
} from "./schemas.ts";

export const COLLECTIONS = {
  articles: { extensions: [".mdx", ".md"] },
  actors: { extensions: [".md"] },
  crossings: { extensions: [".md"] },
  places: { extensions: [".md"] },
  themes: { extensions: [".md"] },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;

export interface RawEntry {
  id: string;
  /** Project-relative path, for messages. */
  file: string;
  frontmatter: unknown;
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
  /** The file line of a frontmatter field, e.g. ["events", 1, "date"], where it is written (see YamlWithLines). */
  lineOf: YamlWithLines["lineOf"];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Splits a markdown file into its YAML frontmatter and body. */
export function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match) return undefined;
  return {
    yaml: match[1] ?? "",
    body: source.slice(match[0].length),
    bodyLine: match[0].split("\n").length - (match[0].endsWith("\n") ? 0 : 1),
  };
}

/** The files of a collection folder, sorted, with ids from their names. */
export function listEntries(contentDir: string, collection: CollectionName): { id: string; path: string }[] {
  const dir = join(contentDir, collection);
  if (!existsSync(dir)) return [];
  const extensions: readonly string[] = COLLECTIONS[collection].extensions;
  return readdirSync(dir)
    .filter((f) => extensions.some((e) => f.endsWith(e)))
    .sort()
    .map((f) => ({ id: f.replace(/\.mdx?$/, ""), path: join(dir, f) }));
}

/** Reads one collection's files; a file that cannot be parsed becomes a problem, not an exception. */
export function readCollection(
  contentDir: string,
  collection: CollectionName,
  problems: Problem[],
  cwd = process.cwd(),
): RawEntry[] {
  // Two files with one id (`x.md`, `x.mdx`) are both read: the duplicate-ids rule reports them.
  return listEntries(contentDir, collection).flatMap(({ id, path }) => {
    const entry = readEntry(path, id, problems, cwd);
    return entry ? [entry] : [];
  });
}

/** Reads one entry's file; a file that cannot be parsed becomes a problem, not an exception. */
export function readEntry(path: string, id: string, problems: Problem[], cwd = process.cwd()): RawEntry | undefined {
  const file = relative(cwd, path);
  const source = readFileSync(path, "utf8");
  const parts = splitFrontmatter(source);
  if (!parts) {
    problems.push({
      file,
      field: "frontmatter",
      message: "the file does not start with a frontmatter block",
      fix: "begin the file with a line '---', the fields, and another '---' (see content/README.md)",
      severity: "error",
      line: 1,
    });
    return undefined;
  }
  // The YAML starts on the file's second line, after the opening '---'.
  const yaml = parseYamlWithLines(parts.yaml, 2);
  if ("error" in yaml) {
    problems.push(yamlProblem(file, "frontmatter", yaml.error));
    return undefined;
  }
  return { id, file, frontmatter: yaml.value, body: parts.body, bodyLine: parts.bodyLine, lineOf: yaml.lineOf };
}

interface YamlWithLines {
  value: unknown;
  /**
   * The file line of the value at a path, or of the nearest enclosing value that is written; with `key`, the line of
   * the path's last key itself (a block value starts on the line after its key).
   */
  lineOf: (path: readonly PropertyKey[], key?: boolean) => number | undefined;
}

/** Parses YAML keeping where each value is; `firstLine` is the file line the YAML text starts on. */
function parseYamlWithLines(
  text: string,
  firstLine: number,
): YamlWithLines | { error: { message: string; line: number } } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number) => lines.linePos(offset).line + firstLine - 1;
  const error = doc.errors[0];
  if (error) return { error: { message: error.message.split("\n")[0] ?? "", line: lineAt(error.pos[0]) } };
  const lineOf = (path: readonly PropertyKey[], key = false): number | undefined => {
    const parent = key && path.length > 0 ? doc.getIn(path.slice(0, -1) as (string | number)[], true) : undefined;
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1)) : undefined;
    if (isScalar(pair?.key) && pair.key.range) return lineAt(pair.key.range[0]);
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  return { value: doc.toJS(), lineOf };
}

function yamlProblem(file: string, field: string, error: { message: string; line: number }): Problem {
  return {
    file,
    field,
    message: `the YAML does not parse: ${error.message}`,
    fix: "check indentation and quote any value that contains a colon",
    severity: "error",
    line: error.line,
  };
}

/** The file of "Where things stand", which a desk may leave out. */
export const STANDING_FILE = "standing.md";

/** Reads and validates content/standing.md, if the desk has one. */
export function loadStanding(
  contentDir: string,
  problems: Problem[] = [],
  cwd?: string,
): EntryInput<StandingData> | undefined {
  const path = join(contentDir, STANDING_FILE);
  if (!existsSync(path)) return undefined;
  const entry = readEntry(path, "standing", problems, cwd);
  return entry ? validateEntries([entry], standingSchema, problems)[0] : undefined;
}

/** Turns a schema issue path like ["events", 1, "date"] into `events[1].date`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/** Validates raw entries against a schema, collecting one problem per issue, with its line and the bad value. */
export function validateEntries<S extends z.ZodType>(
  entries: RawEntry[],
  schema: S,
  problems: Problem[],
): EntryInput<z.output<S>>[] {
  return entries.flatMap((entry) => {
    const result = schema.safeParse(entry.frontmatter ?? {}, { reportInput: true });
    if (result.success) {
      return [
        {
          id: entry.id,
          file: entry.file,
          data: result.data,
          body: entry.body,
          bodyLine: entry.bodyLine,
          lineOf: (field: string) => entry.lineOf(pathOf(field)),
        },
      ];
    }
    problems.push(...issueProblems(result.error.issues, entry.file, entry.lineOf, "frontmatter"));
    return [];
  });
}

/** One problem per schema issue, with its line and the bad value; `root` names the whole (an issue with no path). */
function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: YamlWithLines["lineOf"],
  root: string,
): Problem[] {
  return issues.map((issue) => {
    const input = (issue as { input?: unknown }).input;
    const shown =
      input === undefined || (typeof input === "object" && !(input instanceof Date))
        ? undefined
        : JSON.stringify(input instanceof Date ? input.toISOString().slice(0, 10) : input);
    const value = shown === undefined || issue.message.includes(shown) ? "" : ` (got ${shown})`;
    // An unknown key is on its own line; the issue's path is the object that holds it.
    const line =
      issue.code === "unrecognized_keys" ? lineOf([...issue.path, issue.keys[0] ?? ""], true) : lineOf(issue.path);
    return {
      file,
      field: fieldPath(issue.path) || root,
      message: issue.message + value,
      fix: fixFor(issue),
      severity: "error",
      ...(line ? { line } : {}),
    };
  });
}

/** The inverse of fieldPath: `events[1].date` → ["events", 1, "date"]. */
export function pathOf(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? "")));
}

function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `remove or rename ${issue.keys.join(", ")} (see content/README.md for the fields)`;
  if (issue.code === "invalid_type" && issue.input === undefined) return "add the field (see content/README.md)";
  return "see content/README.md for what this field takes";
}

/** Reads and validates the actors, crossings, places and themes: all that the mention engine needs. */
export function loadEntities(
  contentDir: string,
  problems: Problem[] = [],
  cwd?: string,
): Required<Pick<ModelInput, "actors" | "crossings" | "places" | "themes">> {
  return {
    actors: validateEntries(readCollection(contentDir, "actors", problems, cwd), actorSchema, problems),
    crossings: validateEntries(readCollection(contentDir, "crossings", problems, cwd), crossingSchema, problems),
    places: validateEntries(readCollection(contentDir, "places", problems, cwd), placeSchema, problems),
    themes: validateEntries(readCollection(contentDir, "themes", problems, cwd), themeSchema, problems),
  };
}

/** An entry whose file is there but fails its schema: it is missing from the site, and `problem` says why. */
export interface RejectedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  /** Its first problem: the root of every failed reference to it. */
  problem: Problem;
}

/** Reads and validates all of content/. */
export function loadContent(
  contentDir: string,
  options: { includeDrafts: boolean; cwd?: string },
): { input: ModelInput; problems: Problem[]; rejected: RejectedEntry[] } {
  const problems: Problem[] = [];
  const articles = validateEntries(
    readCollection(contentDir, "articles", problems, options.cwd),
    articleSchema,
    problems,
  );
  const entities = loadEntities(contentDir, problems, options.cwd);
  const standing = loadStanding(contentDir, problems, options.cwd);
  const loaded = new Set(
    [articles, entities.actors, entities.crossings, entities.places, entities.themes].flat().map((e) => e.file),
  );
  const firstProblem = new Map<string, Problem>();
  for (const p of problems) if (!firstProblem.has(p.file)) firstProblem.set(p.file, p);
  const rejected = (Object.keys(COLLECTIONS) as CollectionName[]).flatMap((collection) =>
    listEntries(contentDir, collection).flatMap(({ id, path }) => {
      const file = relative(options.cwd ?? process.cwd(), path);
      const problem = firstProblem.get(file);
      return loaded.has(file) || !problem ? [] : [{ collection, id, file, problem }];
    }),
  );
  return {
    input: {
      articles: articles.filter((a) => options.includeDrafts || !a.data.draft),
      ...entities,
      ...(standing ? { standing } : {}),
    },
    problems,
    rejected,
  };
}

/**
 * The site's settings, content/site.yaml, checked like every entry: a file that is missing, YAML that does not
 * parse, an unknown key or a bad value is a problem naming the line and the field, never an exception.
 */
export function readSiteConfig(contentDir: string, cwd = process.cwd()): { site?: SiteData; problems: Problem[] } {
  const path = join(contentDir, "site.yaml");
  const file = relative(cwd, path);
  if (!existsSync(path)) {
    const fix = "add it with title, description, lang and intro (see content/README.md, “The site's identity”)";
    return { problems: [{ file, field: "file", message: "there is no site.yaml", fix, severity: "error" }] };
  }
  const yaml = parseYamlWithLines(readFileSync(path, "utf8"), 1);
  if ("error" in yaml) return { problems: [yamlProblem(file, "settings", yaml.error)] };
  const result = siteSchema.safeParse(yaml.value ?? {}, { reportInput: true });
  if (result.success) return { site: result.data, problems: [] };
  return { problems: issueProblems(result.error.issues, file, yaml.lineOf, "settings") };
}

/** The site's settings, for code that runs only once the content check has passed (it throws otherwise). */
export function loadSiteConfig(contentDir: string): SiteData {
  const { site, problems } = readSiteConfig(contentDir);
  if (!site) throw new Error(problems.map(formatProblem).join("\n"));
  return site;
}

/** The entries and the site's settings: everything the content check reads. */
export function loadDesk(
  contentDir: string,
  options: { includeDrafts: boolean; cwd?: string },
): ReturnType<typeof loadContent> & { site?: SiteData } {
  const { site, problems } = readSiteConfig(contentDir, options.cwd);
  const content = loadContent(contentDir, options);
  return { ...content, problems: [...problems, ...content.problems], ...(site ? { site } : {}) };
}

/**
 * A cheap fingerprint of what the mention engine and entry links depend on — the entity files and their times, and
 * the article file names — so caches notice edits while the dev server runs. Articles are not stat'ed: only their
 * ids matter here, and this runs for every page rendered.
 */
export function entityFingerprint(contentDir: string): string {
  const entities = (["actors", "crossings", "places", "themes"] as const).flatMap((c) =>
    listEntries(contentDir, c).map(({ path }) => `${path}@${statSync(path).mtimeMs}`),
  );
  return [...entities, ...listEntries(contentDir, "articles").map(({ path }) => path)].join("|");
}
