import { describe, expect, it } from "vitest";
import {
  articleJsonLd,
  datasetJsonLd,
  entityJsonLd,
  entityType,
  pageJsonLd,
  serializeJsonLd,
  type JsonLdOptions,
} from "../../src/lib/json-ld.ts";
import type { EntityKey } from "../../src/lib/model.ts";
import { openDataFiles } from "../../src/lib/open-data.ts";
import { absolute, dataFixture } from "./data-fixture.ts";

const { model } = dataFixture();
const licence = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" };
const o: JsonLdOptions = {
  site: { title: "Desk", description: "A desk.", lang: "en", licence },
  absolute,
  entities: model.entities,
};
const B = "https://example.org/b";
const ref = (type: string, path: string, name: string) => ({
  "@type": type,
  "@id": `${B}${path}#entity`,
  name,
  url: `${B}${path}`,
});
const khan = ref("Person", "/actors/khan/", "Sadiq Khan");
const ttp = ref("Organization", "/actors/ttp/", "Tehrik-i-Taliban Pakistan");
const torkham = ref("Place", "/crossings/torkham/", "Torkham");
const trade = ref("DefinedTerm", "/themes/trade/", "Trade");
const kabul = ref("Place", "/places/kabul/", "Kabul");

describe("serializeJsonLd", () => {
  it.each([
    [
      "a closing script tag",
      { t: "</script><script>alert(1)</script>" },
      String.raw`{"t":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"}`,
    ],
    ["an HTML comment opener", { t: "<!-- x" }, String.raw`{"t":"\u003c!-- x"}`],
    ["an ampersand", { t: "Q&A &amp;" }, String.raw`{"t":"Q\u0026A \u0026amp;"}`],
    ["the line and paragraph separators", { t: "a\u2028b\u2029c" }, String.raw`{"t":"a\u2028b\u2029c"}`],
    ["quotes and backslashes, as JSON escapes them", { t: 'say "hi" \\' }, String.raw`{"t":"say \"hi\" \\"}`],
    ["plain text", { t: "Torkham – Kabul" }, '{"t":"Torkham – Kabul"}'],
  ])("escapes %s", (_case, data, expected) => {
    const json = serializeJsonLd(data);
    expect(json).toBe(expected);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe("entityType", () => {
  it.each([
    ["actor:khan", "Person"],
    ["actor:ttp", "Organization"],
    ["crossing:torkham", "Place"],
    ["place:kabul", "Place"],
    ["theme:trade", "DefinedTerm"],
  ] as const)("makes %s a %s", (key, type) => {
    const view = model.entities.get(key as EntityKey);
    expect(view && entityType(view.entity)).toBe(type);
  });

  it.each([
    ["person", "Person"],
    ["government", "GovernmentOrganization"],
    ["organisation", "Organization"],
    ["armed-group", "Organization"],
    ["media", "NewsMediaOrganization"],
  ] as const)("makes an actor of kind %s a %s", (kind, type) => {
    const view = model.entities.get("actor:ttp");
    if (view?.entity.kind !== "actor") throw new Error("no actor:ttp");
    const entity = { ...view.entity, entry: { ...view.entity.entry, data: { ...view.entity.entry.data, kind } } };
    expect(entityType(entity)).toBe(type);
  });
});

describe("articleJsonLd", () => {
  it("describes our briefing, the source it is based on, its themes, the entities it names and its events", () => {
    const article = model.articleById.get("talks");
    expect(article && articleJsonLd(article, o)).toEqual({
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "Article",
          "@id": `${B}/articles/talks/#article`,
          url: `${B}/articles/talks/`,
          // Typeset as the page shows it (the open data keeps what the editor wrote).
          headline: "Khan’s “talks”, in Kabul",
          description: "Talks on the TTP.",
          inLanguage: "en",
          isPartOf: { "@id": `${B}/#website` },
          license: licence.url,
          isBasedOn: {
            "@type": "NewsArticle",
            url: "https://example.org/talks",
            datePublished: "2025-03-22",
            publisher: { "@type": "Organization", name: "Amu TV" },
            locationCreated: { "@type": "Place", name: "Kabul" },
          },
          about: [trade],
          mentions: [khan, ttp, torkham, kabul],
        },
        {
          "@type": "Event",
          "@id": `${B}/articles/talks/#talks-2025-03-22-626d83`,
          url: `${B}/articles/talks/#talks-2025-03-22-626d83`,
          name: "Torkham reopens.",
          startDate: "2025-03-22",
          location: [torkham],
          subjectOf: { "@id": `${B}/articles/talks/#article` },
        },
        {
          "@type": "Event",
          "@id": `${B}/articles/talks/#talks-2025-03-9aaf43`,
          url: `${B}/articles/talks/#talks-2025-03-9aaf43`,
          name: "Khan meets the TTP’s critics, in Kabul.",
          startDate: "2025-03",
          about: [khan, ttp],
          location: [kabul],
          subjectOf: { "@id": `${B}/articles/talks/#article` },
        },
      ],
    });
  });

  it("leaves out what the source does not give, and keeps a year a year", () => {
    const article = model.articleById.get("closure");
    const noLicence = { ...o, site: { title: "Desk", description: "A desk.", lang: "en" } };
    expect(article && articleJsonLd(article, noLicence)).toEqual({
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "Article",
          "@id": `${B}/articles/closure/#article`,
          url: `${B}/articles/closure/`,
          headline: "Torkham closes",
          description: "The crossing closed.",
          inLanguage: "en",
          isPartOf: { "@id": `${B}/#website` },
          isBasedOn: { "@type": "NewsArticle", datePublished: "2023-02-22" },
          about: [trade],
          mentions: [torkham],
        },
        {
          "@type": "Event",
          "@id": `${B}/articles/closure/#closure-2023-8800d7`,
          url: `${B}/articles/closure/#closure-2023-8800d7`,
          name: "Torkham closes.",
          startDate: "2023",
          location: [torkham],
          subjectOf: { "@id": `${B}/articles/closure/#article` },
        },
      ],
    });
  });
});

