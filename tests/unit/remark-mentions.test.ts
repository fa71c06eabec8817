import { resolve } from "node:path";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import remarkMentions from "../../src/plugins/remark-mentions.ts";

const contentDir = resolve("tests/fixtures/content");

function render(markdown: string, options: { base?: string; path?: string; mdx?: boolean } = {}): string {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (options.mdx) processor.use(remarkMdx);
  const file = new VFile({ value: markdown, path: options.path ?? resolve(contentDir, "articles/test.mdx") });
  return String(
    processor
      .use(remarkMentions, { contentDir, base: options.base ?? "/" })
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(file),
  ).trim();
}

describe("remarkMentions", () => {
  it("links the first mention of each actor and crossing to its page, and no later one, but no theme keyword", () => {
    expect(render("The Example Ministry shut the North Gate.\n\nThe ministry and North Gate again.")).toBe(
      '<p id="p1">The <a href="/actors/example-ministry/" class="mention mention-actor">Example Ministry</a> ' +
        "shut the " +
        '<a href="/crossings/north-gate/" class="mention mention-crossing">North Gate</a>.</p>\n' +
        '<p id="p2">The ministry and North Gate again.</p>',
    );
  });

  it("honours the base path", () => {
    expect(render("North Gate.", { base: "/briefing/" })).toBe(
      '<p id="p1"><a href="/briefing/crossings/north-gate/" class="mention mention-crossing">North Gate</a>.</p>',
    );
  });

  it("puts the anchor on the list item, since tight lists render no paragraph", () => {
    expect(render("- one\n- North Gate")).toBe(
      '<ul>\n<li id="p1">one</li>\n<li id="p2"><a href="/crossings/north-gate/" class="mention mention-crossing">North Gate</a></li>\n</ul>',
    );
  });

  it("never links inside code or inside an editor's own link", () => {
    expect(render("`North Gate` and [the North Gate](https://example.org) then North Gate.")).toBe(
      '<p id="p1"><code>North Gate</code> and <a href="https://example.org">the North Gate</a> then ' +
        '<a href="/crossings/north-gate/" class="mention mention-crossing">North Gate</a>.</p>',
    );
  });

  it("links two mentions inside one text node", () => {
    expect(render("North Gate and the Example Ministry")).toBe(
      '<p id="p1"><a href="/crossings/north-gate/" class="mention mention-crossing">North Gate</a> and the ' +
        '<a href="/actors/example-ministry/" class="mention mention-actor">Example Ministry</a></p>',
    );
  });

  it("does not link an entity's own page to itself", () => {
    expect(render("North Gate closed.", { path: resolve(contentDir, "crossings/north-gate.md") })).toBe(
      '<p id="p1">North Gate closed.</p>',
    );
  });

  it("resolves editors' article:, actor:, crossing: and theme: links against the base", () => {
    expect(render("[source](article:gfm-showcase) [m](actor:example-ministry)", { base: "/b/" })).toBe(
      '<p id="p1"><a href="/b/articles/gfm-showcase/">source</a> <a href="/b/actors/example-ministry/" class="mention mention-actor">m</a></p>',
    );
  });

  it("refuses a link to an entry that does not exist, naming the file and the fix", () => {
    expect(() => render("[source](article:nope)", { path: resolve(contentDir, "themes/border-crossings.md") })).toThrow(
      "tests/fixtures/content/themes/border-crossings.md: the link to article:nope points at no entry. Fix: use the id of a file in content/articles/.",
    );
  });

  it("works on MDX bodies with JSX in them", () => {
    expect(render("<div>\nNorth Gate\n</div>", { mdx: true })).toContain(
      '<a href="/crossings/north-gate/" class="mention mention-crossing">North Gate</a>',
    );
  });
});
