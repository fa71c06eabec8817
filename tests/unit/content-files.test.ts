import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/content-files.ts";
import { formatProblem } from "../../src/lib/model.ts";

/** Writes a content folder and returns the problems that loading it reports, as editors see them. */
function problemsIn(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "content-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return loadContent(dir, { includeDrafts: true, cwd: dir }).problems.map(formatProblem);
}

const article = (frontmatter: string) => ({ "articles/x.mdx": `---\n${frontmatter}\n---\n\nBody.\n` });
const valid = "title: T\npublished: 2025-03-22\nsummary: S.\nthemes: [talks]";

describe("schema errors name the file, the field and the fix", () => {
  it.each([
    [
      "a missing required field",
      "published: 2025-03-22\nsummary: S.\nthemes: [talks]",
      ["articles/x.mdx: title: write our headline for the article. Fix: add the field (see content/README.md)."],
    ],
    [
      "a date that does not exist",
      "title: T\npublished: 2025-02-30\nsummary: S.\nthemes: [talks]",
      [
        'articles/x.mdx:3: published: "2025-02-30" has no day 30: that month has 28 days. Fix: see content/README.md for what this field takes.',
      ],
    ],
    [
      "a publication date without a day",
      'title: T\npublished: "2025-03"\nsummary: S.\nthemes: [talks]',
      [
        'articles/x.mdx:3: published: "2025-03" needs a day: write YYYY-MM-DD. Fix: see content/README.md for what this field takes.',
      ],
    ],
    [
      "no theme",
      "title: T\npublished: 2025-03-22\nsummary: S.\nthemes: []",
      [
        "articles/x.mdx:5: themes: tag at least one theme, e.g. themes: [diplomacy-and-talks]. Fix: see content/README.md for what this field takes.",
      ],
    ],
    [
      "a misspelt field",
      `${valid}\nactor: [ttp]`,
      [
        // The unknown key's own line (since site.yaml is checked the same way).
        'articles/x.mdx:6: frontmatter: Unrecognized key: "actor". Fix: remove or rename actor (see content/README.md for the fields).',
      ],
    ],
    [
      "an id with capitals",
      `${valid}\nactors: [Sadiq-Khan]`,
      [
        'articles/x.mdx:6: actors[0]: ids are lower-case words joined by hyphens, e.g. sadiq-khan (the file name without .md) (got "Sadiq-Khan"). Fix: see content/README.md for what this field takes.',
      ],
    ],
    [
      "an unknown crossing status",
      `${valid}\nevents:\n  - date: 2025-03\n    summary: Shut.\n    status: shut`,
      [
        'articles/x.mdx:9: events[0].status: status must be one of: closed, reopened, open, restricted (got "shut"). Fix: see content/README.md for what this field takes.',
      ],
    ],
    [
      "an event date with an impossible month",
      `${valid}\nevents:\n  - date: 2025-13\n    summary: X.`,
      [
        'articles/x.mdx:7: events[0].date: "2025-13" has no month 13: months run 01 to 12. Fix: see content/README.md for what this field takes.',
      ],
    ],
    [
      "an empty dateNote",
      `${valid}\nevents:\n  - date: 2025-03-21\n    dateNote: "  "\n    summary: X.`,
      [
        'articles/x.mdx:8: events[0].dateNote: write how the date was inferred; it may not be empty (got ""). Fix: see content/README.md for what this field takes.',
      ],
    ],
    [
      "a url that is not an address",
      `${valid}\nurl: www.example.org/x`,
      [
        'articles/x.mdx:6: url: url must be a full address starting with https:// (got "www.example.org/x"). Fix: see content/README.md for what this field takes.',
      ],
    ],
    [
      "YAML that does not parse",
      "title: T: with a colon\npublished: 2025-03-22",
      [
        "articles/x.mdx:2: frontmatter: the YAML does not parse: Nested mappings are not allowed in compact mappings. Fix: check indentation and quote any value that contains a colon.",
      ],
    ],
  ])("%s", (_case, frontmatter, expected) => {
    expect(problemsIn(article(frontmatter))).toEqual(expected);
  });

  it("accepts a valid article, with partial and year-only event dates unquoted", () => {
    expect(
      problemsIn(article(`${valid}\nevents:\n  - date: 2021\n    summary: Y.\n  - date: 2025-03\n    summary: M.`)),
    ).toEqual([]);
  });

  it("accepts an event whose date carries a note saying how it was inferred", () => {
    expect(
      problemsIn(
        article(`${valid}\nevents:\n  - date: 2025-03-21\n    dateNote: The text says "on Friday".\n    summary: X.`),
      ),
    ).toEqual([]);
  });

  it("reports a file without frontmatter", () => {
    expect(problemsIn({ "actors/a.md": "Just text.\n" })).toEqual([
      "actors/a.md:1: frontmatter: the file does not start with a frontmatter block. Fix: begin the file with a line '---', the fields, and another '---' (see content/README.md).",
    ]);
  });

  it("reports an actor kind that does not exist", () => {
    expect(problemsIn({ "actors/a.md": "---\nname: A\nkind: militia\nsummary: S.\n---\n" })).toEqual([
      'actors/a.md:3: kind: kind must be one of: person, government, organisation, armed-group, media (got "militia"). Fix: see content/README.md for what this field takes.',
    ]);
  });

  it("reports a crossing without a location", () => {
    expect(problemsIn({ "crossings/c.md": "---\nname: C\nsummary: S.\n---\n" })).toEqual([
      "crossings/c.md: location: write location with lat and lon, e.g. location: { lat: 34.1, lon: 71.1 }. Fix: add the field (see content/README.md).",
    ]);
  });
});
