/**
 * The content check against a corpus of broken content, one problem each: exit code and the exact key parts of
 * the message — file (and line), field, value and suggestion. Each case breaks a copy of the fixture desk.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURE = "tests/fixtures/content";

function check(
  breakIt: (edit: (file: string, change: (text: string) => string) => void, dir: string) => void,
  args: string[] = [],
) {
  const dir = join(mkdtempSync(join(tmpdir(), "check-")), "content");
  cpSync(FIXTURE, dir, { recursive: true });
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));
  breakIt(edit, dir);
  const run = spawnSync(resolve("node_modules/.bin/tsx"), ["scripts/check-content.ts", "--content", dir, ...args], {
    encoding: "utf8",
  });
  const prefix = relative(process.cwd(), dir);
  return { status: run.status, output: (run.stdout + run.stderr).replaceAll(prefix, "content") };
}

const ARTICLE = "articles/gfm-showcase.mdx";
const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
  return text.replace(from, to);
};

describe("npm run check:content", () => {
  it("passes the fixture desk", () => {
    const run = check(() => {});
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/^Content OK: 6 articles, 1 actors, 1 crossings, 0 places, 1 themes \(\d+\.\d s\)\.$/m);
  });

  it.each([
    [
      "an unknown actor id",
      ARTICLE,
      replace("actors: [example-ministry]", "actors: [example-ministy]"),
      'error: content/articles/gfm-showcase.mdx:5: actors[0]: no actor has the id "example-ministy". Fix: did you mean "example-ministry"? Otherwise add content/actors/example-ministy.md.',
    ],
    [
      "an unknown theme id",
      ARTICLE,
      replace("themes: [border-crossings]", "themes: [border-crossing]"),
      'error: content/articles/gfm-showcase.mdx:7: themes[0]: no theme has the id "border-crossing". Fix: did you mean "border-crossings"? Otherwise add content/themes/border-crossing.md.',
    ],
    [
      "a bad published date",
      ARTICLE,
      replace("published: 2026-01-15", "published: 2026-13-01"),
      'error: content/articles/gfm-showcase.mdx:3: published: "2026-13-01" has no month 13: months run 01 to 12. Fix: see content/README.md for what this field takes.',
    ],
    [
      "a bad partial event date",
      ARTICLE,
      replace("  - date: 2026-01", '  - date: "2026-1"'),
      'error: content/articles/gfm-showcase.mdx:9: events[0].date: "2026-1" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD. Fix: see content/README.md for what this field takes.',
    ],
    [
      "a missing title",
      ARTICLE,
      replace("title: A briefing that uses every GFM feature\n", ""),
      "error: content/articles/gfm-showcase.mdx: title: write our headline for the article. Fix: add the field (see content/README.md).",
    ],
    [
      "a missing summary",
      ARTICLE,
      replace(
        "summary: Shows a table, a footnote, strikethrough and an autolink, each of which must render exactly once.\n",
        "",
      ),
      "error: content/articles/gfm-showcase.mdx: summary: write a one- or two-sentence summary. Fix: add the field (see content/README.md).",
    ],
    [
      "empty themes",
      ARTICLE,
      replace("themes: [border-crossings]", "themes: []"),
      "error: content/articles/gfm-showcase.mdx:7: themes: tag at least one theme, e.g. themes: [diplomacy-and-talks]. Fix: see content/README.md for what this field takes.",
    ],
    [
      "a YAML syntax error",
      ARTICLE,
      replace("title: A briefing that uses every GFM feature", "title: A briefing: that uses GFM"),
      "error: content/articles/gfm-showcase.mdx:2: frontmatter: the YAML does not parse: Nested mappings are not allowed in compact mappings. Fix: check indentation and quote any value that contains a colon.",
    ],
    [
      "invalid MDX (an unclosed component)",
      "articles/components.mdx",
      replace(
        '<Note title="Background">The crossing closed in January.</Note>',
        '<Note title="Background">The crossing closed in January.',
      ),
      "error: content/articles/components.mdx:14: body, column 1: Expected a closing tag for `<Note>` before the end of `paragraph`. Fix: in .mdx, < and { start code: write &lt; and \\{ for the characters, or close the tag.",
    ],
    [
      "a component that does not exist",
      "articles/components.mdx",
      replace('<Note title="Background">The crossing closed in January.</Note>', "<Notes>The crossing closed.</Notes>"),
      "error: content/articles/components.mdx:14: <Notes>: there is no component called Notes. Fix: use one of <Quote>, <Note> (see content/README.md); did you mean <Note>?.",
    ],
    [
      "a quote whose speaker is not an actor",
      "articles/components.mdx",
      replace('speaker="example-ministry"', 'speaker="example-minstry"'),
      'error: content/articles/components.mdx:12: <Quote>: speaker="example-minstry" is not an actor id. Fix: did you mean "example-ministry"?.',
    ],
    [
      "an event dated after its article",
      ARTICLE,
      replace("  - date: 2026-01\n", "  - date: 2026-02\n"),
      'error: content/articles/gfm-showcase.mdx:9: events[0].date: event 1 is dated "2026-02", after the article\'s publication on 2026-01-15. Fix: an article can only report what happened by the day it was published: check both dates.',
    ],
    [
      "a site.yaml that does not parse",
      "site.yaml",
      replace("title: Fixture Desk", "title: Fixture: Desk"),
      "error: content/site.yaml:1: settings: the YAML does not parse: Nested mappings are not allowed in compact mappings. Fix: check indentation and quote any value that contains a colon.",
    ],
    [
      "an unknown key in site.yaml",
      "site.yaml",
      replace("lang: en\n", "lang: en\nlanguage: en\n"),
      'error: content/site.yaml:4: settings: Unrecognized key: "language". Fix: remove or rename language (see content/README.md for the fields).',
    ],
    [
      "a bad value in site.yaml",
      "site.yaml",
      replace("  perPage: 2", "  perPage: two"),
      'error: content/site.yaml:7: lists.perPage: perPage is a whole number, e.g. 50 (got "two"). Fix: see content/README.md for what this field takes.',
    ],
    [
      "a publication date in the future",
      ARTICLE,
      replace("published: 2026-01-15", "published: 2999-01-15"),
      /error: content\/articles\/gfm-showcase\.mdx:3: published: "2999-01-15" is in the future \(today is \d{4}-\d\d-\d\d\)\. Fix: write the date the source was published\./,
    ],
  ])("reports %s", (_case, file, change, expected) => {
    const run = check((edit) => edit(file, change));
    expect(run.status).toBe(1);
    if (typeof expected === "string") expect(run.output).toContain(expected);
    else expect(run.output).toMatch(expected);
    expect(run.output).not.toMatch(/^\s+at /m);
  });

  it("reports the same alias claimed by two actors", () => {
    const run = check((_edit, dir) =>
      writeFileSync(
        join(dir, "actors/other-ministry.md"),
        "---\nname: Other Ministry\naliases: [the ministry]\nkind: government\nsummary: Another.\n---\n\nIt exists ([a](article:gfm-showcase)).\n",
      ),
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      'error: content/actors/other-ministry.md:3: aliases: "the ministry" is also a name of content/actors/example-ministry.md. Fix: keep the name on one entry only.',
    );
  });

  it("reports two entries with the same id", () => {
    const run = check((_edit, dir) =>
      writeFileSync(join(dir, "articles/gfm-showcase.md"), readFileSync(join(dir, ARTICLE), "utf8")),
    );
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      'error: content/articles/gfm-showcase.mdx: file name: the id "gfm-showcase" is also used by content/articles/gfm-showcase.md. Fix: ids are file names without extension and must be unique: rename one of the files.',
    );
  });

  it("reports a broken article once, and each link to it as following from that", () => {
    const run = check((edit) => edit(ARTICLE, replace("published: 2026-01-15", "published: 2026-13-01")));
    expect(run.status).toBe(1);
    expect(run.output.split("\n").filter((l) => /^(error|warning):|error\(s\)/.test(l))).toEqual([
      'error: content/articles/gfm-showcase.mdx:3: published: "2026-13-01" has no month 13: months run 01 to 12. Fix: see content/README.md for what this field takes.',
      "error: content/actors/example-ministry.md:8: body: the link to article:gfm-showcase points at no entry. Fix: correct content/articles/gfm-showcase.mdx (follows from: content/articles/gfm-showcase.mdx:3: published).",
      "error: content/crossings/north-gate.md:7: body: the link to article:gfm-showcase points at no entry. Fix: correct content/articles/gfm-showcase.mdx (follows from: content/articles/gfm-showcase.mdx:3: published).",
      "error: content/themes/border-crossings.md:7: body: the link to article:gfm-showcase points at no entry. Fix: correct content/articles/gfm-showcase.mdx (follows from: content/articles/gfm-showcase.mdx:3: published).",
      expect.stringMatching(
        /^4 error\(s\) \(3 follow from another\), 0 warning\(s\) in 5 articles, 1 actors, 1 crossings, 0 places, 1 themes \(\d+\.\d s\)\.$/,
      ),
    ]);
  });

  it("warns, without failing, about a tagged entity the body never names", () => {
    const run = check((edit) =>
      edit(
        "articles/markup-in-title.md",
        replace("crossings: [north-gate]", "crossings: [north-gate]\nactors: [example-ministry]"),
      ),
    );
    expect(run.status).toBe(0);
    expect(run.output).toContain(
      'warning: content/articles/markup-in-title.md:6: actors: the article tags actor "example-ministry" but the body never mentions it. Fix: name it in the body (by its name or an alias), or remove example-ministry from actors.',
    );
    expect(run.output).toMatch(/^Content OK with 1 warning\(s\): /m);
  });

  it("warns about an event date the body does not state and no dateNote explains", () => {
    const run = check((edit) => edit(ARTICLE, replace("  - date: 2026-01\n", "  - date: 2026-01-12\n")));
    expect(run.status).toBe(0);
    expect(run.output).toContain(
      'warning: content/articles/gfm-showcase.mdx:9: events[0].date: event 1 is dated "2026-01-12", but no sentence of the body states the day, month and year and there is no dateNote. Fix: if the date was inferred (from a weekday, "last week", another article), add a dateNote saying how; otherwise keep only the precision the source gives, and state it in the body.',
    );
  });

  it("warns about an overview citing an article that does not tag its entity", () => {
    const untagged = check((_edit, dir) => {
      writeFileSync(
        join(dir, "themes/closures.md"),
        "---\nname: Closures\nsummary: S.\n---\n\nThe gate shut ([15 Jan 2026](article:gfm-showcase)).\n",
      );
    });
    expect(untagged.status).toBe(0);
    expect(untagged.output).toContain(
      `warning: content/themes/closures.md:6: body: the overview cites article:gfm-showcase, which does not tag theme "closures", so the article is missing from this page's own list. Fix: cite an article that tags closures, or, if gfm-showcase is substantially about it, add closures to its themes.`,
    );
  });

  it("warns about a quotation without a speaker, and with --sources about one no source quotes", () => {
    const sources = mkdtempSync(join(tmpdir(), "sources-"));
    writeFileSync(
      join(sources, "a.txt"),
      'The ministry called the closure "a temporary measure". The gate is a bottleneck.',
    );
    const run = check(
      (edit) =>
        edit(
          ARTICLE,
          replace(
            "The old timetable is ~~withdrawn~~ under review.",
            'The gate is a "bottleneck". The ministry called it "a temporary measure".',
          ),
        ),
      ["--sources", sources],
    );
    expect(run.status).toBe(0);
    expect(run.output.split("\n").filter((l) => l.startsWith("warning:"))).toEqual([
      'warning: content/articles/gfm-showcase.mdx:15: body: the quotation "bottleneck" has no speaker in its sentence ("The gate is a "bottleneck"."). Fix: say in the same sentence who used these words (…said, told, called, described…), or drop the quotation marks if the words are ours.',
      'warning: content/articles/gfm-showcase.mdx:15: body: "bottleneck" is in quotation marks, but no source quotes these words. Fix: quote only words a source puts in quotation marks; where the source uses the words in its own voice, drop the marks.',
    ]);
  });
});
