import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkForRender } from "../../scripts/lib/content-worker.ts";
import { unflatten } from "../../scripts/lib/flat-graph.ts";
import { buildModel } from "../../src/lib/model.ts";
import type { PrebuiltSite } from "../../src/lib/prebuilt.ts";
import { mapLayouts } from "../../src/lib/map.ts";
import { networkLayouts } from "../../src/lib/visuals.ts";
import { loadContent } from "../../src/lib/content-files.ts";

const FIXTURE = "tests/fixtures/content";

describe("the render stage's content worker", () => {
  const scratch = mkdtempSync(join(tmpdir(), "content-worker-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("hands over the model the pages would build themselves, through a structured clone as postMessage sends it", () => {
    const result = checkForRender({ contentDir: FIXTURE });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.summary).toBe("Content: 5 articles, 1 actors, 1 crossings, 0 places, 1 themes");
    const received = unflatten<PrebuiltSite>(structuredClone(result.site));
    // The same, less what only the check's messages use: each entry's line finder.
    const { input } = loadContent(FIXTURE, { includeDrafts: false });
    for (const entry of Object.values(input).flat()) if (entry) delete entry.lineOf;
    const model = buildModel(input);
    expect(received.model).toEqual(model);
    // The fixture's one actor has no network to draw; its one crossing has the overview and an inset.
    expect(received.layouts).toEqual(new Map());
    expect(received.maps).toEqual(mapLayouts(model));
    expect([...received.maps.keys()]).toEqual([" full", " compact", "crossing:north-gate full"]);
    expect(result.spans.check.length).toBe(2);
    expect(result.spans.model.length).toBe(3);
  });

  it("hands over the layout of every network drawing of a desk with several actors, as the pages would lay them out", () => {
    const result = checkForRender({ contentDir: "content" });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const received = unflatten<PrebuiltSite>(structuredClone(result.site));
    const { input } = loadContent("content", { includeDrafts: false });
    for (const entry of Object.values(input).flat()) if (entry) delete entry.lineOf;
    const expected = networkLayouts(buildModel(input));
    expect([...received.layouts.keys()]).toEqual([...expected.keys()]);
    expect(received.layouts.size).toBeGreaterThan(1);
    expect(received.layouts).toEqual(expected);
  });

  it("returns the editor's messages, and no model, when the content has errors", () => {
    const desk = join(scratch, "broken");
    cpSync(FIXTURE, desk, { recursive: true });
    const file = join(desk, "articles", "gate-closes-for-repairs.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^published: .*$/m, "published: someday"));
    const result = checkForRender({ contentDir: desk });
    expect(result).toEqual({
      ok: false,
      errors: [
        `${relative(process.cwd(), file)}:3: published: "someday" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD. Fix: see content/README.md for what this field takes.`,
      ],
    });
  });
});
