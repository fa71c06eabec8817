import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/model.ts";
import { eventIdProblems } from "../../../src/lib/rules/event-ids.ts";
import { articleSchema } from "../../../src/lib/schemas.ts";

/** Articles through the real schema; `events[1]` is on line 12 of every file, the others unknown. */
function problems(articles: Record<string, Record<string, unknown>[]>): string[] {
  return eventIdProblems(
    Object.entries(articles).map(([id, events]) => ({
      id,
      file: `content/articles/${id}.mdx`,
      data: articleSchema.parse({ title: "T", published: "2025-04-20", summary: "S.", themes: ["t"], events }),
      body: "",
      lineOf: (field: string) => (field.startsWith("events[1]") ? 12 : undefined),
    })),
  ).map(formatProblem);
}

describe("eventIdProblems", () => {
  it.each([
    [
      "events with different dates or summaries",
      {
        a: [
          { date: "2025-03", summary: "Talks." },
          { date: "2025-03-21", summary: "Talks." },
          { date: "2025-03", summary: "More talks." },
        ],
      },
      [],
    ],
    [
      "the same event in two articles",
      { a: [{ date: "2025", summary: "Talks." }], b: [{ date: "2025", summary: "Talks." }] },
      [],
    ],
    [
      "the same event written twice in one article",
      {
        a: [
          { date: "2025-03", summary: "Talks." },
          { date: "2025-03", summary: " Talks. " },
        ],
      },
      [
        'content/articles/a.mdx:12: events[1]: event 2 has the id "a-2025-03-dd7dd2", as event 1 has. Fix: if it is the same event, delete one; otherwise set `id` on one of them to a key of its own (see content/README.md).',
      ],
    ],
    [
      "an editor's id that repeats another event's",
      {
        a: [
          { date: "2025-03", summary: "Talks." },
          { date: "2025-04", summary: "More.", id: "2025-03-dd7dd2" },
        ],
      },
      [
        'content/articles/a.mdx:12: events[1].id: event 2 has the id "a-2025-03-dd7dd2", as event 1 has. Fix: give this event an id no other event of the article has.',
      ],
    ],
    [
      "an editor's id that spells out another article's event",
      {
        "a-b": [{ date: "2025", summary: "X.", id: "c" }],
        a: [
          { date: "2025", summary: "Y." },
          { date: "2025", summary: "Z.", id: "b-c" },
        ],
      },
      [
        'content/articles/a.mdx:12: events[1].id: event 2 has the id "a-b-c", as event 1 of content/articles/a-b.mdx has. Fix: give this event an id no other event of the article has.',
      ],
    ],
  ])("%s", (_case, articles, expected) => {
    expect(problems(articles)).toEqual(expected);
  });
});
