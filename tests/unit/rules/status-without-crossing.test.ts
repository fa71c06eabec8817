import { describe, expect, it } from "vitest";
import { statusWithoutCrossing } from "../../../src/lib/rules/status-without-crossing.ts";
import { run, type Fields } from "./desk.ts";

const crossings = { torkham: { name: "Torkham", location: { lat: 34, lon: 71 }, summary: "S." } };

describe("statusWithoutCrossing", () => {
  it.each<[string, Fields, string[]]>([
    ["a status with its crossing", { date: "2025", summary: "X.", crossings: ["torkham"], status: "closed" }, []],
    ["no status", { date: "2025", summary: "X." }, []],
    [
      "a status with no crossing",
      { date: "2025", summary: "X.", status: "closed" },
      [
        "articles/x.mdx:10: events[0].status: event 1 has a status but names no crossing. Fix: add the crossing's id to the event's crossings, or remove status.",
      ],
    ],
    [
      "a status whose only crossing does not exist",
      { date: "2025", summary: "X.", crossings: ["chaman"], status: "closed" },
      [
        "articles/x.mdx:12: events[0].status: event 1 has a status but names no crossing. Fix: add the crossing's id to the event's crossings, or remove status.",
      ],
    ],
  ])("%s", (_case, event, expected) => {
    expect(run(statusWithoutCrossing, { crossings, articles: { x: { events: [event] } } })).toEqual(expected);
  });
});
