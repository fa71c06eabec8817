/**
 * The timeline strip: events as marks over time, drawn at build time as SVG. A date is drawn as precisely as its
 * source gives it: a day as a dot, a month or a year as a span of its month or year, never as a day. An inferred
 * date (an event with a dateNote) is drawn hollow and dashed. Each mark links to the event on its article page.
 *
 * Bounded: past `maxMarks` events the strip bins them by month instead, one bar per month whose height is its count,
 * linking to where the timeline lists that month; a page's size never grows with the archive.
 */
import { dayNumber, daysOf } from "./closures.ts";
import { formatShortDate, monthName } from "./dates.ts";
import type { TimelineEvent } from "./model.ts";
import { esc, r, scale } from "./svg.ts";

export interface StripOptions {
  /** A site path with the deployment's base. */
  url: (path: string) => string;
  /** Where the timeline lists a month's events (a site path with its anchor), for the month bars. */
  monthPath: (year: number, month: number | undefined) => string;
  /** What the strip shows, for its accessible name: "the TTP's 34 events". */
  label: string;
  /** Past this many events, bin by month. */
  maxMarks?: number;
}

const WIDTH = 480;
const PAD = 8;
const ROW = 14;
const MAX_ROWS = 12;
const AXIS = 22;
const DOT = 5;

/** An event as it is drawn: its span of days and whether its date was inferred. */
export interface StripMark {
  event: TimelineEvent;
  from: number;
  to: number;
  inferred: boolean;
  row: number;
}

export interface MonthBin {
  year: number;
  month: number | undefined;
  count: number;
}

export type Strip = { kind: "marks"; marks: StripMark[] } | { kind: "bins"; bins: MonthBin[] };

/**
 * How a list of events (oldest first) is drawn: its marks, each in the lowest row where it overlaps no other
 * (by at least `gap` days), or, when there are too many or they would need too many rows, its month bins.
 */
export function layOutStrip(events: readonly TimelineEvent[], maxMarks: number, gap: number): Strip {
  if (events.length <= maxMarks) {
    const ends: number[] = [];
    const marks: StripMark[] = [];
    let fits = true;
    // Spans first by start, so a long year span does not push the days inside it to the bottom.
    const sorted = events
      .map((event) => ({ event, ...daysOf(event.date) }))
      .sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from));
    for (const { event, from, to } of sorted) {
      let row = ends.findIndex((end) => end + gap <= from);
      if (row < 0) row = ends.length;
      if (row >= MAX_ROWS) {
        fits = false;
        break;
      }
      ends[row] = Math.max(to, from + gap);
      marks.push({ event, from, to, inferred: event.dateNote !== undefined, row });
    }
    if (fits) return { kind: "marks", marks };
  }
  const bins: MonthBin[] = [];
  for (const e of events) {
    const last = bins.at(-1);
    if (last && last.year === e.date.year && last.month === e.date.month) last.count++;
    else bins.push({ year: e.date.year, month: e.date.month, count: 1 });
  }
  return { kind: "bins", bins: mergeBins(bins) };
}

/** Bins in date order, one per month (the model's order puts a year's undated events after its months). */
function mergeBins(bins: MonthBin[]): MonthBin[] {
  const byKey = new Map<string, MonthBin>();
  for (const b of bins) {
    const key = `${b.year}-${b.month ?? 0}`;
    const seen = byKey.get(key);
    if (seen) seen.count += b.count;
    else byKey.set(key, { ...b });
  }
  return [...byKey.values()];
}

