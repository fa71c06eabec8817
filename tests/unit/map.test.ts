import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  atlas,
  layoutMap,
  mapLayouts,
  mapMarks,
  mapSvg,
  markDescription,
  radiusOf,
  regionOf,
  siteMap,
  statusClass,
  useMapLayouts,
  type MapMark,
} from "../../src/lib/map.ts";
import { dataFixture } from "./data-fixture.ts";

const { model } = dataFixture();
const href = (path: string) => `/b${path}`;
const svgOf = (focus?: `place:${string}` | `crossing:${string}`) =>
  mapSvg(
    layoutMap(
      atlas(),
      mapMarks(model),
      focus ? { width: 300, focus: mapMarks(model).find((m) => m.key === focus) as MapMark } : { width: 380 },
    ),
    {
      id: "m",
      title: "Map",
      href,
    },
  );
/** Each link of the SVG: its address, classes and accessible name. */
const links = (svg: string) =>
  [...svg.matchAll(/<a class="([^"]*)" href="([^"]*)" aria-label="([^"]*)"/g)].map(([, classes, path, name]) => ({
    path,
    classes: (classes ?? "").split(" ").sort(),
    name,
  }));

describe("mapMarks", () => {
  it("makes one mark per crossing, with its last status, and one per place, with its kind and articles", () => {
    expect(mapMarks(model)).toEqual([
      {
        key: "crossing:torkham",
        kind: "crossing",
        name: "Torkham",
        path: "/crossings/torkham/",
        lon: 71.1,
        lat: 34.1,
        status: "reopened",
        articles: 2,
      },
      {
        key: "place:afghanistan",
        kind: "place",
        name: "Afghanistan",
        path: "/places/afghanistan/",
        lon: 67.7,
        lat: 33.9,
        placeKind: "country",
        articles: 0,
      },
      {
        key: "place:kabul",
        kind: "place",
        name: "Kabul",
        path: "/places/kabul/",
        lon: 69.2,
        lat: 34.5,
        placeKind: "city",
        articles: 1,
      },
    ]);
  });
});

describe("mapSvg", () => {
  it("links every mark to its page, a crossing with its status class, a country by its name", () => {
    expect(links(svgOf())).toEqual([
      {
        path: "/b/places/afghanistan/",
        classes: ["mark", "mark-country", "mark-place"],
        name: "Afghanistan, country, named in 0 articles",
      },
      { path: "/b/places/kabul/", classes: ["mark", "mark-place"], name: "Kabul, city, named in 1 article" },
      {
        path: "/b/crossings/torkham/",
        classes: ["mark", "mark-crossing", "status-reopened"],
        name: "Torkham, border crossing: last reported reopened",
      },
    ]);
  });

  it("draws the same SVG, byte for byte, every time", () => {
    const first = svgOf();
    expect(svgOf()).toBe(first);
    expect(svgOf("place:kabul")).toBe(svgOf("place:kabul"));
  });

  it("writes coordinates with at most one decimal and names the map without role=img", () => {
    const svg = svgOf();
    expect(svg).not.toMatch(/\d\.\d\d/);
    expect(svg).not.toContain('role="img"');
    expect(svg).toMatch(/^<svg class="map" id="m" viewBox="0 0 380 \d+" width="380" height="\d+"><title>Map<\/title>/);
  });

  it("centres an inset on its focus and marks it", () => {
    const svg = svgOf("place:kabul");
    expect(svg).toMatch(/viewBox="0 0 300 225"/);
    expect(links(svg).find((l) => l.path === "/b/places/kabul/")?.classes).toEqual(["is-focus", "mark", "mark-place"]);
    // The focus sits in the middle of the frame.
    expect(svg).toContain('<circle class="mark-shape" cx="150" cy="112.5" r="4.5"/>');
  });

  it("is small: the overview of the region gzips to under 10 kB", () => {
    const bytes = gzipSync(svgOf()).length;
    console.log(`overview map: ${svgOf().length} bytes, ${bytes} bytes gzip`);
    expect(bytes).toBeLessThan(10_000);
  });
});

