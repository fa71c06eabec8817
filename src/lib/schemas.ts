/**
 * One schema per kind of entry. These are the public contract editors write to (see content/README.md); every
 * message says what to write instead, because editors read them, not developers.
 */
import { z } from "astro/zod";
import { dateText, parsePartialDate } from "./dates.ts";

/** An entry id: the file name without extension, as used in URLs. */
const id = z
  .string({ error: "write an id: lower-case words joined by hyphens, e.g. sadiq-khan" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "ids are lower-case words joined by hyphens, e.g. sadiq-khan (the file name without .md)",
  });

const ids = z.array(id, { error: "write a list of ids, e.g. [ttp, afghan-taliban]" }).default([]);

const text = (what: string) =>
  z
    .string({ error: `write ${what}` })
    .trim()
    .min(1, { error: `write ${what}; it may not be empty` });

/** A full date, `YYYY-MM-DD`, as text. YAML turns an unquoted date into a Date; both are accepted. */
const fullDate = z.preprocess(
  dateText,
  z.string().superRefine((value, ctx) => {
    const parsed = parsePartialDate(value);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
    else if (parsed.precision !== "day")
      ctx.addIssue({ code: "custom", message: `"${value}" needs a day: write YYYY-MM-DD` });
  }),
);

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept at the precision the source gives. */
const partialDate = z.preprocess(
  dateText,
  z.string().superRefine((value, ctx) => {
    const parsed = parsePartialDate(value);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
  }),
);

export const crossingStatuses = ["closed", "reopened", "open", "restricted"] as const;
export type CrossingStatus = (typeof crossingStatuses)[number];

export const eventSchema = z.strictObject(
  {
    /** When it happened: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` — the precision the source gives, never an invented day. */
    date: partialDate,
    /**
     * Present only when the date was inferred rather than read off the source at this precision: how it was worked
     * out (from a weekday, from "nearly a month", from another article, from outside knowledge). Where two sources
     * disagree on the date, name each and what it says.
     */
    dateNote: text("how the date was inferred").optional(),
    /** One sentence in our words. */
    summary: text("one sentence saying what happened"),
    /** Ids of the actors involved (each must also be tagged on the article). */
    actors: ids,
    /** Ids of the crossings involved (each must also be tagged on the article). */
    crossings: ids,
    /** Ids of the places where it happened (each must also be tagged on the article). */
    places: ids,
    /**
     * Only where the source says so: the id of the dated event this one came after, e.g. the meetings a month-only
     * statement followed. The timeline names it, since an event known only to its month is listed after the month's
     * dated events and would otherwise say nothing of where it falls. The part after the article's id is enough for
     * an event of the same article.
     */
    after: z
      .string({ error: "write the id of the event this one came after" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        error: "after is an event id: lower-case words or digits joined by hyphens, e.g. 2025-04-16-3f2a1b",
      })
      .optional(),
    /** For a change at a crossing: what its status became. */
    status: z.enum(crossingStatuses, { error: `status must be one of: ${crossingStatuses.join(", ")}` }).optional(),
    /**
     * Rarely needed: keeps the event's id (its anchor on the page and its key in the open data) when its date or
     * summary is edited. Write the part of the current id after the article's id, e.g. `2025-03-22-5f4b8c`, or a
     * short key of your own. Without it the id is the date and a digest of the summary (see src/lib/event-ids.ts).
     */
    id: z
      .string({ error: "write the event's id as lower-case words or digits joined by hyphens" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        error: "an event id is lower-case words or digits joined by hyphens, e.g. 2025-03-22-5f4b8c",
      })
      .optional(),
  },
  { error: "each event needs date and summary (and may have dateNote, actors, crossings, places, after, status, id)" },
);

export const articleSchema = z.strictObject({
  /** Our headline for the article (not the original's). */
  title: text("our headline for the article"),
  /** Publication date, `YYYY-MM-DD`. */
  published: fullDate,
  /**
   * How the publication date was established when the text does not state it: what the text does give (a weekday,
   * a day without a year, nothing) and how the rest was worked out.
   */
  publishedNote: text("how the date was established").optional(),
  /** The publisher, only where the text shows it. */
  outlet: text("the publisher's name").optional(),
  /** The original article's address. */
  url: z.url({ error: "url must be a full address starting with https://" }).optional(),
  /** The original article's headline, as it was published, only where the text shows it. */
  originalTitle: text("the original article's headline as published").optional(),
  /** The dateline city, e.g. Kabul. */
  dateline: text("the dateline city").optional(),
  /** One or two sentences: used in lists, the meta description and the feed. */
  summary: text("a one- or two-sentence summary").max(400, {
    error: "keep the summary to one or two sentences (at most 400 characters)",
  }),
  /** Ids from content/actors/ of everyone the briefing names. */
  actors: ids,
  /** Ids from content/crossings/ the briefing names. */
  crossings: ids,
  /** Ids from content/places/ the briefing names (cities, provinces, countries). */
  places: ids,
  /** At least one id from content/themes/. */
  themes: z.array(id).min(1, { error: "tag at least one theme, e.g. themes: [diplomacy-and-talks]" }),
  /** Dated developments the article reports. */
  events: z.array(eventSchema).default([]),
  /** `true` keeps the article out of production builds. */
  draft: z.boolean({ error: "draft is true or false" }).default(false),
});