const brief = (text: string, max = 110) =>
  text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, "")}…`;

/** The strip of `events` (oldest first) as SVG; undefined when there are none. */
export function timelineStrip(events: readonly TimelineEvent[], options: StripOptions): string | undefined {
  if (events.length === 0) return undefined;
  const { url, monthPath, label, maxMarks = 80 } = options;
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) return undefined;
  const d0 = dayNumber(first.date.year, 1, 1);
  const d1 = dayNumber(last.date.year + 1, 1, 1);
  const x = scale(d0, d1, PAD, WIDTH - PAD);
  // Marks closer than about 2 dots' width would touch: they go on separate rows.
  const gap = Math.ceil(((d1 - d0) / (WIDTH - 2 * PAD)) * DOT * 2.2);
  const strip = layOutStrip(events, maxMarks, gap);
  const rows = strip.kind === "marks" ? Math.max(3, ...strip.marks.map((m) => m.row + 1)) : 5;
  const plot = rows * ROW + 8;
  const height = plot + AXIS;
  const parts: string[] = [
    `<svg class="chart timeline-strip" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="group" aria-label="${esc(
      strip.kind === "marks"
        ? `${label}, over time; each mark links to its event`
        : `${label}, counted by month; each bar links to the month on the timeline`,
    )}">`,
  ];
  const years = last.date.year - first.date.year + 1;
  // Label every year while they fit, otherwise every few.
  const every = Math.ceil(years / 8);
  for (let year = first.date.year; year <= last.date.year + 1; year++) {
    const xy = r(x(dayNumber(year, 1, 1)));
    parts.push(`<line class="axis" x1="${xy}" x2="${xy}" y1="0" y2="${plot}"/>`);
    if (year <= last.date.year && (year - first.date.year) % every === 0)
      parts.push(`<text class="axis-label" x="${xy}" y="${plot + 16}" dx="3">${year}</text>`);
  }
  parts.push(`<line class="axis" x1="${PAD}" x2="${WIDTH - PAD}" y1="${plot}" y2="${plot}"/>`);
  // Each mark's link carries its name twice: aria-label for assistive technology, <title> as the tooltip a pointer
  // shows (as the map's marks do).
  if (strip.kind === "marks") {
    for (const m of strip.marks) {
      const e = m.event;
      const y = plot - 4 - m.row * ROW - ROW / 2;
      const date = `${formatShortDate(e.date)}${m.inferred ? " (inferred)" : ""}`;
      const name = `${date}: ${brief(e.summary)}`;
      const cls = `mark${m.inferred ? " inferred" : ""}`;
      const shape =
        e.date.precision === "day"
          ? `<circle class="${cls}" cx="${r(x(m.from + 0.5))}" cy="${r(y)}" r="${DOT}"/>`
          : `<rect class="${cls} span" x="${r(x(m.from))}" y="${r(y - 3)}" width="${r(Math.max(x(m.to) - x(m.from), 4))}" height="6" rx="1"/>`;
      parts.push(
        `<a href="${esc(url(`${e.article.path}#${e.anchor}`))}" aria-label="${esc(name)}" data-date="${e.date.iso}"${m.inferred ? ' data-inferred=""' : ""}><title>${esc(name)}</title>${shape}</a>`,
      );
    }
  } else {
    const most = Math.max(...strip.bins.map((b) => b.count));
    // A year's events whose month is not reported span the year, behind its months.
    const bins = [...strip.bins].sort((a, b) => Number(a.month !== undefined) - Number(b.month !== undefined));
    for (const b of bins) {
      const span = daysOf(
        b.month === undefined
          ? { iso: String(b.year), year: b.year, precision: "year" }
          : { iso: "", year: b.year, month: b.month, precision: "month" },
      );
      const h = Math.max(2, ((plot - 4) * b.count) / most);
      const when = b.month === undefined ? `${b.year}, month not reported` : `${monthName(b.month)} ${b.year}`;
      const name = `${when}: ${b.count.toLocaleString("en")} ${b.count === 1 ? "event" : "events"}`;
      parts.push(
        `<a href="${esc(url(monthPath(b.year, b.month)))}" aria-label="${esc(name)}" data-month="${b.year}-${b.month ?? ""}" data-count="${b.count}"><title>${esc(name)}</title><rect class="bin${b.month === undefined ? " inferred" : ""}" x="${r(x(span.from))}" y="${r(plot - h)}" width="${r(Math.max(x(span.to) - x(span.from) - 0.6, 1.5))}" height="${r(h)}"/></a>`,
      );
    }
  }
  parts.push("</svg>");
  return parts.join("");
}
