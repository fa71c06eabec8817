import { describe, expect, it } from "vitest";
import { dayIso } from "../../src/lib/closures.ts";
import { parsePartialDate, type PartialDate } from "../../src/lib/dates.ts";
import type { TimelineEvent } from "../../src/lib/model.ts";
import { layOutStrip, timelineStrip } from "../../src/lib/timeline-strip.ts";

const date = (iso: string): PartialDate => {
  const d = parsePartialDate(iso);
  if (typeof d === "string") throw new Error(d);
  return d;
};
/** An event with what the strip reads: its date, note, summary, anchor and article path. */
const event = (iso: string, inferred = false, n = 0): TimelineEvent =>
  ({
    anchor: `a-${iso}-${n}`,
    date: date(iso),
    ...(inferred ? { dateNote: "worked out" } : {}),
    summary: `Something on ${iso}`,
    article: { path: "/articles/a/" },
  }) as unknown as TimelineEvent;

const options = {
  url: (p: string) => p,
  monthPath: (y: number, m?: number) => `/timeline/#m${y}-${m}`,
  label: "Events",
};

describe("layOutStrip", () => {
  it.each([
    { iso: "2025-03-21", from: "2025-03-21", to: "2025-03-22" },
    { iso: "2025-03", from: "2025-03-01", to: "2025-04-01" },
    { iso: "2025", from: "2025-01-01", to: "2026-01-01" },
  ])("draws $iso as the days $from to $to, never as a day it does not give", ({ iso, from, to }) => {
    const strip = layOutStrip([event(iso)], 10, 1);
    expect(strip.kind).toBe("marks");
    if (strip.kind !== "marks") return;
    expect(strip.marks.map((m) => [dayIso(m.from), dayIso(m.to)])).toEqual([[from, to]]);
  });

  it("puts marks that would touch on separate rows, and marks apart on the same row", () => {
    const strip = layOutStrip([event("2025-03-01"), event("2025-03-02"), event("2025-06-01")], 10, 5);
    expect(strip.kind === "marks" && strip.marks.map((m) => m.row)).toEqual([0, 1, 0]);
  });

  it("bins by month, with a year's undated events as their own bin, past the cap", () => {
    const events = [
      event("2024"),
      event("2024-05-01"),
      event("2024-05", true),
      event("2025-01-02"),
      event("2025-01-09"),
    ];
    expect(layOutStrip(events, 4, 1)).toEqual({
      kind: "bins",
      bins: [
        { year: 2024, month: undefined, count: 1 },
        { year: 2024, month: 5, count: 2 },
        { year: 2025, month: 1, count: 2 },
      ],
    });
  });
});

describe("timelineStrip", () => {
  const events = [event("2023-02-19"), event("2025-02", true), event("2025-03-22", true, 1)];

  it("links each mark to its event, named by its date and summary, inferred dates marked", () => {
    const svg = timelineStrip(events, options) ?? "";
    expect([...svg.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"/g)].map((m) => `${m[1]} | ${m[2]}`)).toEqual([
      "/articles/a/#a-2023-02-19-0 | 19 Feb 2023: Something on 2023-02-19",
      "/articles/a/#a-2025-02-0 | Feb 2025 (inferred): Something on 2025-02",
      "/articles/a/#a-2025-03-22-1 | 22 Mar 2025 (inferred): Something on 2025-03-22",
    ]);
    // The same name as the tooltip a pointer shows.
    expect([...svg.matchAll(/aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)].every((m) => m[1] === m[2])).toBe(
      true,
    );
    expect(svg.match(/<title>/g)).toHaveLength(3);
    expect(svg.match(/<circle class="mark"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="mark inferred span"/g)).toHaveLength(1);
    expect(svg.match(/<circle class="mark inferred"/g)).toHaveLength(1);
  });

  it("gives the same bytes for the same events", () => {
    expect(timelineStrip(events, options)).toBe(timelineStrip([...events], options));
  });

  it("links each month bar to the month on the timeline when binned", () => {
    const svg = timelineStrip(events, { ...options, maxMarks: 2 }) ?? "";
    expect([...svg.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"/g)].map((m) => `${m[1]} | ${m[2]}`)).toEqual([
      "/timeline/#m2023-2 | February 2023: 1 event",
      "/timeline/#m2025-2 | February 2025: 1 event",
      "/timeline/#m2025-3 | March 2025: 1 event",
    ]);
  });

  it("draws nothing for no events", () => {
    expect(timelineStrip([], options)).toBeUndefined();
  });
});
