/**
 * A small desk for the rules' tables: entries written as real files (frontmatter through `yaml`), read by the real
 * loader and schemas — so lines are the lines an editor sees — and the model derived from them. Each case runs one
 * rule, and compares the problems as the content check prints them (paths relative to the desk).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { stringify } from "yaml";
import { loadContent } from "../../../src/lib/content-files.ts";
import { ruleContext, type CheckOptions } from "../../../src/lib/check.ts";
import { deriveModel } from "../../../src/lib/model.ts";
import { formatProblem, type Problem } from "../../../src/lib/problems.ts";
import type { Rule, RuleContext } from "../../../src/lib/rules/index.ts";

/** Frontmatter fields, and the body. */
export type Fields = Record<string, unknown> & { body?: string };

export interface Desk {
  /** By file name: `x` is `x.mdx`; `x.md` is plain markdown. */
  articles?: Record<string, Fields>;
  actors?: Record<string, Fields>;
  crossings?: Record<string, Fields>;
  places?: Record<string, Fields>;
  themes?: Record<string, Fields>;
}

/** What an article needs to pass its schema; a case overrides any of it. */
export const ARTICLE = { title: "T", published: "2025-01-01", summary: "S.", themes: ["talks"] };

/** Writes the desk's files into a fresh folder and returns it. */
export function writeDesk(desk: Desk, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "desk-"));
  for (const [folder, entries] of Object.entries(desk) as [keyof Desk, Record<string, Fields>][]) {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const [name, { body = "", ...fields }] of Object.entries(entries)) {
      const file = /\.mdx?$/.test(name) ? name : `${name}${folder === "articles" ? ".mdx" : ".md"}`;
      const frontmatter = folder === "articles" ? { ...ARTICLE, ...fields } : fields;
      writeFileSync(join(dir, folder, file), `---\n${stringify(frontmatter)}---\n\n${body}`);
    }
  }
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The rule context for a desk, with the loader's own problems (cases are valid unless they mean not to be). */
export function deskContext(
  desk: Desk,
  options: CheckOptions = {},
): { context: RuleContext; loaded: Problem[]; dir: string } {
  const dir = writeDesk(desk);
  // Paths relative to the project, as the content check names them (the copied-text rule reads the files).
  const loaded = loadContent(dir, { includeDrafts: true });
  const context = ruleContext(loaded, deriveModel(loaded.input), { today: "2025-12-31", ...options });
  return { context, loaded: loaded.problems, dir: relative(process.cwd(), dir) };
}

/**
 * One rule's problems for a desk, as printed. A desk whose files fail their schemas is a mistake in the case, unless
 * the case is about such files (`invalid`): then the loader's problems come first, as the content check lists them.
 */
export function run(rule: Rule, desk: Desk, options: CheckOptions & { invalid?: boolean } = {}): string[] {
  const { invalid, ...check } = options;
  const { context, loaded, dir } = deskContext(desk, check);
  if (loaded.length && !invalid)
    throw new Error(`the case's desk is not valid:\n${loaded.map(formatProblem).join("\n")}`);
  return [...(invalid ? loaded : []), ...rule(context)].map((p) => formatProblem(p).replaceAll(`${dir}/`, ""));
}
