/** The content check composes the model and every rule once, and lists problems file by file. */
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/check.ts";
import { loadContent } from "../../src/lib/content-files.ts";
import { formatProblem } from "../../src/lib/problems.ts";
import { writeDesk } from "./rules/desk.ts";

describe("checkContent", () => {
  it("lists the loader's problems first, then each file's in the order of the rules, files in reading order", () => {
    const dir = writeDesk({
      articles: {
        a: { actors: ["dar"], published: "2999-01-01", body: "No one.\n" },
        b: { title: "" },
      },
      actors: {
        dar: {
          name: "Ishaq Dar",
          kind: "person",
          summary: "S.",
          body: "A minister ([x](article:nowhere)).\n\nUncited.\n",
        },
      },
      themes: { talks: { name: "Talks", summary: "S.", body: "Talks ([a](article:a)).\n" } },
    });
    const { problems } = checkContent(loadContent(dir, { includeDrafts: true }), { today: "2025-06-30" });
    expect(problems.map((p) => formatProblem(p).replaceAll(`${relative(process.cwd(), dir)}/`, ""))).toEqual([
      'articles/b.mdx:2: title: write our headline for the article; it may not be empty (got ""). Fix: see content/README.md for what this field takes.',
      'articles/a.mdx:3: published: "2999-01-01" is in the future (today is 2025-06-30). Fix: write the date the source was published.',
      'articles/a.mdx:8: actors: the article tags actor "dar" but the body never mentions it. Fix: name it in the body (by its name or an alias), or remove dar from actors.',
      "actors/dar.md:7: body: the link to article:nowhere points at no entry. Fix: use an existing article id.",
      'actors/dar.md: body, paragraph 2: "Uncited.…" cites no article. Fix: add a link to the source article, e.g. [22 Feb 2023](article:<slug>).',
    ]);
  });
});
