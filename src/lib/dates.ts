/**
 * Partial dates: sources often give only a year or a month, and the briefing keeps exactly the precision the source
 * gives. A partial date is stored as its ISO-like text (`2025`, `2025-03`, `2025-03-21`) and compared by it.
 */

export type Precision = "year" | "month" | "day";

export interface PartialDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  iso: string;
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Returns an error message (a string) when the text is not a real date,
 * so callers can report it against the field it came from.
 */
export function parsePartialDate(text: string): PartialDate | string {
  const match = PATTERN.exec(text);
  if (!match) return `"${text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(match[1]);
  if (match[2] === undefined) return { iso: text, year, precision: "year" };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `"${text}" has no month ${match[2]}: months run 01 to 12`;
  if (match[3] === undefined) return { iso: text, year, month, precision: "month" };
  const day = Number(match[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${text}" has no day ${match[3]}: that month has ${last} days`;
  return { iso: text, year, month, day, precision: "day" };
}

/**
 * Orders partial dates chronologically; a less precise date sorts before the more precise dates inside it
 * ("2025-03" before "2025-03-21"), which reads naturally in a timeline.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** Which way a timeline runs. */
export type TimelineOrder = "oldest-first" | "newest-first";

/**
 * Orders partial dates for reading, in either direction, without implying an order the sources do not give: within
 * a month, the events dated to the day come first (in the chosen order) and those known only to the month after
 * them, as a group of their own; within a year, likewise, the months and then what is known only to the year. A
 * month-only event is never placed before or among the days of its month, because the source does not say where.
 */
export function compareInTimeline(a: PartialDate, b: PartialDate, order: TimelineOrder = "oldest-first"): number {
  const direction = order === "oldest-first" ? 1 : -1;
  if (a.year !== b.year) return direction * (a.year - b.year);
  if (a.month === undefined || b.month === undefined) return unreportedLast(a.month, b.month);
  if (a.month !== b.month) return direction * (a.month - b.month);
  if (a.day === undefined || b.day === undefined) return unreportedLast(a.day, b.day);
  return direction * (a.day - b.day);
}

/** A part of a date that the source does not report sorts after every one it does, whichever the direction. */
function unreportedLast(a: number | undefined, b: number | undefined): number {
  return a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : 0;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The month's name, for headings such as "March 2025". */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "2025", "March 2025" or "21 March 2025": never more precise than the date itself. */
export function formatPartialDate(date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${monthName(date.month)} ${date.year}`;
  return `${date.day} ${monthName(date.month)} ${date.year}`;
}

/** "21 March" or "March": the date without what a heading above it already says (its year, or its month and year). */
export function formatWithin(date: PartialDate, heading: "year" | "month"): string {
  if (date.month === undefined) return "";
  if (date.day === undefined) return heading === "year" ? monthName(date.month) : "";
  return `${date.day} ${monthName(date.month)}`;
}

/** "21 Mar 2025" style, for dense lists and citations. */
export function formatShortDate(date: PartialDate): string {
  const full = formatPartialDate(date);
  return full.replace(/([A-Z][a-z]{2})[a-z]+/, "$1");
}

/** A YAML value (a Date, a year number or a string) as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text. */
export function dateText(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? value.trim() : "";
}

/** The id of a year's heading on a timeline, which search results and year jumps link to. */
export function yearId(year: number): string {
  return `y${year}`;
}

/** The id of a month's heading on a timeline; events dated only by their year share one per year. */
export function monthId(year: number, month: number | undefined): string {
  return month === undefined ? `y${year}-undated` : `m${year}-${String(month).padStart(2, "0")}`;
}

/** The id of the heading over a month's events whose day the sources do not report. */
export function dayNotReportedId(year: number, month: number): string {
  return `${monthId(year, month)}-undated`;
}
