import { describe, expect, it } from "vitest";
import { collectBlocks, parseBody } from "../../../src/lib/blocks.ts";
import { formatProblem } from "../../../src/lib/model.ts";
import { eventDateProblems, statesDate } from "../../../src/lib/rules/event-dates.ts";
import { articleSchema } from "../../../src/lib/schemas.ts";

describe("statesDate", () => {
  it.each([
    // Day precision: day, month and year in one sentence, in either order, full or short month.
    ["The Taliban closed Torkham on 19 February 2023.", "2023-02-19", true],
    ["On February 19, 2023, the Taliban closed Torkham.", "2023-02-19", true],
    ["A caption shows the envoy in Kabul on 22 Mar. 2025.", "2025-03-22", true],
    ["The visit took place on the 16th of April 2025.", "2025-04-16", true],
    // The source's own "February 19" without a year: the year is an inference.
    ["The Taliban closed Torkham on 19 February.", "2023-02-19", false],
    // A weekday is never a date.
    ["A delegation held talks in Kabul on Friday.", "2025-03-21", false],
    // The wrong day, or a day that is only a prefix of the one written.
    ["The Taliban closed Torkham on 19 February 2023.", "2023-02-01", false],
    ["It happened on 1 February 2023.", "2023-02-11", false],
    // Month precision: month and year together.
    ["Forces withdrew in August 2021.", "2021-08", true],
    ["The TTP called off its ceasefire in November.", "2022-11", false],
    ["Officials travelled to Kabul in mid-April 2025.", "2025-04", true],
    // Year precision.
    ["The committee last met in 2023.", "2023", true],
    ["The committee last met more than 15 months ago.", "2023", false],
  ])("%s states %s: %s", (sentence, date, expected) => {
    expect(statesDate(sentence, date)).toBe(expected);
  });
});

function problems(events: Record<string, unknown>[], body: string): string[] {
  const data = articleSchema.parse({ title: "T", published: "2025-04-20", summary: "S.", themes: ["t"], events });
  const blocks = collectBlocks(parseBody(body, true));
  const entry = {
    id: "x",
    file: "content/articles/x.mdx",
    data,
    body,
    lineOf: (f: string) => (f === "events[0].date" ? 9 : undefined),
  };
  return eventDateProblems(entry, blocks).map(formatProblem);
}

describe("eventDateProblems", () => {
  it.each([
    [
      "a day the body states in full",
      [{ date: "2023-02-19", summary: "S." }],
      "Torkham closed on 19 February 2023.",
      [],
    ],
    [
      "a day found only as a weekday",
      [{ date: "2025-03-21", summary: "S." }],
      "The delegation held talks on Friday.\n\nTorkham reopened on Saturday.",
      [
        'content/articles/x.mdx:9: events[0].date: event 1 is dated "2025-03-21", but no sentence of the body states the day, month and year and there is no dateNote. Fix: if the date was inferred (from a weekday, "last week", another article), add a dateNote saying how; otherwise keep only the precision the source gives, and state it in the body.',
      ],
    ],
    [
      "the same day with a note saying how it was inferred",
      [{ date: "2025-03-21", dateNote: 'The text says "on Friday".', summary: "S." }],
      "The delegation held talks on Friday.",
      [],
    ],
    [
      "a day and month whose year is in another sentence",
      [
        { date: "2025-04-16", summary: "S." },
        { date: "2025", summary: "S." },
      ],
      "The visit took place on 16 April. It was the first meeting since 2025 began.",
      [
        'content/articles/x.mdx:9: events[0].date: event 1 is dated "2025-04-16", but no sentence of the body states the day, month and year and there is no dateNote. Fix: if the date was inferred (from a weekday, "last week", another article), add a dateNote saying how; otherwise keep only the precision the source gives, and state it in the body.',
      ],
    ],
    [
      'a month worked out from "in recent weeks"',
      [{ date: "2025-03", summary: "S." }],
      "- In recent weeks, tensions rose after the hostage crisis.",
      [
        'content/articles/x.mdx:9: events[0].date: event 1 is dated "2025-03", but no sentence of the body states the month and year and there is no dateNote. Fix: if the date was inferred (from a weekday, "last week", another article), add a dateNote saying how; otherwise keep only the precision the source gives, and state it in the body.',
      ],
    ],
    ["a month stated in a list item", [{ date: "2021-08", summary: "S." }], "- Forces withdrew in August 2021.", []],
  ])("%s", (_case, events, body, expected) => {
    expect(problems(events, body)).toEqual(expected);
  });
});
