/**
 * Pagination for every list that grows with the archive: splits a list into numbered pages with their paths, says
 * which page numbers a page links to, and where each year and month starts, so any item is a few clicks away without
 * JavaScript. Pure; the archives (archives.ts) use it and the routes render its output.
 *
 * URLs: the first page is the list's own path (`/articles/`), later pages are `page/<n>/` under it
 * (`/articles/page/2/`), never `/articles/2/`, which could be an entry's id.
 */

export interface Page<T> {
  /** 1-based. */
  number: number;
  /** Site path without the base. */
  path: string;
  items: T[];
  /** 1-based positions of the first and last item in the whole list; both 0 on the one page of an empty list. */
  from: number;
  to: number;
}

export interface MonthStart {
  /** 1–12, or undefined for items dated only by their year. */
  month: number | undefined;
  /** The page the month's first item is on. */
  page: number;
  path: string;
}

export interface YearStart {
  year: number;
  /** The page the year's first item is on. */
  page: number;
  path: string;
  /** The page the year's last item is on. */
  lastPage: number;
  /** Where each month starts, in list order. */
  months: MonthStart[];
}

/** What an item is dated by, for the jump lists: a PartialDate fits. */
export interface Dated {
  year: number;
  month?: number | undefined;
}

export interface Paged<T> {
  /** Site path of the first page. */
  path: string;
  total: number;
  /** At least one page, even for an empty list. */
  pages: Page<T>[];
  /** Where each year (and month) starts, in list order (only when the list is dated). */
  years: YearStart[];
}

/** The path of page `n` of the list whose first page is at `first`. */
export function pagePath(first: string, n: number): string {
  return n === 1 ? first : `${first}page/${n}/`;
}

/** The value of a paginated route's rest parameter (`[...page].astro`): none for page 1, then `page/2`… */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : `page/${n}`;
}

/** Splits `items`, in the order given, into pages of `perPage`; `dateOf` dates them for the year and month jumps. */
export function paginate<T>(
  items: readonly T[],
  perPage: number,
  first: string,
  dateOf?: (item: T) => Dated,
): Paged<T> {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a whole number ≥ 1`);
  const count = Math.max(1, Math.ceil(items.length / perPage));
  const pages = Array.from({ length: count }, (_, i): Page<T> => {
    const slice = items.slice(i * perPage, (i + 1) * perPage);
    return {
      number: i + 1,
      path: pagePath(first, i + 1),
      items: slice,
      from: slice.length ? i * perPage + 1 : 0,
      to: i * perPage + slice.length,
    };
  });
  const years = new Map<number, YearStart>();
  if (dateOf) {
    items.forEach((item, i) => {
      const { year, month } = dateOf(item);
      const page = Math.floor(i / perPage) + 1;
      const path = pagePath(first, page);
      let start = years.get(year);
      if (!start) years.set(year, (start = { year, page, path, lastPage: page, months: [] }));
      start.lastPage = page;
      if (!start.months.some((m) => m.month === month)) start.months.push({ month, page, path });
    });
  }
  return { path: first, total: items.length, pages, years: [...years.values()] };
}

/**
 * The years on a page whose months are worth a jump list: those that run over more than one page and more than
 * one month. With the year jumps, they put any item within a page or two of a click.
 */
export function monthJumps<T>(paged: Paged<T>, page: Page<T>): YearStart[] {
  return paged.years.filter(
    (y) => y.page <= page.number && y.lastPage >= page.number && y.lastPage > y.page && y.months.length > 1,
  );
}

/**
 * The page numbers a page of `count` links to: the first, the last, and `around` either side of the current one,
 * with `null` for each gap. A gap of a single page shows that page instead: an ellipsis would save nothing.
 */
export function pageLinks(current: number, count: number, around = 1): (number | null)[] {
  const shown = new Set([1, count]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const links: (number | null)[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) links.push(n - 1);
    else if (previous !== undefined && n - previous > 2) links.push(null);
    links.push(n);
  });
  return links;
}

/** "51–100 of 4,210" (or "1 of 1"): which items a page holds, with numbers in the site's language. */
export function rangeText(page: Pick<Page<unknown>, "from" | "to">, total: number, locale: string): string {
  // Not a new Intl.NumberFormat per call: V8 keeps the formatter toLocaleString uses for a locale, and making one
  // took about 1 s of page generation at 10,000 articles (profiled with --cpu-prof).
  const n = (value: number) => value.toLocaleString(locale);
  const range = page.from === page.to ? n(page.from) : `${n(page.from)}–${n(page.to)}`;
  return `${range} of ${n(total)}`;
}