describe("entityJsonLd", () => {
  const page = (path: string) => ({ "@id": `${B}${path}#entity`, url: `${B}${path}`, mainEntityOfPage: `${B}${path}` });
  it.each([
    [
      "actor:khan",
      {
        "@type": "Person",
        ...page("/actors/khan/"),
        name: "Sadiq Khan",
        alternateName: ["Khan", "Mohammad Sadiq"],
        description: "An envoy.",
        nationality: { "@type": "Country", name: "Pakistan" },
      },
    ],
    [
      "actor:ttp",
      {
        "@type": "Organization",
        ...page("/actors/ttp/"),
        name: "Tehrik-i-Taliban Pakistan",
        alternateName: ["TTP"],
        description: "A group.",
      },
    ],
    [
      "crossing:torkham",
      {
        "@type": "Place",
        ...page("/crossings/torkham/"),
        name: "Torkham",
        description: "A crossing.",
        geo: { "@type": "GeoCoordinates", latitude: 34.1, longitude: 71.1 },
      },
    ],
    [
      "place:kabul",
      {
        "@type": "Place",
        ...page("/places/kabul/"),
        name: "Kabul",
        description: "A city.",
        geo: { "@type": "GeoCoordinates", latitude: 34.5, longitude: 69.2 },
        containedInPlace: ref("Place", "/places/afghanistan/", "Afghanistan"),
      },
    ],
    [
      "place:afghanistan",
      {
        "@type": "Place",
        ...page("/places/afghanistan/"),
        name: "Afghanistan",
        description: "A country.",
        geo: { "@type": "GeoCoordinates", latitude: 33.9, longitude: 67.7 },
      },
    ],
    [
      "theme:trade",
      {
        "@type": "DefinedTerm",
        ...page("/themes/trade/"),
        name: "Trade",
        alternateName: ["traders"],
        description: "Trade.",
      },
    ],
  ])("describes %s with every alias", (key, expected) => {
    const view = model.entities.get(key as EntityKey);
    expect(view && entityJsonLd(view, o)).toEqual({ "@context": "https://schema.org", ...expected });
  });
});

describe("pageJsonLd", () => {
  it("makes the home page the web site, with its search", () => {
    expect(pageJsonLd({ title: "Desk", description: "A desk.", url: `${B}/`, home: true }, o)).toEqual({
      "@context": "https://schema.org",
      "@type": "WebSite",
      "@id": `${B}/#website`,
      url: `${B}/`,
      name: "Desk",
      description: "A desk.",
      inLanguage: "en",
      license: licence.url,
      potentialAction: {
        "@type": "SearchAction",
        target: { "@type": "EntryPoint", urlTemplate: `${B}/search/?q={query}` },
        "query-input": "required name=query",
      },
    });
  });

  it("makes any other page a web page of the site, and gives the 404 page no address", () => {
    expect(pageJsonLd({ title: "Timeline", description: "Events.", url: `${B}/timeline/` }, o)).toEqual({
      "@context": "https://schema.org",
      "@type": "WebPage",
      "@id": `${B}/timeline/#webpage`,
      url: `${B}/timeline/`,
      name: "Timeline",
      description: "Events.",
      inLanguage: "en",
      isPartOf: { "@id": `${B}/#website` },
    });
    expect(pageJsonLd({ title: "Not found", description: "No page." }, o)).toEqual({
      "@context": "https://schema.org",
      "@type": "WebPage",
      name: "Not found",
      description: "No page.",
      inLanguage: "en",
      isPartOf: { "@id": `${B}/#website` },
    });
  });
});

describe("datasetJsonLd", () => {
  it("describes the open data as a data set with each file a download", () => {
    const files = openDataFiles(model, { site: o.site, absolute, built: "2025-12-01" });
    const download = (name: string, type: string, description: string) => {
      const file = files.find((f) => f.name === name);
      return {
        "@type": "DataDownload",
        name,
        description,
        contentUrl: `${B}/data/${name}`,
        encodingFormat: type,
        contentSize: `${file?.bytes} B`,
      };
    };
    expect(
      datasetJsonLd(files, { description: "All the data.", built: "2025-12-01", citation: "Desk, 2025" }, o),
    ).toEqual({
      "@context": "https://schema.org",
      "@type": "Dataset",
      "@id": `${B}/data/#dataset`,
      url: `${B}/data/`,
      name: "Desk: open data",
      description: "All the data.",
      inLanguage: "en",
      license: licence.url,
      isAccessibleForFree: true,
      dateModified: "2025-12-01",
      creditText: "Desk, 2025",
      isPartOf: { "@id": `${B}/#website` },
      distribution: [
        download("events.csv", "text/csv", "Every dated event the articles report, oldest first, one row each."),
        download(
          "events.json",
          "application/json",
          "The same events as JSON, lists as arrays and empty values as null.",
        ),
        download("articles.json", "application/json", "Every article briefed, newest first."),
        download(
          "entities.json",
          "application/json",
          "Every actor, crossing, place and theme, each kind in alphabetical order.",
        ),
      ],
    });
  });
});
