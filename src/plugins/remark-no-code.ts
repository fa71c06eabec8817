/**
 * Remark plugin, first in the markdown pipeline: a body in content/ may not run code (see src/lib/mdx-code.ts).
 * The content check reports it before a build starts, but MDX compiles a body to JavaScript whenever a page renders
 * — in `astro dev`, or an `astro build` run without the check — so the guard also stands here, before the tree is
 * compiled: a build refuses the body (strict); the dev server takes the code out and renders the rest, while every
 * page lists the problem. Nothing an editor wrote is ever evaluated, unless the desk sets `mdx: { allowCode: true }`.
 */
import type { Root } from "mdast";
import { relative, resolve, sep } from "node:path";
import type { VFile } from "vfile";
import { readSiteConfig } from "../lib/content-files.ts";
import { codeIn, stripCode } from "../lib/mdx-code.ts";

export interface RemarkNoCodeOptions {
  /** Absolute path of the content folder: only its bodies are guarded. */
  contentDir: string;
  /** Throw on code (builds); false strips it instead (the dev server). */
  strict: boolean;
  /**
   * The desk's `mdx.allowCode` for a build, read once by the config (so that it is part of Astro's config digest, and
   * a cached rendering made under the other setting is never reused). Without it, as in the dev server, the setting
   * is read again for each body, so an edit to site.yaml applies at once.
   */
  allowCode?: boolean;
}

export default function remarkNoCode(options: RemarkNoCodeOptions) {
  const contentDir = resolve(options.contentDir);
  // A site.yaml that does not pass its check allows nothing (the check reports it).
  const allowed = () => options.allowCode ?? readSiteConfig(contentDir).site?.mdx.allowCode ?? false;
  return (tree: Root, file: VFile): void => {
    if (!file.path || !resolve(file.path).startsWith(contentDir + sep) || allowed()) return;
    const found = codeIn(tree);
    if (found.length === 0) return;
    if (options.strict) {
      const where = relative(process.cwd(), file.path);
      // @astrojs/mdx compiles an .mdx file with its frontmatter blanked out, so its lines are the file's; a markdown
      // body reaches remark without its frontmatter.
      const at = (line: number) => (file.path?.endsWith(".mdx") ? `:${line}` : ` (body line ${line})`);
      throw new Error(
        found.map((f) => `${where}${f.line ? at(f.line) : ""}: ${f.field}: ${f.message}. Fix: ${f.fix}.`).join("\n"),
      );
    }
    stripCode(tree, found);
  };
}
