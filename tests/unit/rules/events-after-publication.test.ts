import { describe, expect, it } from "vitest";
import { eventsAfterPublication } from "../../../src/lib/rules/events-after-publication.ts";
import { run } from "./desk.ts";

describe("eventsAfterPublication", () => {
  it.each([
    ["the publication day", "2025-03-22", []],
    ["the month of publication, which contains the day", "2025-03", []],
    ["the year of publication", "2025", []],
    [
      "the day after",
      "2025-03-23",
      [
        'articles/x.mdx:8: events[0].date: event 1 is dated "2025-03-23", after the article\'s publication on 2025-03-22. Fix: an article can only report what happened by the day it was published: check both dates.',
      ],
    ],
    [
      "the month after",
      "2025-04",
      [
        'articles/x.mdx:8: events[0].date: event 1 is dated "2025-04", after the article\'s publication on 2025-03-22. Fix: an article can only report what happened by the day it was published: check both dates.',
      ],
    ],
  ])("%s", (_case, date, expected) => {
    const article = { published: "2025-03-22", events: [{ date, summary: "X." }] };
    expect(run(eventsAfterPublication, { articles: { x: article } })).toEqual(expected);
  });
});