const names = {
  /** The name readers know best. */
  name: text("the name readers know best"),
  /** Every other spelling and short form the sources use. */
  aliases: z.array(text("an alias")).default([]),
  /** One sentence: shown in lists and as the page description. */
  summary: text("a one-sentence summary"),
};

export const actorKinds = ["person", "government", "organisation", "armed-group", "media"] as const;
export type ActorKind = (typeof actorKinds)[number];

export const roleSchema = z.strictObject({
  /** The title or office, e.g. "Acting foreign minister". */
  title: text("the title or office"),
  /** When the role began, if the source says. */
  from: partialDate.optional(),
  /** When the role ended, if the source says. */
  to: partialDate.optional(),
  /** The article (slug) that reports the role. */
  source: id,
});

export const actorSchema = z.strictObject({
  ...names,
  /** What sort of actor this is. */
  kind: z.enum(actorKinds, { error: `kind must be one of: ${actorKinds.join(", ")}` }),
  /** The country the actor belongs to, where known. */
  country: text("the country").optional(),
  /** Titles held, each with the article that reports it. */
  roles: z.array(roleSchema).default([]),
});

/** A point in decimal degrees: `lat` north positive, `lon` east positive. */
const location = z.strictObject(
  {
    lat: z.number({ error: "lat is a number of degrees, e.g. 34.1" }).min(-90).max(90),
    lon: z.number({ error: "lon is a number of degrees, e.g. 71.1" }).min(-180).max(180),
  },
  { error: "write location with lat and lon, e.g. location: { lat: 34.1, lon: 71.1 }" },
);

export const crossingSchema = z.strictObject({
  ...names,
  /** Where the crossing is, in decimal degrees. */
  location,
  /** The two sides' provinces or districts. */
  between: z.tuple([text("one side"), text("the other side")]).optional(),
});

export const themeSchema = z.strictObject({ ...names });

export const placeKinds = ["city", "district", "province", "region", "country"] as const;
export type PlaceKind = (typeof placeKinds)[number];

export const placeSchema = z.strictObject({
  ...names,
  /** What sort of place this is. */
  kind: z.enum(placeKinds, { error: `kind must be one of: ${placeKinds.join(", ")}` }),
  /**
   * Where it is (a city's centre, a province's or country's middle), in decimal degrees: the one fact a place may
   * take from outside the articles, since a map needs it and no report gives it.
   */
  location,
  /** Optional: the id of the place it lies in, e.g. `afghanistan` for Kabul. */
  in: id.optional(),
  /**
   * Optional: the id of the actor the sources mean by this place's name, as "Islamabad" often means Pakistan's
   * government. The name and aliases that actor also carries then stay the actor's in the mention engine, and the
   * place is found by its tags; without this field, a name on both entries is an error.
   */
  shorthandFor: id.optional(),
});

/**
 * "Where things stand" (content/standing.md): the editor's summary of the situation that opens the home page. Its
 * body is bullets, each citing its article (`[20 Apr 2025](article:<id>)`), and may go on with sections of its own
 * under `##` headings, such as "Who is who".
 */
export const standingSchema = z.strictObject({
  /** The heading on the home page. */
  title: text("the heading, e.g. Where things stand").default("Where things stand"),
  /**
   * The day the summary describes, `YYYY-MM-DD`: not before the newest article it cites, never in the future. When
   * newer articles arrive, review the bullets and move it on.
   */
  asOf: fullDate,
});

const count = (what: string, fallback: number) =>
  z
    .number({ error: `${what} is a whole number, e.g. ${fallback}` })
    .int({ error: `${what} is a whole number, e.g. ${fallback}` })
    .min(1, { error: `${what} is at least 1` })
    .default(fallback);

