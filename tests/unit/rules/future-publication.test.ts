import { describe, expect, it } from "vitest";
import { futurePublication } from "../../../src/lib/rules/future-publication.ts";
import { run } from "./desk.ts";

describe("futurePublication", () => {
  it.each([
    ["published today", "2025-06-30", []],
    ["published yesterday", "2025-06-29", []],
    [
      "published tomorrow",
      "2025-07-01",
      [
        'articles/x.mdx:3: published: "2025-07-01" is in the future (today is 2025-06-30). Fix: write the date the source was published.',
      ],
    ],
  ])("%s", (_case, published, expected) => {
    expect(run(futurePublication, { articles: { x: { published } } }, { today: "2025-06-30" })).toEqual(expected);
  });
});
