import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../../src/lib/content-files.ts";
import { formatProblem } from "../../src/lib/problems.ts";
import { siteSchema } from "../../src/lib/schemas.ts";

const identity = { title: "T", description: "D.", lang: "en", intro: "I." };
const messages = (value: unknown) => {
  const result = siteSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the site config's lists", () => {
  it("default every bound when left out", () => {
    expect(siteSchema.parse(identity).lists).toEqual({ perPage: 50, recent: 10, mentionsPerArticle: 3, connected: 5 });
  });

  it("keep the bounds an editor sets and default the rest", () => {
    expect(siteSchema.parse({ ...identity, lists: { perPage: 2, recent: 3 } }).lists).toEqual({
      perPage: 2,
      recent: 3,
      mentionsPerArticle: 3,
      connected: 5,
    });
  });

  it.each([
    [{ perPage: 0 }, "lists.perPage: perPage is at least 1"],
    [{ recent: 2.5 }, "lists.recent: recent is a whole number, e.g. 10"],
    [{ connected: "many" }, "lists.connected: connected is a whole number, e.g. 5"],
    [{ pageSize: 20 }, 'lists: Unrecognized key: "pageSize"'],
  ])("reject %j with a message that says what to write", (lists, message) => {
    expect(messages({ ...identity, lists })).toEqual([message]);
  });
});

describe("the site config's slug", () => {
  it("is optional, and kept when it is a short file name", () => {
    expect(siteSchema.parse(identity).slug).toBeUndefined();
    expect(siteSchema.parse({ ...identity, slug: "pak-afghan-2" }).slug).toBe("pak-afghan-2");
  });

  it.each(["Pak Afghan", "pak--afghan", "-pak", "pak/afghan", "pakistán"])("rejects %j with what to write", (slug) => {
    expect(messages({ ...identity, slug })).toEqual([
      "slug: slug may hold only lower-case letters, digits and single hyphens, e.g. pak-afghan",
    ]);
  });
});

describe("content/site.yaml, checked like every entry", () => {
  const problemsIn = (yaml: string | undefined) => {
    const dir = mkdtempSync(join(tmpdir(), "site-"));
    if (yaml !== undefined) writeFileSync(join(dir, "site.yaml"), yaml);
    return readSiteConfig(dir, dir).problems.map(formatProblem);
  };
  const valid = "title: T\ndescription: D.\nlang: en\nintro: I.\n";

  it.each([
    ["a valid file", valid, []],
    [
      "no file",
      undefined,
      [
        "site.yaml: file: there is no site.yaml. Fix: add it with title, description, lang and intro (see content/README.md, “The site's identity”).",
      ],
    ],
    [
      "YAML that does not parse",
      "title: T\ndescription: A site: with a colon\nlang: en\n",
      [
        "site.yaml:2: settings: the YAML does not parse: Nested mappings are not allowed in compact mappings. Fix: check indentation and quote any value that contains a colon.",
      ],
    ],
    [
      "a missing field",
      "title: T\ndescription: D.\nlang: en\n",
      [
        "site.yaml: intro: write a paragraph saying what the briefing covers. Fix: add the field (see content/README.md).",
      ],
    ],
    [
      "an unknown key, at its line",
      `${valid}titel: T\n`,
      [
        'site.yaml:5: settings: Unrecognized key: "titel". Fix: remove or rename titel (see content/README.md for the fields).',
      ],
    ],
    [
      "an unknown key in lists, at its line",
      `${valid}lists:\n  perPage: 5\n  pageSize: 20\n`,
      [
        'site.yaml:7: lists: Unrecognized key: "pageSize". Fix: remove or rename pageSize (see content/README.md for the fields).',
      ],
    ],
    [
      "a bad value, at its line",
      `${valid}lists:\n  perPage: 0\noffline: 2\n`,
      [
        "site.yaml:6: lists.perPage: perPage is at least 1 (got 0). Fix: see content/README.md for what this field takes.",
        'site.yaml:7: settings: Unrecognized key: "offline". Fix: remove or rename offline (see content/README.md for the fields).',
      ],
    ],
  ])("%s", (_case, yaml, expected) => {
    expect(problemsIn(yaml)).toEqual(expected);
  });
});
