/**
 * An actor's roles as a reader wants them: one line per title, however many articles report it. Editors record a
 * role once per reporting article, in that article's words, so the same office comes back as "Pakistan’s special
 * representative to Afghanistan", "… for Afghanistan" and "special envoy"; listed one by one they read as five
 * offices. Titles are the same office when they differ only in case, apostrophes, a leading possessive ("Pakistan’s")
 * or "to"/"for", and a title is folded into the one longer title whose words it all has ("special envoy" into
 * "special envoy for Afghanistan"). Nothing else is guessed: "envoy" and "representative" stay two lines.
 */
import { comparePartialDates, parsePartialDate, type PartialDate } from "./dates.ts";
import type { ActorData } from "./schemas.ts";
import { typeset } from "./typography.ts";

type Role = ActorData["roles"][number];

/** What a role line needs of an article: its date, to order and bound the line. */
export interface Reporting {
  published: PartialDate;
}

export interface RoleLine<A extends Reporting = Reporting> {
  /** The wording most articles use (the longest on a tie), typeset and capitalised. */
  title: string;
  /** The other wordings of the same title, typeset, in the order first reported. */
  variants: string[];
  /** The earliest `from` any of its roles gives, when one does. */
  from?: PartialDate;
  /** The latest `to` any of its roles gives, when one does. */
  to?: PartialDate;
  /** The articles that report it, oldest first, each once. */
  sources: A[];
  /** The months of the first and last of them (the same month when they share one): when it was reported held. */
  reported?: { first: PartialDate; last: PartialDate };
}

/** A wording as a reader tells wordings apart: case, apostrophes and spacing do not make another one. */
const spelling = (title: string) => title.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, " ").trim();

/** A title as compared: lower case, one kind of apostrophe and space, no leading possessive, "to" read as "for". */
export function titleKey(title: string): string {
  return spelling(title)
    .replace(/^(?:the )?(?:\S+ )?\S+'s /, "")
    .replace(/\bto\b/g, "for");
}

const wordsOf = (key: string) => new Set(key.split(/[^\p{L}\p{N}']+/u).filter(Boolean));

function earliest(dates: PartialDate[]): PartialDate | undefined {
  return dates.reduce<PartialDate | undefined>((a, d) => (!a || comparePartialDates(d, a) < 0 ? d : a), undefined);
}
function latest(dates: PartialDate[]): PartialDate | undefined {
  return dates.reduce<PartialDate | undefined>((a, d) => (!a || comparePartialDates(d, a) > 0 ? d : a), undefined);
}

/** A date at most to the month: a range over several reports reads better by month, the citations keep the days. */
function month(d: PartialDate): PartialDate {
  const parsed = parsePartialDate(d.iso.slice(0, 7));
  return typeof parsed === "object" ? parsed : d;
}

const date = (value: string | undefined): PartialDate[] => {
  const parsed = value === undefined ? undefined : parsePartialDate(value);
  return typeof parsed === "object" ? [parsed] : [];
};

/**
 * One line per title, oldest first (by the earliest `from`, or else the first reporting article). Roles whose source is not an article of `articles`
 * (reported by the content check) keep their title and dates, without a source.
 */
export function roleLines<A extends Reporting>(
  roles: readonly Role[],
  articles: ReadonlyMap<string, A>,
): RoleLine<A>[] {
  const groups = new Map<string, Role[]>();
  for (const role of roles) {
    const key = titleKey(role.title);
    groups.set(key, [...(groups.get(key) ?? []), role]);
  }
  // A title whose words all belong to exactly one longer title is that title, written shorter.
  for (const key of [...groups.keys()]) {
    const words = wordsOf(key);
    const wider = [...groups.keys()].filter(
      (other) => other !== key && other.length > key.length && [...words].every((w) => wordsOf(other).has(w)),
    );
    const [into] = wider;
    if (wider.length === 1 && into !== undefined) {
      groups.set(into, [...(groups.get(into) ?? []), ...(groups.get(key) ?? [])]);
      groups.delete(key);
    }
  }

  const lines = [...groups.values()].map((group) => {
    const sources = [...new Set(group.flatMap((r) => articles.get(r.source) ?? []))].sort((a, b) =>
      comparePartialDates(a.published, b.published),
    );
    const counts = new Map<string, number>();
    for (const r of group) counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
    const wordings = [...counts.keys()];
    const best = wordings.reduce((a, b) => {
      const diff = (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b.length - a.length;
      return diff > 0 ? b : a;
    });
    const title = typeset(best);
    const from = earliest(group.flatMap((r) => date(r.from)));
    const to = latest(group.flatMap((r) => date(r.to)));
    const [first, last] = [sources[0], sources.at(-1)];
    const line: RoleLine<A> = {
      title: title.charAt(0).toUpperCase() + title.slice(1),
      variants: [...new Map(wordings.map((w) => [spelling(w), typeset(w)])).entries()]
        .filter(([key]) => key !== spelling(best))
        .map(([, w]) => w),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      sources,
      ...(first && last ? { reported: { first: month(first.published), last: month(last.published) } } : {}),
    };
    return { line, start: from ?? sources[0]?.published };
  });
  // Oldest first, by when each began or was first reported; titles with neither keep their order, at the end.
  return lines
    .map((entry, i) => ({ ...entry, i }))
    .sort(
      (a, b) =>
        (a.start && b.start ? comparePartialDates(a.start, b.start) : Number(!a.start) - Number(!b.start)) || a.i - b.i,
    )
    .map(({ line }) => line);
}
