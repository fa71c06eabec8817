import { describe, expect, it } from "vitest";
import { sharedRuns, words } from "../../src/lib/overlap.ts";

const source =
  "The visit comes as thousands of trucks remained stranded at the Torkham border crossing following the closing of the key gateway.";

describe("sharedRuns", () => {
  it("finds a copied run of 16 words even with different case and punctuation", () => {
    const text =
      "Editors wrote: THE VISIT comes, as thousands of trucks remained stranded at the Torkham border-crossing following the closing — and more.";
    expect(sharedRuns(text, [source])).toEqual([
      {
        text: "the visit comes as thousands of trucks remained stranded at the torkham border crossing following the closing",
        length: 17,
      },
    ]);
  });

  it("accepts a run of 15 words", () => {
    const fifteen = words(source).slice(0, 15).join(" ");
    expect(sharedRuns(`${fifteen} and then our own words`, [source])).toEqual([]);
  });

  it("reports each separate copied run once", () => {
    const w = words(source);
    const text = `${w.slice(0, 16).join(" ")} our own words here ${w.slice(2, 18).join(" ")}`;
    expect(sharedRuns(text, [source]).map((r) => r.length)).toEqual([16, 16]);
  });
});
