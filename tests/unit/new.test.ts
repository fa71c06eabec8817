/** `npm run new`: scaffolds with every field, proposals from the mention engine, and never an overwrite. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** A short source text of our own, naming the fixture desk's entities and some names it has no entry for. */
const SOURCE = "tests/fixtures/sources/north-gate-report.txt";

function workspace(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "new-")), "content");
  cpSync("tests/fixtures/content", dir, { recursive: true });
  return dir;
}
const tsx = resolve("node_modules/.bin/tsx");
const run = (script: string, ...args: string[]) => {
  const r = spawnSync(tsx, [script, ...args], { encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
};

describe("npm run new -- article", () => {
  const dir = workspace();
  const created = run(
    "scripts/new.ts",
    "article",
    "North Gate shut again",
    "--published",
    "2026-01-20",
    "--from",
    SOURCE,
    "--content",
    dir,
  );
  const file = join(dir, "articles/2026-01-20-north-gate-shut-again.mdx");

  it("proposes exactly the entities the source names, with the spelling that matched", () => {
    expect(created.status).toBe(0);
    const lines = created.output.split("\n");
    expect(lines).toContain("  actors: example-ministry (Example Ministry, the ministry)");
    expect(lines).toContain("  crossings: north-gate (North Gate)");
    expect(lines).toContain("  themes: border-crossings (shut, crossing)");
    expect(lines).toContain(
      "  candidate new actors (names that match no entry): Harbour Authority, Lakeside Province, Riverton",
    );
    expect(lines).toContain(`Created ${file}`);
  });

  it("writes every field with a comment, the proposals filled in, as a draft", () => {
    const text = readFileSync(file, "utf8");
    for (const field of [
      "title",
      "published",
      "publishedNote",
      "outlet",
      "url",
      "dateline",
      "summary",
      "actors",
      "crossings",
      "places",
      "themes",
      "events",
      "draft",
    ]) {
      expect(text, field).toMatch(new RegExp(`^(# )?${field}:`, "m"));
    }
    expect(text).toContain('title: "North Gate shut again"\n');
    expect(text).toContain("actors:\n  - example-ministry # matched: Example Ministry, the ministry\n");
    expect(text).toContain("crossings:\n  - north-gate # matched: North Gate\n");
    expect(text).toContain("draft: true\n");
  });

  it("leaves only the summary for the content check to ask for", () => {
    const check = run("scripts/check-content.ts", "--content", dir);
    expect(check.status).toBe(1);
    expect(check.output.split("\n").filter((l) => l.startsWith("error:"))).toEqual([
      `error: ${relative(process.cwd(), file)}:17: summary: write a one- or two-sentence summary; it may not be empty (got ""). Fix: see content/README.md for what this field takes.`,
    ]);
  });

  it("never overwrites a file", () => {
    writeFileSync(file, "edited by hand\n");
    const again = run(
      "scripts/new.ts",
      "article",
      "North Gate shut again",
      "--published",
      "2026-01-20",
      "--content",
      dir,
    );
    expect(again.status).toBe(1);
    expect(again.output).toContain(`${file} already exists; nothing was written.`);
    expect(readFileSync(file, "utf8")).toBe("edited by hand\n");
  });

  it("refuses a malformed date", () => {
    const bad = run("scripts/new.ts", "article", "X", "--published", "22/03/2025", "--content", dir);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('--published must be a date written YYYY-MM-DD, not "22/03/2025".');
  });
});

describe("npm run new -- actor | crossing | place | theme", () => {
  it.each([
    ["actor", "Jaffer Express Attackers", "actors/jaffer-express-attackers.md", "kind: person"],
    ["crossing", "Ghulam Khan", "crossings/ghulam-khan.md", "location:\n  lat: 0\n  lon: 0"],
    ["place", "Nangarhar", "places/nangarhar.md", "location:\n  lat: 0\n  lon: 0\n# The id of the place"],
    ["theme", "Water and the Kunar River", "themes/water-and-the-kunar-river.md", "aliases: []"],
  ])("scaffolds a %s", (kind, name, path, expected) => {
    const dir = workspace();
    const created = run("scripts/new.ts", kind, name, "--content", dir);
    expect(created.status).toBe(0);
    const text = readFileSync(join(dir, path), "utf8");
    expect(text).toContain(`name: "${name}"`);
    expect(text).toContain(expected);
  });
});
