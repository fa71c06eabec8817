import { describe, expect, it } from "vitest";
import { coveredMs } from "../../scripts/lib/build-report.ts";

describe("coveredMs", () => {
  it("is 0 for no spans", () => {
    expect(coveredMs([])).toBe(0);
  });

  it("adds spans that do not overlap, in any order", () => {
    expect(
      coveredMs([
        [10, 15],
        [0, 4],
      ]),
    ).toBe(9);
  });

  it("counts each moment once where spans overlap, touch or nest", () => {
    // 0–10 and 5–12 overlap (12), 12–14 touches them (14), 2–3 lies inside; 20–21 stands apart.
    expect(
      coveredMs([
        [5, 12],
        [0, 10],
        [2, 3],
        [12, 14],
        [20, 21],
      ]),
    ).toBe(15);
  });

  it("leaves the spans it was given in their order", () => {
    const spans: [number, number][] = [
      [3, 4],
      [1, 2],
    ];
    coveredMs(spans);
    expect(spans).toEqual([
      [3, 4],
      [1, 2],
    ]);
  });
});