/**
 * How long lists get. A list that can grow with the archive shows a bounded number of items and links to its
 * complete archive, split into numbered pages; these are the bounds. Every field has a default.
 */
export const listsSchema = z.strictObject({
  /** Articles or events on one page of an archive (/articles/, /timeline/, an entity's); also the feed's length. */
  perPage: count("perPage", 50),
  /** The most recent articles and events shown on an entity page, and articles on the home page. */
  recent: count("recent", 10),
  /** Mention sentences shown for each article on an entity page and its archive; the rest are linked. */
  mentionsPerArticle: count("mentionsPerArticle", 3),
  /**
   * The connected actors, crossings and themes an entity page shows, the most shared first; "All 34 connected" unfolds
   * the rest, up to `perPage` of them.
   */
  connected: count("connected", 5),
});

/** The one small config that names the site: replace it with content/ to reuse the engine for another subject. */
export const siteSchema = z.strictObject({
  /** The site's title, shown in the header and in every page title. */
  title: text("the site's title"),
  /**
   * The name under the icon when a reader installs the site on a phone, where about 12 characters fit. Without it,
   * the title.
   */
  shortName: text("a short name for the installed app, e.g. Pak–Afghan").optional(),
  /**
   * The file name of the offline copy, `<slug>-offline.zip`: lower-case letters, digits and hyphens, e.g.
   * pak-afghan. Without it, made from the title.
   */
  slug: z
    .string({ error: "slug is a short file name, e.g. pak-afghan" })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: "slug may hold only lower-case letters, digits and single hyphens, e.g. pak-afghan",
    })
    .optional(),
  /** One sentence describing the site, for search engines and the feed. */
  description: text("a one-sentence description"),
  /** The language of the content, as a BCP 47 tag, e.g. en-GB. */
  lang: text("a language tag such as en-GB"),
  /**
   * The licence of what the site itself publishes, our briefings and the open data built from them (never the
   * source articles, which are their publishers' and are only linked): its name and the address of its text.
   */
  licence: z
    .strictObject(
      {
        name: text("the licence's name, e.g. CC BY 4.0"),
        url: z.url({ error: "the licence's url is the full address of its text, starting with https://" }),
      },
      { error: "write licence with name and url, e.g. licence: { name: CC BY 4.0, url: https://… }" },
    )
    .optional(),
  /**
   * How to cite the open data, shown on /data/ and in the JSON downloads: `{date}` stands for the build date and
   * `{url}` for the address of /data/. Without it: "<title>, open data, built {date}, {url}".
   */
  citation: text("how to cite the open data")
    .refine((value) => [...value.matchAll(/\{([^}]*)\}/g)].every((m) => m[1] === "date" || m[1] === "url"), {
      error: "citation may hold only {date} and {url} in braces",
    })
    .optional(),
  /** A short paragraph for the home page: what the briefing covers. */
  intro: text("a paragraph saying what the briefing covers"),
  /**
   * What MDX articles may hold beyond markdown and the documented components. Off by default: content is data, and a
   * body's JavaScript would run on the machine that builds the site.
   */
  mdx: z
    .strictObject({
      /**
       * `true` lets bodies hold JavaScript expressions, `import`/`export`, other components and HTML, which run at
       * build time with the builder's rights. Only for a desk whose every contributor is trusted with the build.
       */
      allowCode: z.boolean({ error: "allowCode is true or false" }).default(false),
    })
    .prefault({}),
  /** How long lists get before they continue on numbered pages (see listsSchema); may be left out. */
  lists: listsSchema.prefault({}),
  /**
   * The most a reader's first visit downloads for offline use, in megabytes of files as stored (1 MB = 1,000,000
   * bytes, before compression): a site that fits is kept whole; a larger one keeps what reading and searching need
   * to start, and readers choose to save the rest. Default 2.
   */
  offlineBudgetMB: z
    .number({ error: "offlineBudgetMB is a number of megabytes, e.g. 2" })
    .positive({ error: "offlineBudgetMB must be more than 0, e.g. 2" })
    .default(2),
});

export type ArticleData = z.output<typeof articleSchema>;
export type EventData = z.output<typeof eventSchema>;
export type ActorData = z.output<typeof actorSchema>;
export type CrossingData = z.output<typeof crossingSchema>;
export type ThemeData = z.output<typeof themeSchema>;
export type PlaceData = z.output<typeof placeSchema>;
export type SiteData = z.output<typeof siteSchema>;
export type StandingData = z.output<typeof standingSchema>;
export type ListSettings = z.output<typeof listsSchema>;
