/**
 * The open data under /data/ parses (the CSV with csv-parse, strictly, and as RFC 4180 writes it; the JSON with
 * JSON.parse), agrees with the model and with the pages — every event row links to an element with its id on its
 * article page — and the /data/ page documents every column, the sizes and row counts, the licence and the citation.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatBytes } from "../../src/lib/open-data.ts";
import { BUILDS } from "./builds.ts";
import { attributes, decode, read } from "./html.ts";
import { addressIn, modelOf, siteOf } from "./models.ts";

type Row = Record<string, unknown>;
interface Document {
  title: string;
  url: string;
  licence: { name: string; url: string } | null;
  citation: string;
  built: string;
  [rows: string]: unknown;
}

describe.each(["root", "sub", "fixture"] as const)("the open data of the %s build", (name) => {
  const { outDir, base } = BUILDS[name];
  const model = modelOf(name);
  const site = siteOf(name);
  const csv = read(outDir, "data/events.csv");
  const json = (file: string) => JSON.parse(read(outDir, `data/${file}`)) as Document;
  const rowsOf = (file: string, key: string) => json(file)[key] as Row[];
  const records = parse(csv, {
    bom: false,
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
  }) as string[][];
  const [header = [], ...rows] = records;
  const page = read(outDir, "data/index.html");

  it("writes events.csv as RFC 4180: CRLF after every record, quotes only around fields that need them", () => {
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    // Outside quoted fields, every line break is CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, "");
    expect(unquoted.match(/\r(?!\n)|(?<!\r)\n/g)).toBeNull();
    // Records are parsed strictly: every record has the header's number of fields.
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it("has one row per event of the model, in the model's order, in the CSV and the JSON alike", () => {
    const events = rowsOf("events.json", "events");
    expect(rows.map((r) => r[0])).toEqual(model.events.map((e) => e.anchor));
    expect(events.map((e) => e["id"])).toEqual(model.events.map((e) => e.anchor));
    const cell = (v: unknown) => (v === null ? "" : Array.isArray(v) ? v.join(";") : String(v));
    expect(rows).toEqual(events.map((e) => header.map((column) => cell(e[column]))));
  });

  it("keeps every date at its precision, and says whether it was stated or inferred", () => {
    expect(
      rowsOf("events.json", "events").map((e) => [e["date"], e["precision"], e["date_basis"], e["date_note"]]),
    ).toEqual(
      // The open data publishes notes as the editors wrote them; pages show them typeset.
      model.events.map((e) => [
        e.date.iso,
        e.date.precision,
        e.dateNote ? "inferred" : "stated",
        e.written.dateNote ?? null,
      ]),
    );
  });

  it("links every event row to the element with its id on its article page", () => {
    for (const event of rowsOf("events.json", "events")) {
      const url = new URL(String(event["url"]));
      expect(`${url.origin}${url.pathname}`).toBe(addressIn(name, `/articles/${String(event["article"])}/`));
      expect(url.hash).toBe(`#${String(event["id"])}`);
      const html = read(outDir, `${decodeURIComponent(url.pathname.slice(base.length))}index.html`);
      expect(attributes(html, "id"), String(event["id"])).toContain(event["id"]);
      expect(html).toContain(`<li id="${String(event["id"])}">`);
    }
  });

  it("lists every article and every entity of the model", () => {
    expect(rowsOf("articles.json", "articles").map((a) => [a["id"], a["events"]])).toEqual(
      model.articles.map((a) => [a.id, a.events.map((e) => e.anchor)]),
    );
    expect(rowsOf("entities.json", "entities").map((e) => [e["kind"], e["id"], e["name"], e["aliases"]])).toEqual(
      [...model.actors, ...model.crossings, ...model.places, ...model.themes].map(({ entity: e }) => [
        e.kind,
        e.id,
        e.entry.data.name,
        e.aliases,
      ]),
    );
  });

  it("says in every JSON file where it comes from, under what licence, and how to cite it", () => {
    for (const file of ["events.json", "articles.json", "entities.json"]) {
      const doc = json(file);
      expect(doc.url, file).toBe(addressIn(name, "/data/"));
      expect(doc.licence, file).toEqual(site.licence ?? null);
      expect(doc.built, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(page, file).toContain(`<time datetime="${doc.built}">`);
      expect(doc.citation, file).toContain(addressIn(name, "/data/"));
      expect(decode(page), file).toContain(doc.citation);
    }
  });

  it("documents on /data/ every column of every file", () => {
    const documented = (section: string) => {
      const start = page.indexOf(`<h2 id="${section}">`);
      const html = page.slice(start, page.indexOf("</section>", start));
      return [...html.matchAll(/<th scope="row"><code>([^<]+)<\/code><\/th>/g)].map((m) => m[1]);
    };
    expect(documented("events")).toEqual(header);
    expect(documented("events")).toEqual(Object.keys(rowsOf("events.json", "events")[0] ?? {}));
    expect(documented("articles")).toEqual(Object.keys(rowsOf("articles.json", "articles")[0] ?? {}));
    expect(documented("entities")).toEqual(Object.keys(rowsOf("entities.json", "entities")[0] ?? {}));
  });

  it("gives on /data/ each file's real row count and size", () => {
    const counts = {
      "events.csv": model.events.length,
      "events.json": model.events.length,
      "articles.json": model.articles.length,
      "entities.json": model.entities.size,
    };
    const figures = (file: string) => {
      const row = [...page.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].find((m) =>
        m[1]?.includes(`href="${base}data/${file}" download`),
      );
      return [...(row?.[1] ?? "").matchAll(/<td class="number">([^<]*)<\/td>/g)].map((m) => m[1]);
    };
    for (const [file, count] of Object.entries(counts)) {
      const size = formatBytes(Buffer.byteLength(read(outDir, `data/${file}`)), site.lang);
      expect(figures(file), file).toEqual([new Intl.NumberFormat(site.lang).format(count), size]);
    }
  });

  it("states the licence on /data/ and links to it as the licence, or says there is none", () => {
    if (site.licence) expect(page).toContain(`<a href="${site.licence.url}" rel="license">${site.licence.name}</a>`);
    else expect(page).toContain("No licence has been set for this data");
    expect(page).toContain(`<a href="${base}data/">Open data</a>`);
  });
});
