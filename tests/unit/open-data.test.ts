import { describe, expect, it } from "vitest";
import {
  citationText,
  csvCell,
  csvField,
  dataSections,
  formatBytes,
  jsonDocument,
  openDataFiles,
  toCsv,
  type OpenDataOptions,
} from "../../src/lib/open-data.ts";
import { siteSchema } from "../../src/lib/schemas.ts";
import { absolute, dataFixture } from "./data-fixture.ts";

const options: OpenDataOptions = { site: { title: "Desk" }, absolute, built: "2025-12-01" };
const licensed: OpenDataOptions = {
  ...options,
  site: {
    title: "Desk",
    licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    citation: "Desk data ({date}), {url}; again {date}",
  },
};

describe("csvField", () => {
  it.each([
    ["plain text", "Torkham reopens.", "Torkham reopens."],
    ["an empty field", "", ""],
    ["a comma", "Kabul, Afghanistan", '"Kabul, Afghanistan"'],
    ["double quotes, doubled", 'He said "no".', '"He said ""no""."'],
    ["a line feed", "one\ntwo", '"one\ntwo"'],
    ["a carriage return", "one\rtwo", '"one\rtwo"'],
    ["spaces, kept as they are", " padded ", " padded "],
    ["a semicolon, which is not a separator", "ttp;pakistan", "ttp;pakistan"],
    ["non-ASCII text", "Pakistan–Afghanistan", "Pakistan–Afghanistan"],
  ])("writes %s", (_case, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("writes a header row and one CRLF-terminated record per row", () => {
    expect(
      toCsv(
        ["id", "summary"],
        [
          ["a", "One, two"],
          ["b", ""],
        ],
      ),
    ).toBe('id,summary\r\na,"One, two"\r\nb,\r\n');
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(["id"], [])).toBe("id\r\n");
  });
});

describe("csvCell", () => {
  it.each([
    ["null as empty", null, ""],
    ["a string", "x", "x"],
    ["a number", 34.1, "34.1"],
    ["a list joined by semicolons", ["ttp", "pakistan"], "ttp;pakistan"],
    ["an empty list as empty", [], ""],
    ["an object as JSON", { lat: 1, lon: 2 }, '{"lat":1,"lon":2}'],
  ] as const)("writes %s", (_case, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("jsonDocument", () => {
  it("writes the header's fields, then the rows one per line", () => {
    expect(jsonDocument({ title: "T", licence: null }, "rows", [{ id: "a", n: [1, 2] }, { id: "b" }])).toBe(
      '{\n "title": "T",\n "licence": null,\n "rows": [\n  {"id":"a","n":[1,2]},\n  {"id":"b"}\n ]\n}\n',
    );
  });

  it("writes an empty list on its line", () => {
    expect(jsonDocument({ title: "T" }, "rows", [])).toBe('{\n "title": "T",\n "rows": []\n}\n');
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [999, "999 bytes"],
    [1000, "1 kB"],
    [13_920, "13.9 kB"],
    [999_949, "999.9 kB"],
    [1_250_000, "1.3 MB"],
    [12_345_678, "12.3 MB"],
  ])("writes %i bytes as %s", (bytes, expected) => {
    expect(formatBytes(bytes, "en-GB")).toBe(expected);
  });
});

describe("citationText", () => {
  it("fills in the site's own form", () => {
    expect(citationText(licensed)).toBe("Desk data (2025-12-01), https://example.org/b/data/; again 2025-12-01");
  });

  it("falls back on the title, the build date and the address of /data/", () => {
    expect(citationText(options)).toBe("Desk, open data, built 2025-12-01, https://example.org/b/data/");
  });
});

describe("the site's licence and citation settings", () => {
  const base = { title: "T", description: "D.", lang: "en", intro: "I." };
  it.each([
    ["neither, since both are optional", {}, []],
    [
      "a licence with a name and an address, and a citation with both placeholders",
      {
        licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
        citation: "D {date} {url}",
      },
      [],
    ],
    [
      "a licence without an address",
      { licence: { name: "CC BY 4.0" } },
      ["licence.url: the licence's url is the full address of its text, starting with https://"],
    ],
    [
      "a licence given as text",
      { licence: "CC BY 4.0" },
      ["licence: write licence with name and url, e.g. licence: { name: CC BY 4.0, url: https://… }"],
    ],
    [
      "a citation with another placeholder",
      { citation: "D {year}" },
      ["citation: citation may hold only {date} and {url} in braces"],
    ],
  ])("accepts or explains %s", (_case, settings, expected) => {
    const result = siteSchema.safeParse({ ...base, ...settings });
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(expected);
  });
});

describe("openDataFiles", () => {
  const { model, problems } = dataFixture();
  const files = openDataFiles(model, options);
  const byName = new Map(files.map((f) => [f.name, f]));
  const json = (name: string) => JSON.parse(byName.get(name)?.body ?? "null") as Record<string, unknown>;

  it("derives from a model with no problems", () => {
    expect(problems).toEqual([]);
  });

  it("publishes four files, each with its media type, row count and size in bytes", () => {
    expect(files.map((f) => [f.path, f.mediaType, f.dataset, f.rows, f.bytes])).toEqual([
      ["/data/events.csv", "text/csv; charset=utf-8", "events", 3, 904],
      ["/data/events.json", "application/json", "events", 3, 1712],
      ["/data/articles.json", "application/json", "articles", 2, 954],
      ["/data/entities.json", "application/json", "entities", 6, 1791],
    ]);
    for (const f of files) expect(f.bytes, f.name).toBe(Buffer.byteLength(f.body, "utf8"));
  });

  it("writes one CSV row per event, oldest first (a month's dated events before those known only to the month), dates at their precision and lists joined by semicolons", () => {
    expect(byName.get("events.csv")?.body.split("\r\n")).toEqual([
      "id,date,precision,date_basis,date_note,summary,actors,actor_names,crossings,crossing_names,places,place_names,status,article,article_title,published,outlet,source_url,url",
      "closure-2023-8800d7,2023,year,stated,,Torkham closes.,,,torkham,Torkham,,,closed,closure,Torkham closes,2023-02-22,,,https://example.org/b/articles/closure/#closure-2023-8800d7",
      'talks-2025-03-22-626d83,2025-03-22,day,inferred,"The text says ""on Saturday"".",Torkham reopens.,,,torkham,Torkham,,,reopened,talks,"Khan\'s ""talks"", in Kabul",2025-03-22,Amu TV,https://example.org/talks,https://example.org/b/articles/talks/#talks-2025-03-22-626d83',
      'talks-2025-03-9aaf43,2025-03,month,stated,,"Khan meets the TTP\'s critics, in Kabul.",khan;ttp,Sadiq Khan;Tehrik-i-Taliban Pakistan,,,kabul,Kabul,,talks,"Khan\'s ""talks"", in Kabul",2025-03-22,Amu TV,https://example.org/talks,https://example.org/b/articles/talks/#talks-2025-03-9aaf43',
      "",
    ]);
  });

  it("writes the same events as JSON, with the licence, the citation and the build date", () => {
    expect(json("events.json")).toEqual({
      title: "Desk: events",
      url: "https://example.org/b/data/",
      licence: null,
      citation: "Desk, open data, built 2025-12-01, https://example.org/b/data/",
      built: "2025-12-01",
      events: [
        {
          id: "closure-2023-8800d7",
          date: "2023",
          precision: "year",
          date_basis: "stated",
          date_note: null,
          summary: "Torkham closes.",
          actors: [],
          actor_names: [],
          crossings: ["torkham"],
          crossing_names: ["Torkham"],
          places: [],
          place_names: [],
          status: "closed",
          article: "closure",
          article_title: "Torkham closes",
          published: "2023-02-22",
          outlet: null,
          source_url: null,
          url: "https://example.org/b/articles/closure/#closure-2023-8800d7",
        },
        {
          id: "talks-2025-03-22-626d83",
          date: "2025-03-22",
          precision: "day",
          date_basis: "inferred",
          date_note: 'The text says "on Saturday".',
          summary: "Torkham reopens.",
          actors: [],
          actor_names: [],
          crossings: ["torkham"],
          crossing_names: ["Torkham"],
          places: [],
          place_names: [],
          status: "reopened",
          article: "talks",
          article_title: 'Khan\'s "talks", in Kabul',
          published: "2025-03-22",
          outlet: "Amu TV",
          source_url: "https://example.org/talks",
          url: "https://example.org/b/articles/talks/#talks-2025-03-22-626d83",
        },
        {
          id: "talks-2025-03-9aaf43",
          date: "2025-03",
          precision: "month",
          date_basis: "stated",
          date_note: null,
          summary: "Khan meets the TTP's critics, in Kabul.",
          actors: ["khan", "ttp"],
          actor_names: ["Sadiq Khan", "Tehrik-i-Taliban Pakistan"],
          crossings: [],
          crossing_names: [],
          places: ["kabul"],
          place_names: ["Kabul"],
          status: null,
          article: "talks",
          article_title: 'Khan\'s "talks", in Kabul',
          published: "2025-03-22",
          outlet: "Amu TV",
          source_url: "https://example.org/talks",
          url: "https://example.org/b/articles/talks/#talks-2025-03-9aaf43",
        },
      ],
    });
  });

  it("writes every article, newest first, with its events' ids", () => {
    expect(json("articles.json")["articles"]).toEqual([
      {
        id: "talks",
        title: 'Khan\'s "talks", in Kabul',
        published: "2025-03-22",
        published_note: "Inferred from a caption.",
        outlet: "Amu TV",
        source_url: "https://example.org/talks",
        dateline: "Kabul",
        summary: "Talks on the TTP.",
        actors: ["khan", "ttp"],
        crossings: ["torkham"],
        places: ["kabul"],
        themes: ["trade"],
        events: ["talks-2025-03-22-626d83", "talks-2025-03-9aaf43"],
        url: "https://example.org/b/articles/talks/",
      },
      {
        id: "closure",
        title: "Torkham closes",
        published: "2023-02-22",
        published_note: null,
        outlet: null,
        source_url: null,
        dateline: null,
        summary: "The crossing closed.",
        actors: [],
        crossings: ["torkham"],
        places: [],
        themes: ["trade"],
        events: ["closure-2023-8800d7"],
        url: "https://example.org/b/articles/closure/",
      },
    ]);
  });

  it("writes every entity with its aliases, roles and their sources, and a crossing's location", () => {
    expect(json("entities.json")).toEqual({
      title: "Desk: actors, crossings, places and themes",
      url: "https://example.org/b/data/",
      licence: null,
      citation: "Desk, open data, built 2025-12-01, https://example.org/b/data/",
      built: "2025-12-01",
      entities: [
        {
          id: "khan",
          kind: "actor",
          type: "person",
          name: "Sadiq Khan",
          aliases: ["Khan", "Mohammad Sadiq"],
          summary: "An envoy.",
          country: "Pakistan",
          roles: [
            {
              title: "Special representative",
              from: "2024-03",
              to: null,
              article: "talks",
              url: "https://example.org/b/articles/talks/",
            },
          ],
          location: null,
          between: null,
          in: null,
          url: "https://example.org/b/actors/khan/",
        },
        {
          id: "ttp",
          kind: "actor",
          type: "armed-group",
          name: "Tehrik-i-Taliban Pakistan",
          aliases: ["TTP"],
          summary: "A group.",
          country: null,
          roles: [],
          location: null,
          between: null,
          in: null,
          url: "https://example.org/b/actors/ttp/",
        },
        {
          id: "torkham",
          kind: "crossing",
          type: null,
          name: "Torkham",
          aliases: [],
          summary: "A crossing.",
          country: null,
          roles: [],
          location: { lat: 34.1, lon: 71.1 },
          between: ["Khyber", "Nangarhar"],
          in: null,
          url: "https://example.org/b/crossings/torkham/",
        },
        {
          id: "afghanistan",
          kind: "place",
          type: "country",
          name: "Afghanistan",
          aliases: [],
          summary: "A country.",
          country: null,
          roles: [],
          location: { lat: 33.9, lon: 67.7 },
          between: null,
          in: null,
          url: "https://example.org/b/places/afghanistan/",
        },
        {
          id: "kabul",
          kind: "place",
          type: "city",
          name: "Kabul",
          aliases: [],
          summary: "A city.",
          country: null,
          roles: [],
          location: { lat: 34.5, lon: 69.2 },
          between: null,
          in: "afghanistan",
          url: "https://example.org/b/places/kabul/",
        },
        {
          id: "trade",
          kind: "theme",
          type: null,
          name: "Trade",
          aliases: ["traders"],
          summary: "Trade.",
          country: null,
          roles: [],
          location: null,
          between: null,
          in: null,
          url: "https://example.org/b/themes/trade/",
        },
      ],
    });
  });

  it("carries the site's licence and citation in every JSON file", () => {
    for (const f of openDataFiles(model, licensed).filter((f) => f.name.endsWith(".json"))) {
      const parsed = JSON.parse(f.body) as Record<string, unknown>;
      expect([parsed["licence"], parsed["citation"]], f.name).toEqual([
        { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
        "Desk data (2025-12-01), https://example.org/b/data/; again 2025-12-01",
      ]);
    }
  });

  it("documents exactly the columns each file holds", () => {
    const header = byName.get("events.csv")?.body.split("\r\n")[0]?.split(",");
    for (const f of files) {
      const documented = f.columns.map((c) => c.name);
      const keys = f.name.endsWith(".csv")
        ? header
        : Object.keys(((Object.values(JSON.parse(f.body) as object).at(-1) as object[])[0] ?? {}) as object);
      expect(documented, f.name).toEqual(keys);
      for (const c of f.columns) expect(c.description.length, `${f.name} ${c.name}`).toBeGreaterThan(10);
    }
  });

  it("groups the files by data set for the /data/ page, with counts and sizes written out", () => {
    expect(
      dataSections(files, "en-GB").map((s) => [
        s.id,
        s.title,
        s.columns.length,
        s.files.map((f) => [f.name, f.rowsText, f.size]),
      ]),
    ).toEqual([
      [
        "events",
        "Events",
        19,
        [
          ["events.csv", "3", "904 bytes"],
          ["events.json", "3", "1.7 kB"],
        ],
      ],
      ["articles", "Articles", 14, [["articles.json", "2", "954 bytes"]]],
      ["entities", "Actors, crossings, places and themes", 12, [["entities.json", "6", "1.8 kB"]]],
    ]);
  });
});
