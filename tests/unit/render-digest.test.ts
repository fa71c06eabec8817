/** The digest that restarts Astro's caches: entities and engine code, never the articles. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDigest } from "../../src/lib/render-digest.ts";

function desk(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "digest-")), "content");
  cpSync("tests/fixtures/content", dir, { recursive: true });
  return dir;
}

describe("renderDigest", () => {
  it("is the same for the same content and code", () => {
    expect(renderDigest(desk())).toBe(renderDigest(desk()));
  });

  it("stays the same when an article is added or edited", () => {
    const dir = desk();
    const before = renderDigest(dir);
    writeFileSync(join(dir, "articles/new.md"), "---\ntitle: New\n---\n\nBody.\n");
    writeFileSync(join(dir, "articles/gfm-showcase.mdx"), "---\ntitle: Changed\n---\n");
    expect(renderDigest(dir)).toBe(before);
  });

  it.each([
    ["an alias is added", "actors/example-ministry.md", "aliases: [the ministry]", "aliases: [the ministry, EM]"],
    ["a crossing is renamed", "crossings/north-gate.md", "name: North Gate", "name: Northern Gate"],
  ])("changes when %s", (_, file, from, to) => {
    const dir = desk();
    const before = renderDigest(dir);
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, "utf8").replace(from, to));
    expect(renderDigest(dir)).not.toBe(before);
  });
});
