import { describe, expect, it } from "vitest";
import { eventId, eventKey } from "../../src/lib/event-ids.ts";

describe("eventId", () => {
  it.each([
    ["a day", "a2", { date: "2025-03-22", summary: "Torkham reopens." }, "a2-2025-03-22-626d83"],
    ["a month", "a2", { date: "2025-02", summary: "Torkham had closed." }, "a2-2025-02-a0d399"],
    ["a year", "a3", { date: "2025", summary: "A year of talks." }, "a3-2025-9ccb62"],
    // The YAML may wrap or indent a long summary differently; the id is the same.
    ["a reflowed summary", "a2", { date: "2025-03-22", summary: "  Torkham\n  reopens. " }, "a2-2025-03-22-626d83"],
    // "é" written as e + combining accent is the same text as the composed "é".
    ["composed accents", "x", { date: "2025", summary: "Caf\u00e9 talks." }, "x-2025-21577c"],
    ["decomposed accents", "x", { date: "2025", summary: "Cafe\u0301 talks." }, "x-2025-21577c"],
    // A changed summary is a new id: the editor's `id` keeps the old one.
    ["an edited summary", "a2", { date: "2025-03-22", summary: "Torkham reopened." }, "a2-2025-03-22-72ce90"],
    [
      "an editor's id",
      "a2",
      { id: "2025-03-22-626d83", date: "2025-03-22", summary: "Torkham reopened." },
      "a2-2025-03-22-626d83",
    ],
    ["an editor's own key", "a2", { id: "reopening", date: "2025-03-22", summary: "X." }, "a2-reopening"],
  ])("derives the id of %s", (_case, article, event, expected) => {
    expect(eventId(article, event)).toBe(expected);
  });

  it("does not depend on where the event stands in the frontmatter", () => {
    const events = [
      { date: "2025-02", summary: "Torkham had closed." },
      { date: "2025-03-22", summary: "Torkham reopens." },
    ];
    const ids = events.map(eventKey);
    expect([...events].reverse().map(eventKey)).toEqual([...ids].reverse());
  });
});
