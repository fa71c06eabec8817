import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/model.ts";
import { eventAfterProblems } from "../../../src/lib/rules/event-after.ts";
import { articleSchema } from "../../../src/lib/schemas.ts";

/** Articles through the real schema; `events[1].after` is on line 14 of every file, the others unknown. */
function problems(articles: Record<string, Record<string, unknown>[]>): string[] {
  return eventAfterProblems(
    Object.entries(articles).map(([id, events]) => ({
      id,
      file: `content/articles/${id}.mdx`,
      data: articleSchema.parse({ title: "T", published: "2025-04-20", summary: "S.", themes: ["t"], events }),
      body: "",
      lineOf: (field: string) => (field === "events[1].after" ? 14 : undefined),
    })),
  ).map(formatProblem);
}

// "Talks." dated 2025-04-16 in article a has the id a-2025-04-16-dd7dd2.
const talks = { date: "2025-04-16", summary: "Talks." };

describe("eventAfterProblems", () => {
  it.each([
    ["no event with after", { a: [talks, { date: "2025-04", summary: "A post." }] }, []],
    [
      "a month-only event after a day of its month, by the short id",
      { a: [talks, { date: "2025-04", summary: "A post.", after: "2025-04-16-dd7dd2" }] },
      [],
    ],
    [
      "an event after another article's event, by its full id",
      {
        a: [talks],
        b: [
          { date: "2025-05-01", summary: "Other." },
          { date: "2025-05", summary: "A call.", after: "a-2025-04-16-dd7dd2" },
        ],
      },
      [],
    ],
    [
      "an id no event has",
      { a: [talks, { date: "2025-04", summary: "A post.", after: "2025-04-17-dd7dd2" }] },
      [
        'content/articles/a.mdx:14: events[1].after: no event has the id "2025-04-17-dd7dd2". Fix: copy the id from the event\'s anchor on its article page or from /data/events.csv; for an event of this article, the part after "a-" is enough.',
      ],
    ],
    [
      "an event after itself",
      { a: [talks, { date: "2025-04", summary: "A post.", id: "post", after: "post" }] },
      [
        "content/articles/a.mdx:14: events[1].after: event 2 cannot come after itself. Fix: name the dated event the source says it followed.",
      ],
    ],
    [
      "an event after a later one",
      { a: [talks, { date: "2025-03", summary: "A post.", after: "2025-04-16-dd7dd2" }] },
      [
        'content/articles/a.mdx:14: events[1].after: event 2 (March 2025) cannot come after "a-2025-04-16-dd7dd2", dated 16 April 2025. Fix: check both dates, and whether the source says this event came after that one.',
      ],
    ],
    [
      "a day after a later day of the same month",
      { a: [talks, { date: "2025-04-15", summary: "A post.", after: "2025-04-16-dd7dd2" }] },
      [
        'content/articles/a.mdx:14: events[1].after: event 2 (15 April 2025) cannot come after "a-2025-04-16-dd7dd2", dated 16 April 2025. Fix: check both dates, and whether the source says this event came after that one.',
      ],
    ],
    [
      "a year-only event after a day of its year",
      { a: [talks, { date: "2025", summary: "A post.", after: "2025-04-16-dd7dd2" }] },
      [],
    ],
  ])("%s", (_case, articles, expected) => {
    expect(problems(articles)).toEqual(expected);
  });
});
