import { describe, expect, it } from "vitest";
import { closurePeriods, dayIso, daysInYear, formatDays, type StatusEvent } from "../../src/lib/closures.ts";
import { parsePartialDate, type PartialDate } from "../../src/lib/dates.ts";
import type { CrossingStatus } from "../../src/lib/schemas.ts";

const date = (iso: string): PartialDate => {
  const d = parsePartialDate(iso);
  if (typeof d === "string") throw new Error(d);
  return d;
};
const ev = (iso: string, status: CrossingStatus): StatusEvent => ({ date: date(iso), status });

/** A period as a row: status, possible and certain days (ISO, end exclusive), days, and how it ends. */
const row = (events: StatusEvent[], asOf?: string) =>
  closurePeriods(events, asOf ? date(asOf) : undefined).map((p) => ({
    status: p.status,
    start: p.start.date.iso,
    possible: `${dayIso(p.possible.from)}..${dayIso(p.possible.to)}`,
    certain: p.certain.to > p.certain.from ? `${dayIso(p.certain.from)}..${dayIso(p.certain.to)}` : "none",
    days: formatDays(p.days),
    end: p.ongoing ? "ongoing" : p.endReported ? "reported" : "not reported",
  }));

describe("closurePeriods", () => {
  it.each([
    {
      name: "a closure and a reopening dated to the day",
      events: [ev("2023-02-19", "closed"), ev("2023-02-22", "reopened")],
      want: [
        {
          status: "closed",
          start: "2023-02-19",
          possible: "2023-02-19..2023-02-22",
          certain: "2023-02-19..2023-02-22",
          days: "3 days",
          end: "reported",
        },
      ],
    },
    {
      name: "a closure known only to the month, reopened on a day",
      events: [ev("2025-02", "closed"), ev("2025-03-22", "reopened")],
      want: [
        {
          status: "closed",
          start: "2025-02",
          possible: "2025-02-01..2025-03-22",
          certain: "2025-02-28..2025-03-22",
          days: "at least 22, at most 49 days",
          end: "reported",
        },
      ],
    },
    {
      name: "a reopening known only to the month",
      events: [ev("2024-05-10", "closed"), ev("2024-06", "open")],
      want: [
        {
          status: "closed",
          start: "2024-05-10",
          possible: "2024-05-10..2024-06-30",
          certain: "2024-05-10..2024-06-01",
          days: "at least 22, at most 51 days",
          end: "reported",
        },
      ],
    },
    {
      name: "an open-ended closure runs to the newest article, not to today",
      events: [ev("2025-04-10", "closed")],
      asOf: "2025-04-20",
      want: [
        {
          status: "closed",
          start: "2025-04-10",
          possible: "2025-04-10..2025-04-21",
          certain: "2025-04-10..2025-04-11",
          days: "at least 1, at most 11 days",
          end: "ongoing",
        },
      ],
    },
    {
      name: "two closures with no reopening between: the first ends before the second, day unknown",
      events: [ev("2023-02-19", "closed"), ev("2023-03", "closed"), ev("2023-03-22", "reopened")],
      want: [
        {
          status: "closed",
          start: "2023-02-19",
          possible: "2023-02-19..2023-03-01",
          certain: "2023-02-19..2023-02-20",
          days: "at least 1, at most 10 days",
          end: "not reported",
        },
        {
          status: "closed",
          start: "2023-03",
          possible: "2023-03-01..2023-03-22",
          certain: "none",
          days: "at least 1, at most 21 days",
          end: "reported",
        },
      ],
    },
    {
      name: "a restriction then a closure: each its own period",
      events: [ev("2024-01-05", "restricted"), ev("2024-01-10", "closed"), ev("2024-01-12", "reopened")],
      want: [
        {
          status: "restricted",
          start: "2024-01-05",
          possible: "2024-01-05..2024-01-10",
          certain: "2024-01-05..2024-01-10",
          days: "5 days",
          end: "reported",
        },
        {
          status: "closed",
          start: "2024-01-10",
          possible: "2024-01-10..2024-01-12",
          certain: "2024-01-10..2024-01-12",
          days: "2 days",
          end: "reported",
        },
      ],
    },
    {
      name: "a reopening alone is no period",
      events: [ev("2024-01-05", "reopened"), ev("2024-02-01", "open")],
      want: [],
    },
  ])("$name", ({ events, asOf, want }) => {
    expect(row(events, asOf)).toEqual(want);
  });

  it("counts days per year across a new year, with the uncertain ones as a range", () => {
    const periods = closurePeriods([ev("2024-12", "closed"), ev("2025-01-10", "reopened")]);
    expect(periods[0]?.byYear).toEqual([
      { year: 2024, days: { min: 1, max: 31 } },
      { year: 2025, days: { min: 9, max: 9 } },
    ]);
    expect(daysInYear(periods, 2025)).toEqual({ min: 9, max: 9 });
    expect(daysInYear(periods, 2024)).toEqual({ min: 1, max: 31 });
    expect(daysInYear(periods, 2023)).toEqual({ min: 0, max: 0 });
    expect(daysInYear(periods, 2025, "restricted")).toEqual({ min: 0, max: 0 });
  });
});

describe("daysInYear", () => {
  it("counts a day once when a closure known only to its year holds closures dated inside it", () => {
    const periods = closurePeriods([
      ev("2024-03-02", "closed"),
      ev("2024-03-10", "reopened"),
      ev("2024", "closed"),
      ev("2025-01-05", "reopened"),
    ]);
    // 2 to 9 March, and 31 December: the latest the second closure can have begun, and it lasted into 2025.
    expect(daysInYear(periods, 2024)).toEqual({ min: 9, max: 366 });
  });
});

describe("formatDays", () => {
  it.each([
    [{ min: 0, max: 0 }, "none reported"],
    [{ min: 1, max: 1 }, "1 day"],
    [{ min: 3, max: 3 }, "3 days"],
    [{ min: 22, max: 49 }, "at least 22, at most 49 days"],
    [{ min: 0, max: 366 }, "at most 366 days"],
    [{ min: 1000, max: 1200 }, "at least 1,000, at most 1,200 days"],
  ])("%o reads %s", (count, text) => {
    expect(formatDays(count)).toBe(text);
  });
});
