/**
 * Crossing status over time: the closed and restricted periods between a crossing's dated status events, and how many
 * days they cover, per year. Sources often date a change only to the month, and a closure may have no reported
 * reopening: such an end is a range of days, and so is every count derived from it ("at least 22, at most 49 days").
 * Nothing here invents a day. Pure; the visual (closure-chart.ts) and the home page's board read it.
 *
 * Days are counted as the source would: a closure that starts on 19 February and ends with a reopening on
 * 22 February covers 3 days (the 19th, 20th and 21st); the day of the reopening is open.
 */
import type { PartialDate } from "./dates.ts";
import type { CrossingStatus } from "./schemas.ts";

/** A status event: its date and what the crossing's status became. */
export interface StatusEvent {
  date: PartialDate;
  status?: CrossingStatus | undefined;
}

/** A span of days, as day numbers (days since 1970-01-01, UTC): `[from, to)`. */
export interface DayRange {
  from: number;
  to: number;
}

/** A count of days the data cannot pin down: equal bounds when it can. */
export interface DayCount {
  min: number;
  max: number;
}

export type PeriodStatus = "closed" | "restricted";

export interface Period<E extends StatusEvent = StatusEvent> {
  status: PeriodStatus;
  /** The event that starts it. */
  start: E;
  /**
   * The event that ends it: a reopening or another change of status (`endReported`), or the next closure when no
   * reopening before it is reported. Absent when nothing later is reported (`ongoing`).
   */
  end?: E;
  /** The end is a reported change of status (not a guess from the next closure or from the newest article). */
  endReported: boolean;
  /** No later status event: the period runs, as far as the sources say, to `asOf` (the newest article naming it). */
  ongoing: boolean;
  /** The days it certainly covers (empty when `to <= from`): from the latest possible start to the earliest end. */
  certain: DayRange;
  /** The days it may cover: from the earliest possible start to the latest possible end. */
  possible: DayRange;
  /** How many days it covers. */
  days: DayCount;
  /** How many days it covers in each year it touches, oldest first. */
  byYear: { year: number; days: DayCount }[];
}

const DAY = 86_400_000;

/** The day number of a calendar day. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY;
}

/** A day number as `YYYY-MM-DD`. */
export function dayIso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The days a partial date may mean: one day, the days of its month, or of its year, as `[from, to)`. */
export function daysOf(date: PartialDate): DayRange {
  if (date.month === undefined) return { from: dayNumber(date.year, 1, 1), to: dayNumber(date.year + 1, 1, 1) };
  if (date.day === undefined)
    return { from: dayNumber(date.year, date.month, 1), to: dayNumber(date.year, date.month + 1, 1) };
  const day = dayNumber(date.year, date.month, date.day);
  return { from: day, to: day + 1 };
}

const overlap = (a: DayRange, b: DayRange) => Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));

/**
 * The closed and restricted periods of a crossing, oldest first, from its status events (oldest first, as the model
 * keeps `statusHistory`). A period runs from an event that closes or restricts the crossing to the next event that
 * changes its status. When the next event repeats the status ("closed" after "closed"), the sources do not report
 * the reopening between them: the first period then ends at an unknown day before the second starts. When nothing
 * follows, the period is ongoing as of `asOf`, the publication of the newest article that names the crossing —
 * never today, which the sources know nothing about.
 */
export function closurePeriods<E extends StatusEvent>(events: readonly E[], asOf?: PartialDate): Period<E>[] {
  const periods: Period<E>[] = [];
  const dated = events.filter((e) => e.status !== undefined);
  dated.forEach((start, i) => {
    const status = start.status;
    if (status !== "closed" && status !== "restricted") return;
    const next = dated[i + 1];
    const s = daysOf(start.date);
    let end: DayRange;
    let endReported = false;
    if (next && next.status !== status) {
      // Closed on the start's days, open (or otherwise) from the next event's: the end is that event's day.
      const n = daysOf(next.date);
      end = { from: n.from, to: Math.max(n.from, n.to - 1) };
      endReported = true;
    } else {
      // At least the first day; at most up to the next closure's earliest day, or through the newest article.
      const limit = next ? daysOf(next.date).from : asOf ? daysOf(asOf).to : s.to;
      end = { from: s.from + 1, to: Math.max(s.from + 1, limit) };
    }
    const certain = { from: s.to - 1, to: end.from };
    const possible = { from: s.from, to: Math.max(end.to, s.from + 1) };
    const byYear: Period<E>["byYear"] = [];
    const first = new Date(possible.from * DAY).getUTCFullYear();
    const last = new Date((possible.to - 1) * DAY).getUTCFullYear();
    for (let year = first; year <= last; year++) {
      const range = { from: dayNumber(year, 1, 1), to: dayNumber(year + 1, 1, 1) };
      byYear.push({ year, days: { min: overlap(certain, range), max: overlap(possible, range) } });
    }
    const min = Math.max(0, certain.to - certain.from);
    // A reported closure covers at least one day, even when the data cannot say which: if all of its possible days
    // fall in one year, that year has at least one.
    const only = byYear.length === 1 ? byYear[0] : undefined;
    if (only && only.days.min === 0) only.days.min = 1;
    periods.push({
      status,
      start,
      ...(next ? { end: next } : {}),
      endReported,
      ongoing: !next,
      certain,
      possible,
      days: { min: Math.max(1, min), max: possible.to - possible.from },
      byYear,
    });
  });
  return periods;
}

/** Days covered by a set of ranges, each day once however many ranges hold it. */
function unionDays(ranges: DayRange[]): number {
  const sorted = ranges.filter((r) => r.to > r.from).sort((a, b) => a.from - b.from);
  let total = 0;
  let end = -Infinity;
  for (const r of sorted) {
    const from = Math.max(r.from, end);
    if (r.to > from) total += r.to - from;
    end = Math.max(end, r.to);
  }
  return total;
}

/**
 * Days of a status in a year, over all the periods. The periods' days are united, not added: a closure known only to
 * its year holds every day of it, including those of the closures dated inside it, and no day counts twice.
 */
export function daysInYear(periods: readonly Period[], year: number, status: PeriodStatus = "closed"): DayCount {
  const range = { from: dayNumber(year, 1, 1), to: dayNumber(year + 1, 1, 1) };
  const clip = (r: DayRange) => ({ from: Math.max(r.from, range.from), to: Math.min(r.to, range.to) });
  const own = periods.filter((p) => p.status === status && p.byYear.some((b) => b.year === year));
  const max = unionDays(own.map((p) => clip(p.possible)));
  // A period that surely touches the year but whose certain days cannot be placed counts at least one.
  const certain = unionDays(own.map((p) => clip(p.certain)));
  const floor = own.some((p) => (p.byYear.find((b) => b.year === year)?.days.min ?? 0) > 0) ? 1 : 0;
  return { min: Math.min(max, Math.max(certain, floor)), max };
}

/** "3 days", "at least 22, at most 49 days", "at most 366 days", "none reported". */
export function formatDays(count: DayCount, lang = "en"): string {
  const n = (x: number) => x.toLocaleString(lang);
  const unit = (x: number) => (x === 1 ? "day" : "days");
  if (count.max === 0) return "none reported";
  if (count.min === count.max) return `${n(count.min)} ${unit(count.min)}`;
  if (count.min === 0) return `at most ${n(count.max)} ${unit(count.max)}`;
  return `at least ${n(count.min)}, at most ${n(count.max)} ${unit(count.max)}`;
}
