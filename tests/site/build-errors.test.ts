/**
 * Bad input never crashes with a bare stack trace and never destroys the last good build.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILDS } from "./builds.ts";
import { filesIn } from "./html.ts";

function brokenBuild(breakIt: (content: string) => void, env: Record<string, string | undefined> = {}) {
  const work = mkdtempSync(join(tmpdir(), "broken-"));
  const content = join(work, "content");
  const out = join(work, "dist");
  cpSync("tests/fixtures/content", content, { recursive: true });
  cpSync(BUILDS.fixture.outDir, out, { recursive: true });
  // Byte for byte: every file's path and content hash.
  const snapshot = () =>
    filesIn(out).map(
      (f) =>
        `${f} ${createHash("sha256")
          .update(readFileSync(join(out, f)))
          .digest("hex")}`,
    );
  const before = snapshot();
  breakIt(content);
  const result = spawnSync(resolve("node_modules/.bin/tsx"), ["scripts/build.ts"], {
    encoding: "utf8",
    env: { ...process.env, SITE_URL: undefined, CONTENT_DIR: content, OUT_DIR: out, ...env },
  });
  const after = snapshot();
  return { status: result.status, output: result.stdout + result.stderr, before, after, content };
}

describe("a build with bad content", () => {
  it("stops before building, names the file, field and fix, and keeps the last good build", () => {
    const run = brokenBuild((content) => {
      const file = join(content, "articles/gfm-showcase.mdx");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("actors: [example-ministry]", "actors: [example-ministy]"),
      );
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      `${relative(process.cwd(), join(run.content, "articles/gfm-showcase.mdx"))}:5: actors[0]: no actor has the id "example-ministy". Fix: did you mean "example-ministry"? Otherwise add content/actors/example-ministy.md.`,
    );
    expect(run.output).toContain("nothing was built and dist/ is unchanged");
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(run.after).toEqual(run.before);
  });

  it("reports an MDX syntax error with its line in the file", () => {
    const run = brokenBuild((content) => {
      const file = join(content, "articles/gfm-showcase.mdx");
      writeFileSync(file, `${readFileSync(file, "utf8")}\nAn unclosed <Component\n`);
    });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(
      /articles\/gfm-showcase\.mdx:25: body, column 23: Unexpected end of file in name, .* Fix: in \.mdx, < and \{ start code: write &lt; and \\\{ for the characters, or close the tag\./,
    );
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(run.after).toEqual(run.before);
  });

  it("keeps the last good build when a component is missing at render time", () => {
    const run = brokenBuild((content) => {
      const file = join(content, "articles/gfm-showcase.mdx");
      writeFileSync(file, `${readFileSync(file, "utf8")}\nimport Missing from "./missing.astro";\n\n<Missing />\n`);
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain("The build failed: Build failed with 1 error:");
    expect(run.output).toContain("Could not resolve './missing.astro'");
    expect(run.output).toMatch(/\ndist\/ still holds the last good build\.\n/);
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(run.after).toEqual(run.before);
  });
});

describe("a production build without SITE_URL", () => {
  const breakIt = (content: string) => {
    const file = join(content, "articles/gfm-showcase.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace("actors: [example-ministry]", "actors: [nobody]"));
  };

  it("warns in one line, first, that canonical URLs, the feed and the sitemap will point at localhost", () => {
    const lines = brokenBuild(breakIt).output.split("\n");
    expect(lines.filter((l) => l.includes("SITE_URL"))).toEqual([
      "Warning: SITE_URL is not set, so canonical URLs, the feed and the sitemap point at http://localhost:4321 (see README, Deploying).",
    ]);
  });

  it("says nothing of it when SITE_URL is set", () => {
    expect(brokenBuild(breakIt, { SITE_URL: "https://briefing.example.org" }).output).not.toContain("SITE_URL");
  });
});
