/** Our own content: no errors and no warnings — every body names what it tags, every overview cites its sources. */
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/content-files.ts";
import { checkContent } from "../../src/lib/check.ts";
import { formatProblem } from "../../src/lib/model.ts";

describe("content/", () => {
  it("has no problems at all, warnings included", () => {
    expect(checkContent(loadContent("content", { includeDrafts: true })).problems.map(formatProblem)).toEqual([]);
  });
});
