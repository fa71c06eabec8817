/** `npm run new`: scaffolds with every field, proposals from the mention engine, and never an overwrite. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SEED = "../shared/seeds/000_5e13bc5ee01bea81.txt";

function workspace(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "new-")), "content");
  cpSync("content", dir, { recursive: true });
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
    "Envoy holds TTP talks in Kabul",
    "--published",
    "2025-03-22",
    "--from",
    SEED,
    "--content",
    dir,
  );
  const file = join(dir, "articles/2025-03-22-envoy-holds-ttp-talks-in-kabul.mdx");

  it("proposes exactly the entities the source names, with the spelling that matched", () => {
    expect(created.status).toBe(0);
    const lines = created.output.split("\n");
    expect(lines).toContain(
      "  actors: afghan-taliban (Taliban, Afghan Taliban); ttp (Tehrik-i-Taliban Pakistan, TTP); sadiq-khan (Sadiq Khan); pakistan (Pakistan, Islamabad, Pakistani government); amir-khan-muttaqi (Amir Khan Muttaqi); nooruddin-azizi (Nooruddin Azizi); faiz-mohammad-zaland (Faiz Mohammad Zaland); pakistani-military (Pakistani military); india (India)",
    );
    expect(lines).toContain("  crossings: torkham (Torkham)");
    expect(lines).toContain(
      "  themes: diplomacy-and-talks (delegation, talks); cross-border-militancy (militancy, counterterrorism, militants, militant, safe haven); border-crossings (border crossing); migrants-and-deportations (deport, migrants); india-and-regional-rivalry (regional stability); trade-and-transit (commerce); airstrikes-and-escalation (airstrikes, hostage crisis, Airstrikes, escalation)",
    );
    expect(lines).toContain(
      "  candidate new actors (names that match no entry): Afghanistan, Jaffer Express, Kabul, Khost, Nuristan, Paktia, Paktika",
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
      "themes",
      "events",
      "draft",
    ]) {
      expect(text, field).toMatch(new RegExp(`^(# )?${field}:`, "m"));
    }
    expect(text).toContain('title: "Envoy holds TTP talks in Kabul"\n');
    expect(text).toContain("  - ttp # matched: Tehrik-i-Taliban Pakistan, TTP\n");
    expect(text).toContain("crossings:\n  - torkham # matched: Torkham\n");
    expect(text).toContain("draft: true\n");
  });

  it("leaves only the summary for the content check to ask for", () => {
    const check = run("scripts/check-content.ts", "--content", dir);
    expect(check.status).toBe(1);
    expect(check.output.split("\n").filter((l) => l.startsWith("error:"))).toEqual([
      `error: ${relative(process.cwd(), file)}:15: summary: write a one- or two-sentence summary; it may not be empty (got ""). Fix: see content/README.md for what this field takes.`,
    ]);
  });

  it("never overwrites a file", () => {
    writeFileSync(file, "edited by hand\n");
    const again = run(
      "scripts/new.ts",
      "article",
      "Envoy holds TTP talks in Kabul",
      "--published",
      "2025-03-22",
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

describe("npm run new -- actor | crossing | theme", () => {
  it.each([
    ["actor", "Jaffer Express Attackers", "actors/jaffer-express-attackers.md", "kind: person"],
    ["crossing", "Ghulam Khan", "crossings/ghulam-khan.md", "location:\n  lat: 0\n  lon: 0"],
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
