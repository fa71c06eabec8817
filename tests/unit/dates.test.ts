import { describe, expect, it } from "vitest";
import {
  compareInTimeline,
  comparePartialDates,
  dateText,
  formatPartialDate,
  formatShortDate,
  formatWithin,
  parsePartialDate,
} from "../../src/lib/dates.ts";

describe("parsePartialDate", () => {
  it.each([
    ["2025", { iso: "2025", year: 2025, precision: "year" }],
    ["2025-03", { iso: "2025-03", year: 2025, month: 3, precision: "month" }],
    ["2025-03-21", { iso: "2025-03-21", year: 2025, month: 3, day: 21, precision: "day" }],
    ["2024-02-29", { iso: "2024-02-29", year: 2024, month: 2, day: 29, precision: "day" }],
  ])("parses %s keeping its precision", (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each([
    ["21 March 2025", '"21 March 2025" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
    ["2025-3", '"2025-3" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
    ["2025-13", '"2025-13" has no month 13: months run 01 to 12'],
    ["2025-02-29", '"2025-02-29" has no day 29: that month has 28 days'],
    ["2025-04-31", '"2025-04-31" has no day 31: that month has 30 days'],
    ["", '"" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD'],
  ])("rejects %s with a message saying why", (text, message) => {
    expect(parsePartialDate(text)).toBe(message);
  });
});

const d = (text: string) => {
  const parsed = parsePartialDate(text);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
};

describe("comparePartialDates", () => {
  it("orders by year, month and day, a less precise date before the days inside it", () => {
    const sorted = ["2025-03-21", "2021", "2025-03", "2023-02-19", "2025", "2025-02"].map(d).sort(comparePartialDates);
    expect(sorted.map((x) => x.iso)).toEqual(["2021", "2023-02-19", "2025", "2025-02", "2025-03", "2025-03-21"]);
  });
});

describe("compareInTimeline", () => {
  const dates = ["2025-04", "2025-03-21", "2025", "2025-04-19", "2023-02-19", "2025-04-16", "2025-03", "2023-02"];
  it.each([
    ["oldest-first", ["2023-02-19", "2023-02", "2025-03-21", "2025-03", "2025-04-16", "2025-04-19", "2025-04", "2025"]],
    ["newest-first", ["2025-04-19", "2025-04-16", "2025-04", "2025-03-21", "2025-03", "2025", "2023-02-19", "2023-02"]],
  ] as const)(
    "orders %s with what is known only to a month after the month's days, and only to a year after its months",
    (order, expected) => {
      const sorted = dates.map(d).sort((a, b) => compareInTimeline(a, b, order));
      expect(sorted.map((x) => x.iso)).toEqual(expected);
    },
  );
});

describe("formatWithin", () => {
  it.each([
    ["2025-04-19", "month", "19 April"],
    ["2025-04-19", "year", "19 April"],
    ["2025-04", "month", ""],
    ["2025-04", "year", "April"],
    ["2025", "year", ""],
  ] as const)("shows %s under a %s heading as %j: only what the heading does not say", (text, heading, expected) => {
    expect(formatWithin(d(text), heading)).toBe(expected);
  });
});

describe("formatting", () => {
  it.each([
    ["2021", "2021", "2021"],
    ["2025-03", "March 2025", "Mar 2025"],
    ["2025-03-21", "21 March 2025", "21 Mar 2025"],
  ])("shows %s as %s, never more precise than the source", (text, long, short) => {
    expect(formatPartialDate(d(text))).toBe(long);
    expect(formatShortDate(d(text))).toBe(short);
  });
});

describe("dateText", () => {
  it.each([
    [new Date("2025-03-22T00:00:00Z"), "2025-03-22"],
    [2021, "2021"],
    [" 2025-03 ", "2025-03"],
    [undefined, ""],
  ])("turns the YAML value %s into %s", (value, expected) => {
    expect(dateText(value)).toBe(expected);
  });
});
