/**
 * Reads content/ straight from disk, outside Astro: used by the remark plugin (which runs inside the markdown
 * pipeline, before collections exist) and by the content check. Validation goes through the same schemas Astro uses.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parse as parseYaml, parseDocument } from "yaml";
import type { z } from "astro/zod";
import type { EntryInput, ModelInput, Problem } from "./model.ts";
import {
  actorSchema,
  articleSchema,
  crossingSchema,
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
  /** The file line of a frontmatter field, e.g. ["events", 1, "date"], where it is written. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
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
  const listed = listEntries(contentDir, collection);
  const seen = new Map<string, string>();
  for (const { id, path } of listed) {
    const other = seen.get(id);
    if (other) {
      problems.push({
        file: relative(cwd, path),
        field: "file name",
        message: `the id "${id}" is also used by ${relative(cwd, other)}`,
        fix: "ids are file names without extension and must be unique: rename one of the files",
        severity: "error",
      });
    }
    seen.set(id, path);
  }
  return listed.flatMap(({ id, path }) => {
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
  const lines = new LineCounter();
  const doc = parseDocument(parts.yaml, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    problems.push({
      file,
      field: "frontmatter",
      message: `the YAML does not parse: ${error.message.split("\n")[0]}`,
      fix: "check indentation and quote any value that contains a colon",
      severity: "error",
      line: lines.linePos(error.pos[0]).line + 1,
    });
    return undefined;
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line + 1;
    }
    return undefined;
  };
  return { id, file, frontmatter: doc.toJS(), body: parts.body, bodyLine: parts.bodyLine, lineOf };
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
    for (const issue of result.error.issues) {
      const input = (issue as { input?: unknown }).input;
      const shown =
        input === undefined || (typeof input === "object" && !(input instanceof Date))
          ? undefined
          : JSON.stringify(input instanceof Date ? input.toISOString().slice(0, 10) : input);
      const value = shown === undefined || issue.message.includes(shown) ? "" : ` (got ${shown})`;
      const line = entry.lineOf(issue.path);
      problems.push({
        file: entry.file,
        field: fieldPath(issue.path) || "frontmatter",
        message: issue.message + value,
        fix: fixFor(issue),
        severity: "error",
        ...(line ? { line } : {}),
      });
    }
    return [];
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

/** Reads and validates the actors, crossings and themes: all that the mention engine needs. */
export function loadEntities(
  contentDir: string,
  problems: Problem[] = [],
  cwd?: string,
): Pick<ModelInput, "actors" | "crossings" | "themes"> {
  return {
    actors: validateEntries(readCollection(contentDir, "actors", problems, cwd), actorSchema, problems),
    crossings: validateEntries(readCollection(contentDir, "crossings", problems, cwd), crossingSchema, problems),
    themes: validateEntries(readCollection(contentDir, "themes", problems, cwd), themeSchema, problems),
  };
}

/** Reads and validates all of content/. */
export function loadContent(
  contentDir: string,
  options: { includeDrafts: boolean; cwd?: string },
): { input: ModelInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const articles = validateEntries(
    readCollection(contentDir, "articles", problems, options.cwd),
    articleSchema,
    problems,
  ).filter((a) => options.includeDrafts || !a.data.draft);
  const standing = loadStanding(contentDir, problems, options.cwd);
  return {
    input: { articles, ...loadEntities(contentDir, problems, options.cwd), ...(standing ? { standing } : {}) },
    problems,
  };
}

/** The site config: content/site.yaml. */
export function loadSiteConfig(contentDir: string): SiteData {
  const path = join(contentDir, "site.yaml");
  const result = siteSchema.safeParse(parseYaml(readFileSync(path, "utf8")));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${path}: ${fieldPath(i.path)}: ${i.message}`);
    throw new Error(lines.join("\n"));
  }
  return result.data;
}

/**
 * A cheap fingerprint of what the mention engine and entry links depend on — the entity files and their times, and
 * the article file names — so caches notice edits while the dev server runs. Articles are not stat'ed: only their
 * ids matter here, and this runs for every page rendered.
 */
export function entityFingerprint(contentDir: string): string {
  const entities = (["actors", "crossings", "themes"] as const).flatMap((c) =>
    listEntries(contentDir, c).map(({ path }) => `${path}@${statSync(path).mtimeMs}`),
  );
  return [...entities, ...listEntries(contentDir, "articles").map(({ path }) => path)].join("|");
}