describe("layoutMap", () => {
  it("keeps every mark and places labels that overlap neither each other nor the marks", () => {
    const layout = siteMap(model);
    if (!layout) throw new Error("no map");
    expect(layout.marks.map((p) => p.mark.key)).toEqual(["crossing:torkham", "place:afghanistan", "place:kabul"]);
    const boxes = layout.marks.flatMap((p) => (p.label ? [p.label] : [])).concat(layout.countryLabels);
    expect(boxes.length).toBeGreaterThan(3);
    expect(new Set(boxes.map((b) => `${b.x},${b.y}`)).size).toBe(boxes.length);
  });

  it("leaves out a label with no room rather than overlap one, and keeps its mark", () => {
    const crowd: MapMark[] = Array.from({ length: 12 }, (_, i) => ({
      key: `place:p${i}`,
      kind: "place",
      name: `Place number ${i}`,
      path: `/places/p${i}/`,
      lon: 69 + i * 0.02,
      lat: 34.5,
      placeKind: "city",
      articles: 1,
    }));
    const layout = layoutMap(atlas(), crowd, { width: 380 });
    expect(layout.marks).toHaveLength(12);
    const labelled = layout.marks.filter((p) => p.label).length;
    expect(labelled).toBeGreaterThan(0);
    expect(labelled).toBeLessThan(12);
  });

  it("draws nothing for a desk with no crossing or place", () => {
    expect(siteMap({ crossings: [], places: [] })).toBeUndefined();
  });

  it("frames the countries a desk has entries for, or else those its marks lie in", () => {
    const chaman: MapMark = { ...mapMarks(model)[0]!, key: "crossing:x", lon: 20, lat: 10 };
    expect(regionOf(atlas().features, mapMarks(model)).map((f) => f.properties.name)).toEqual(["Afghanistan"]);
    expect(regionOf(atlas().features, [chaman]).map((f) => f.properties.name)).toEqual(["Chad"]);
  });

  it("frames a compact overview on its crossings and places, 16:10, every one inside with room around it", () => {
    const marks: MapMark[] = [
      { ...mapMarks(model)[0]!, key: "crossing:a", lon: 66.4, lat: 30.9 },
      { ...mapMarks(model)[0]!, key: "crossing:b", lon: 73.1, lat: 33.7 },
      // A country is named over its shape: it does not widen the frame to its whole extent.
      { ...mapMarks(model)[1]!, key: "place:pk", name: "Pakistan", placeKind: "country", lon: 69.3, lat: 30.4 },
    ];
    const framed = layoutMap(atlas(), marks, { width: 380, fitMarks: true });
    const whole = layoutMap(atlas(), marks, { width: 380 });
    expect([framed.width, framed.height]).toEqual([380, 238]);
    expect(whole.height).toBeGreaterThan(framed.height);
    const points = framed.marks.filter((p) => p.r > 0);
    expect(points.map((p) => p.mark.key)).toEqual(["crossing:a", "crossing:b"]);
    // Margins of at least 12 units (the frame's padding) between each mark and the frame's edges.
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(12);
      expect(p.x).toBeLessThanOrEqual(380 - 12);
      expect(p.y).toBeGreaterThanOrEqual(12);
      expect(p.y).toBeLessThanOrEqual(238 - 12);
    }
    // The two crossings span most of the frame's width: it is zoomed on them, not on the countries.
    const [a, b] = points;
    expect(Math.abs((b?.x ?? 0) - (a?.x ?? 0))).toBeGreaterThan(380 * 0.6);
  });

  it("never zooms a compact overview on marks close together further than 6 degrees across", () => {
    const near: MapMark[] = [
      { ...mapMarks(model)[0]!, key: "crossing:a", lon: 71.0, lat: 34.1 },
      { ...mapMarks(model)[0]!, key: "crossing:b", lon: 71.5, lat: 34.1 },
    ];
    const [a, b] = layoutMap(atlas(), near, { width: 380, fitMarks: true }).marks;
    // Half a degree of the 6 that fill the padded width (380 - 2 x 12), centred.
    expect(((b?.x ?? 0) - (a?.x ?? 0)) / 356).toBeCloseTo(0.5 / 6, 2);
    expect(((a?.x ?? 0) + (b?.x ?? 0)) / 2).toBeCloseTo(190, 0);
    expect(siteMap(model, undefined, "compact")?.height).toBe(238);
  });

  it("computes each view once per model", () => {
    expect(siteMap(model)).toBe(siteMap(model));
    expect(siteMap(model, "crossing:torkham")).toBe(siteMap(model, "crossing:torkham"));
    expect(siteMap(model, "crossing:torkham")).not.toBe(siteMap(model));
  });
});

