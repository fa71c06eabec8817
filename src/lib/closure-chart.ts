/**
 * Crossing status over time as a build-time SVG: one lane per crossing, a bar per closed or restricted period
 * (closures.ts), solid where the data pins the days down and hatched where it does not (a start or end known only to
 * the month, a reopening the sources do not report, a closure still open as of the newest article). Each bar is a
 * link to the event that starts it, named for screen readers; the page shows the same periods as a table.
 */
import { closurePeriods, dayNumber, daysOf, formatDays, type Period } from "./closures.ts";
import { formatShortDate, type PartialDate } from "./dates.ts";
import type { EntityKey, EntityView, Model, TimelineEvent } from "./model.ts";
import { esc, r, scale } from "./svg.ts";

export interface CrossingClosures {
  view: EntityView;
  periods: Period<TimelineEvent>[];
  /** The publication of the newest article that names the crossing: how far an ongoing period runs. */
  asOf?: PartialDate;
}

const built = new WeakMap<Model, Map<EntityKey, CrossingClosures>>();

/** Each crossing's closed and restricted periods, computed once per model. */
export function crossingClosures(model: Model): Map<EntityKey, CrossingClosures> {
  let map = built.get(model);
  if (map) return map;
  map = new Map();
  for (const view of model.crossings) {
    const asOf = view.articles[0]?.article.published;
    map.set(view.entity.key, { view, periods: closurePeriods(view.statusHistory, asOf), ...(asOf ? { asOf } : {}) });
  }
  built.set(model, map);
  return map;
}

const LABEL = { closed: "Closed", restricted: "Restricted" } as const;

/** What a period's bar says to a screen reader and in its tooltip. */
export function periodLabel(p: Period<TimelineEvent>, asOf?: PartialDate): string {
  const from = formatShortDate(p.start.date);
  const until = p.ongoing
    ? `no reopening reported as of ${asOf ? formatShortDate(asOf) : "the newest article"}`
    : p.endReported && p.end
      ? `to ${formatShortDate(p.end.date)}`
      : `reopening not reported, before ${p.end ? formatShortDate(p.end.date) : "the next closure"}`;
  return `${LABEL[p.status]} from ${from}, ${until}: ${formatDays(p.days)}. Source: ${p.start.article.data.title}`;
}

export interface ChartOptions {
  /** A site path with the deployment's base. */
  url: (path: string) => string;
  /** Unique on the page: prefixes the ids of the hatch patterns. */
  id: string;
}

const WIDTH = 480;
const PAD = 8;
const LANE = 44;
const BAR = 16;

/**
 * The chart of some crossings' periods on one time axis, from January of the first period's year to the end of the
 * newest article's month. Undefined when none has a period.
 */
export function closureChart(rows: readonly CrossingClosures[], options: ChartOptions): string | undefined {
  const lanes = rows.filter((c) => c.periods.length > 0);
  if (lanes.length === 0) return undefined;
  const starts = lanes.flatMap((c) => c.periods.map((p) => p.possible.from));
  const ends = lanes.flatMap((c) => [...c.periods.map((p) => p.possible.to), ...(c.asOf ? [daysOf(c.asOf).to] : [])]);
  const firstYear = new Date(Math.min(...starts) * 86_400_000).getUTCFullYear();
  const last = new Date((Math.max(...ends) - 1) * 86_400_000);
  const d0 = dayNumber(firstYear, 1, 1);
  const d1 = dayNumber(last.getUTCFullYear(), last.getUTCMonth() + 2, 1);
  const x = scale(d0, d1, PAD, WIDTH - PAD);
  const height = lanes.length * LANE + 26;
  const { url, id } = options;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart closure-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="group" aria-label="Closed and restricted periods, ${lanes.length === 1 ? "one crossing" : `${lanes.length} crossings`}; each bar links to its source">`,
    `<defs>`,
    ...(["closed", "restricted"] as const).map(
      (s) =>
        `<pattern id="${id}-${s}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)"><rect class="hatch-${s}" width="2" height="5"/></pattern>`,
    ),
    `</defs>`,
  );
  // Year lines and labels.
  const axisY = lanes.length * LANE + 6;
  for (let year = firstYear; dayNumber(year, 1, 1) < d1; year++) {
    const xy = r(x(dayNumber(year, 1, 1)));
    parts.push(`<line class="axis" x1="${xy}" x2="${xy}" y1="0" y2="${axisY}"/>`);
    parts.push(`<text class="axis-label" x="${xy}" y="${axisY + 16}" dx="3">${year}</text>`);
  }
  lanes.forEach((c, i) => {
    const top = i * LANE;
    parts.push(
      `<text class="lane-label" x="${PAD}" y="${top + 14}">${esc(c.view.entity.name)}</text>`,
      `<line class="lane" x1="${PAD}" x2="${WIDTH - PAD}" y1="${top + 22 + BAR / 2}" y2="${top + 22 + BAR / 2}"/>`,
    );
    for (const p of c.periods) {
      const y = top + 22;
      const label = periodLabel(p, c.asOf);
      const href = url(`${p.start.article.path}#${p.start.anchor}`);
      const segments: string[] = [];
      const rect = (from: number, to: number, fill: string, cls: string) => {
        const a = x(from);
        // A day is a hair wide on a long axis: keep every bar visible.
        const w = Math.max(x(to) - a, 3);
        segments.push(
          `<rect class="${cls}" x="${r(a)}" y="${y}" width="${r(w)}" height="${BAR}"${fill ? ` fill="${fill}"` : ""}/>`,
        );
      };
      const hatch = `url(#${id}-${p.status})`;
      if (p.certain.to > p.certain.from) {
        if (p.possible.from < p.certain.from)
          rect(p.possible.from, p.certain.from, hatch, `uncertain uncertain-${p.status}`);
        rect(p.certain.from, p.certain.to, "", `period-${p.status}`);
        if (p.certain.to < p.possible.to) rect(p.certain.to, p.possible.to, hatch, `uncertain uncertain-${p.status}`);
      } else {
        rect(p.possible.from, p.possible.to, hatch, `uncertain uncertain-${p.status}`);
      }
      parts.push(
        `<a href="${esc(href)}" aria-label="${esc(label)}" data-from="${p.start.date.iso}" data-to="${p.end && p.endReported ? p.end.date.iso : ""}" data-status="${p.status}"><title>${esc(label)}</title>${segments.join("")}</a>`,
      );
    }
  });
  parts.push(`</svg>`);
  return parts.join("");
}
