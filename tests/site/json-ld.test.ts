/**
 * Every page carries one schema.org JSON-LD element that parses and says what the model says: articles with their
 * source, themes, entities and events (dates at their precision), entities with every alias, the site, the data set
 * and every other page. The vocabulary itself is checked when the builders compile (schema-dts); this checks the
 * built pages agree with the content.
 */
import { describe, expect, it } from "vitest";
import type { Entity, EntityKey } from "../../src/lib/model.ts";
import { BUILDS, SITE_URL } from "./builds.ts";
import { attributes, filesIn, read } from "./html.ts";
import { addressIn, modelOf, siteOf } from "./models.ts";

type Node = Record<string, unknown> & { "@type"?: string };

const SCRIPT = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g;

/** The raw text of each JSON-LD element of a page. */
const scriptsOf = (html: string) => [...html.matchAll(SCRIPT)].map((m) => m[1] ?? "");

/** What the schema.org type of each kind of actor must be. */
const ACTOR_TYPES: Record<string, string> = {
  person: "Person",
  government: "GovernmentOrganization",
  organisation: "Organization",
  "armed-group": "Organization",
  media: "NewsMediaOrganization",
};
const typeOf = (e: Entity) =>
  e.kind === "actor" ? ACTOR_TYPES[e.entry.data.kind] : e.kind === "theme" ? "DefinedTerm" : "Place";

describe.each(["root", "sub", "fixture"] as const)("JSON-LD in the %s build", (name) => {
  const { outDir } = BUILDS[name];
  const model = modelOf(name);
  const site = siteOf(name);
  const pages = filesIn(outDir).filter((f) => f.endsWith(".html"));
  const jsonLd = (page: string): Node => JSON.parse(scriptsOf(read(outDir, page))[0] ?? "null") as Node;
  const entityPage = (e: Entity) => `${e.path.slice(1)}index.html`;
  const names = (nodes: unknown) => ((nodes as Node[] | undefined) ?? []).map((n) => [n["@type"], n["name"], n["url"]]);
  const refsTo = (keys: readonly EntityKey[], kinds: readonly string[]) =>
    keys.flatMap((k) => {
      const e = model.entities.get(k)?.entity;
      return e && kinds.includes(e.kind) ? [[typeOf(e), e.name, addressIn(name, e.path)]] : [];
    });

  it("gives every page exactly one JSON-LD element, which parses and holds no character that could end it", () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const scripts = scriptsOf(read(outDir, page));
      expect(scripts.length, page).toBe(1);
      expect(scripts[0], page).not.toMatch(/[<>&]/);
      expect((JSON.parse(scripts[0] ?? "") as Node)["@context"], page).toBe("https://schema.org");
    }
  });

  it("describes each article, the source it is based on, its themes and entities, and its events", () => {
    for (const article of model.articles) {
      const page = `${article.path.slice(1)}index.html`;
      const graph = jsonLd(page)["@graph"] as Node[];
      const [briefing, ...events] = graph;
      const { data } = article;
      expect(briefing?.["@type"], page).toBe("Article");
      expect(briefing?.["url"], page).toBe(addressIn(name, article.path));
      expect(briefing?.["headline"], page).toBe(data.title);
      expect(briefing?.["description"], page).toBe(data.summary);
      expect(briefing?.["license"], page).toBe(site.licence?.url);
      expect(briefing?.["isBasedOn"], page).toEqual({
        "@type": "NewsArticle",
        datePublished: data.published,
        ...(data.url ? { url: data.url } : {}),
        ...(data.originalTitle ? { headline: data.originalTitle } : {}),
        ...(data.outlet ? { publisher: { "@type": "Organization", name: data.outlet } } : {}),
        ...(data.dateline ? { locationCreated: { "@type": "Place", name: data.dateline } } : {}),
      });
      expect(names(briefing?.["about"]), page).toEqual(refsTo(article.entities, ["theme"]));
      expect(names(briefing?.["mentions"]), page).toEqual(refsTo(article.entities, ["actor", "crossing", "place"]));

      const ids = attributes(read(outDir, page), "id");
      expect(
        events.map((e) => [e["@type"], e["url"], e["name"], e["startDate"]]),
        page,
      ).toEqual(
        article.events.map((e) => ["Event", `${addressIn(name, article.path)}#${e.anchor}`, e.summary, e.date.iso]),
      );
      for (const [i, e] of article.events.entries()) {
        expect(ids, page).toContain(e.anchor);
        expect(names(events[i]?.["about"]), e.anchor).toEqual(refsTo(e.actors, ["actor"]));
        expect(names(events[i]?.["location"]), e.anchor).toEqual(
          refsTo([...e.crossings, ...e.places], ["crossing", "place"]),
        );
      }
    }
  });

  it("describes each actor, crossing, place and theme as its schema.org type, with every alias", () => {
    for (const { entity } of model.entities.values()) {
      const page = entityPage(entity);
      const node = jsonLd(page);
      expect(node["@type"], page).toBe(typeOf(entity));
      expect(node["name"], page).toBe(entity.name);
      expect(node["url"], page).toBe(addressIn(name, entity.path));
      expect(node["description"], page).toBe(entity.summary);
      expect(node["alternateName"] ?? [], page).toEqual(entity.aliases);
      if (entity.kind === "crossing" || entity.kind === "place") {
        const { lat, lon } = entity.entry.data.location;
        expect(node["geo"], page).toEqual({ "@type": "GeoCoordinates", latitude: lat, longitude: lon });
      }
    }
  });

  it("describes the home page as the web site, /data/ as a data set and every other page as a web page", () => {
    const home = jsonLd("index.html");
    expect([home["@type"], home["url"], home["name"]]).toEqual(["WebSite", addressIn(name, "/"), site.title]);
    const data = jsonLd("data/index.html");
    expect([data["@type"], data["url"], data["license"]]).toEqual([
      "Dataset",
      addressIn(name, "/data/"),
      site.licence?.url,
    ]);
    expect((data["distribution"] as Node[]).map((d) => d["contentUrl"])).toEqual(
      ["events.csv", "events.json", "articles.json", "entities.json"].map((f) => addressIn(name, `/data/${f}`)),
    );
    const described = new Set([
      "index.html",
      "data/index.html",
      ...model.articles.map((a) => `${a.path.slice(1)}index.html`),
      ...[...model.entities.values()].map((v) => entityPage(v.entity)),
    ]);
    for (const page of pages.filter((p) => !described.has(p))) {
      const node = jsonLd(page);
      expect(node["@type"], page).toBe("WebPage");
      expect(node["url"], page).toBe(
        page === "404.html" ? undefined : `${SITE_URL}${BUILDS[name].base}${page.replace(/index\.html$/, "")}`,
      );
    }
  });
});
