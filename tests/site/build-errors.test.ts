/**
 * Bad input never crashes with a bare stack trace and never destroys the last good build.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { astroEnv } from "../../scripts/lib/astro-env.ts";
import { deployment } from "../../src/lib/deployment.ts";
import { BUILDS } from "./builds.ts";
import { filesIn } from "./html.ts";

/**
 * Breaks a copy of the fixture desk and builds it over a copy of its last good build: with `npm run build` by
 * default, or with another command and environment (`astro build` alone, as a build that skips the check would).
 */
function brokenBuild(
  breakIt: (content: string) => void,
  command = ["scripts/build.ts"],
  environment: (content: string, out: string) => NodeJS.ProcessEnv = (content, out) => ({
    ...process.env,
    SITE_URL: undefined,
    CONTENT_DIR: content,
    OUT_DIR: out,
  }),
) {
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
  const result = spawnSync(process.execPath, command, {
    encoding: "utf8",
    env: environment(content, out),
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

  it("stops on a site.yaml that does not parse, with its line, and no stack trace", () => {
    const run = brokenBuild((content) => {
      const file = join(content, "site.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("lang: en", "lang: [en"));
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      `${relative(process.cwd(), join(run.content, "site.yaml"))}:4: settings: the YAML does not parse: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix: check indentation and quote any value that contains a colon.`,
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
      // Imports are code, which the content check refuses unless the desk allows it; this desk does, so that the
      // failure comes from Astro's render.
      appendFileSync(join(content, "site.yaml"), "mdx:\n  allowCode: true\n");
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

describe("a contributor's code in an article", () => {
  // An expression that writes a file when the page renders: the body of a hostile (or careless) pull request.
  const HOSTILE =
    "---\ntitle: Hostile\npublished: 2026-01-02\nsummary: S.\nthemes: [border-crossings]\n---\n\nA short note.\n\n" +
    '{process.getBuiltinModule("node:fs").writeFileSync(process.env.PWNED_FILE, "ran")}\n';
  const hostile = (extra: (content: string) => void = () => {}) => {
    const pwned = join(mkdtempSync(join(tmpdir(), "pwned-")), "pwned.txt");
    const build = (command?: string[]) => {
      const run = brokenBuild(
        (content) => {
          writeFileSync(join(content, "articles/hostile.mdx"), HOSTILE);
          extra(content);
        },
        command,
        (content, out) =>
          command
            ? // Astro alone, as build.ts would start it (see astro-env.ts), for a throwaway desk.
              { ...astroEnv(), CONTENT_DIR: content, OUT_DIR: out, PWNED_FILE: pwned, ASTRO_TELEMETRY_DISABLED: "1" }
            : { ...process.env, CONTENT_DIR: content, OUT_DIR: out, PWNED_FILE: pwned },
      );
      // Astro alone keeps a cache folder for each content folder, which build.ts would prune.
      rmSync(deployment({ CONTENT_DIR: run.content }).cacheDir, { recursive: true, force: true });
      return run;
    };
    return { pwned, build };
  };
  const astroBuild = [resolve("node_modules/astro/bin/astro.mjs"), "build"];

  it("would write the file if the desk allowed code (so the test below can fail)", () => {
    const { pwned, build } = hostile((content) =>
      appendFileSync(join(content, "site.yaml"), "mdx:\n  allowCode: true\n"),
    );
    build(astroBuild);
    expect(readFileSync(pwned, "utf8")).toBe("ran");
  });

  it("is refused by npm run build before any of it runs, with the file, line and fix", () => {
    const { pwned, build } = hostile();
    const run = build();
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      `${relative(process.cwd(), join(run.content, "articles/hostile.mdx"))}:10: body: "{process.getBuiltinModule("node:fs").writeFileSync(process.e…}" is a JavaScript expression: articles are data and may not run code. Fix: delete it, or write \\{ for a brace you mean as text.`,
    );
    expect(run.output).toContain("nothing was built and dist/ is unchanged");
    expect(existsSync(pwned)).toBe(false);
    expect(run.after).toEqual(run.before);
  });

  it("is refused by the MDX pipeline itself when astro build runs without the content check", () => {
    const { pwned, build } = hostile();
    const run = build(astroBuild);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain(
      `${relative(process.cwd(), join(run.content, "articles/hostile.mdx"))}:10: body: "{process.getBuiltinModule("node:fs").writeFileSync(process.e…}" is a JavaScript expression: articles are data and may not run code.`,
    );
    expect(existsSync(pwned)).toBe(false);
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
    const withSite = (content: string, out: string) => ({
      ...process.env,
      SITE_URL: "https://briefing.example.org",
      CONTENT_DIR: content,
      OUT_DIR: out,
    });
    expect(brokenBuild(breakIt, undefined, withSite).output).not.toContain("SITE_URL");
  });
});