describe("mapLayouts", () => {
  it("lays out the overview in both sizes and an inset on every crossing and place, as the pages would", () => {
    const { model: fresh } = dataFixture();
    const layouts = mapLayouts(fresh);
    expect([...layouts.keys()]).toEqual([" full", " compact", ...mapMarks(fresh).map((m) => `${m.key} full`)]);
    expect(mapMarks(fresh).length).toBeGreaterThan(1);
    expect(layouts.get(" full")).toEqual(siteMap(model));
    expect(layouts.get(" compact")).toEqual(siteMap(model, undefined, "compact"));
    expect(layouts.get("crossing:torkham full")).toEqual(siteMap(model, "crossing:torkham"));
  });

  it("gives the pages the views it is handed instead of laying them out again", () => {
    const { model: ahead } = dataFixture();
    const layouts = mapLayouts(ahead);
    const { model: fresh } = dataFixture();
    // Handed over as the build does: a copy (flattened and rebuilt), not the same objects.
    useMapLayouts(fresh, structuredClone(layouts));
    const overview = siteMap(fresh);
    expect(overview).toEqual(layouts.get(" full"));
    expect(overview).not.toBe(layouts.get(" full"));
    const inset = siteMap(fresh, "crossing:torkham");
    expect(inset).toEqual(siteMap(model, "crossing:torkham"));
    // Moving a mark in what was handed over moves it on the page: the page draws what it was given.
    const moved = structuredClone(layouts);
    moved.get(" full")!.marks[0]!.x += 10;
    const { model: other } = dataFixture();
    useMapLayouts(other, moved);
    expect(siteMap(other)?.marks[0]?.x).toBe((siteMap(model)?.marks[0]?.x ?? 0) + 10);
  });
});

describe("marks", () => {
  const mark = (over: Partial<MapMark>): MapMark => ({
    key: "place:x",
    kind: "place",
    name: "X",
    path: "/places/x/",
    lon: 0,
    lat: 0,
    articles: 0,
    ...over,
  });
  it.each<[string, Partial<MapMark>, number, string, string]>([
    [
      "a closed crossing",
      { kind: "crossing", status: "closed", articles: 3 },
      5.5,
      "status-closed",
      "X, border crossing: last reported closed",
    ],
    [
      "a crossing with no status",
      { kind: "crossing" },
      5.5,
      "status-unknown",
      "X, border crossing: no status reported",
    ],
    ["a city named once", { placeKind: "city", articles: 1 }, 4.5, "status-unknown", "X, city, named in 1 article"],
    [
      "a province named in four",
      { placeKind: "province", articles: 4 },
      6,
      "status-unknown",
      "X, province, named in 4 articles",
    ],
  ])("%s", (_case, over, radius, status, description) => {
    const m = mark(over);
    expect([radiusOf(m), statusClass(m), markDescription(m)]).toEqual([radius, status, description]);
  });
});
