/**
 * The maps: a build-time SVG of the desk's region (here Afghanistan, Pakistan and their neighbours), with every
 * crossing coloured by its last known status and every place sized by how many articles name it, each mark a link to
 * its page. Country shapes are Natural Earth's (the `world-atlas` package, 1:50m), merged into one land shape with
 * each border drawn once, projected with d3-geo, thinned to what a pixel can show and written in relative
 * coordinates with one decimal, so the SVG is a few kilobytes. No tiles, no script, no other origin.
 *
 * Pure and deterministic: the same model gives byte-identical SVG. The pages take a map from `siteMap`, which draws
 * each view once per model (so once per build), however many pages show it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import {
  geoBounds,
  geoContains,
  geoMercator,
  geoPath,
  type GeoContext,
  type GeoProjection,
  type GeoStream,
  type GeoStreamWrapper,
} from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature, merge, mesh } from "topojson-client";
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from "topojson-specification";
import type { EntityKey, EntityView, Model } from "./model.ts";
import type { CrossingStatus, PlaceKind } from "./schemas.ts";

/** A crossing or place on the map: where it is, what it links to and what its mark says. */
export interface MapMark {
  key: EntityKey;
  kind: "crossing" | "place";
  name: string;
  /** Site path of its page, without the base. */
  path: string;
  lon: number;
  lat: number;
  /** Crossings: the last status the sources report, if any. */
  status?: CrossingStatus;
  /** Places: city, province, country… */
  placeKind?: PlaceKind;
  /** How many articles tag or name it: a place's circle grows with it. */
  articles: number;
}

export interface RegionShape {
  /** ISO 3166 numeric code, as Natural Earth gives it. */
  id: string;
  name: string;
  d: string;
}

export interface Label {
  text: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  /** A line from the mark to a label set further out: x1, y1, x2, y2. */
  leader?: [number, number, number, number];
}

export interface PlacedMark {
  mark: MapMark;
  x: number;
  y: number;
  /** Circle radius or half the diamond's diagonal; 0 for a country, whose mark is its name. */
  r: number;
  /** Absent where no position around the mark was free: the mark stays, its name is in the list and its title. */
  label?: Label;
  /** The entity the map is centred on. */
  focus: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  /** All land in the frame as one shape: its edge is the coast. */
  land: string;
  /** Every border between two countries, each drawn once. */
  borders: string;
  /** The countries the map is about, drawn lighter than their neighbours. */
  region: RegionShape[];
  /** Names of countries no place entry stands for (those that do are marks). */
  countryLabels: Label[];
  marks: PlacedMark[];
}

export interface MapView {
  width: number;
  /** The entity to centre on and mark as the focus; without it, the whole region (see regionOf). */
  focus?: MapMark;
  /**
   * An overview framed on the crossings and places themselves, in a 16:10 frame, instead of on the whole of the
   * countries they lie in: where things happen, with room for their names, in a column that must not be tall.
   */
  fitMarks?: boolean;
}

/** A frame on the marks is never narrower than this many degrees of longitude, however close together they lie. */
const MIN_SPAN = 6;

/**
 * The countries a desk is about: those it has a place entry of kind `country` for (Afghanistan and Pakistan here),
 * or else those its marks lie in. The overview is fitted to them and draws them lighter than their neighbours; the
 * engine knows no country of its own, so another desk's map frames its own region.
 */
export function regionOf(
  land: FeatureCollection<Geometry, { name: string }>,
  marks: readonly MapMark[],
): Feature<Geometry, { name: string }>[] {
  const named = new Set(marks.filter((m) => m.placeKind === "country").map((m) => m.name));
  const byName = land.features.filter((f) => named.has(f.properties.name));
  if (byName.length > 0) return byName;
  return land.features.filter((f) => marks.some((m) => geoContains(f, [m.lon, m.lat])));
}
/** Text sizes in map units; labels are measured with them. */
const FONT = { mark: 12, country: 11 } as const;

/** The crossings and places of the model as map marks, crossings first, each kind A–Z as the model keeps them. */
export function mapMarks(model: Pick<Model, "crossings" | "places">): MapMark[] {
  const crossings = model.crossings.map((view): MapMark => {
    const { entity } = view;
    if (entity.kind !== "crossing") throw new Error(`${entity.key} is not a crossing`);
    const status = view.statusHistory.at(-1)?.status;
    return {
      ...common(view),
      kind: "crossing",
      lon: entity.entry.data.location.lon,
      lat: entity.entry.data.location.lat,
      ...(status ? { status } : {}),
    };
  });
  const places = model.places.map((view): MapMark => {
    const { entity } = view;
    if (entity.kind !== "place") throw new Error(`${entity.key} is not a place`);
    return {
      ...common(view),
      kind: "place",
      lon: entity.entry.data.location.lon,
      lat: entity.entry.data.location.lat,
      placeKind: entity.entry.data.kind,
    };
  });
  return [...crossings, ...places];
}

const common = (view: EntityView) => ({
  key: view.entity.key,
  name: view.entity.name,
  path: view.entity.path,
  articles: view.articles.length,
});

/** Natural Earth's countries as a topology (shared borders are one arc) and as features, index for index. */
export interface Atlas {
  topology: Topology<{ countries: GeometryCollection<{ name: string }> }>;
  features: FeatureCollection<Geometry, { name: string }>;
}
let loaded: Atlas | undefined;

/** Natural Earth's countries at 1:50m, read and converted once. */
export function atlas(): Atlas {
  if (loaded) return loaded;
  // Resolved from the project, not this module: in a build this code runs from a bundled chunk.
  const require = createRequire(join(process.cwd(), "package.json"));
  const topology = JSON.parse(
    readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"),
  ) as Atlas["topology"];
  return (loaded = { topology, features: feature(topology, topology.objects.countries) });
}

/**
 * Drops projected points nearer than `min` pixels to the last one kept, and rings left with fewer than three points:
 * detail a screen cannot show. A line's last point is always kept, so rings stay closed.
 */
function thinned(projection: GeoProjection, min: number): GeoStreamWrapper {
  return {
    stream(output: GeoStream): GeoStream {
      let points: [number, number][] = [];
      let inPolygon = false;
      const thin: GeoStream = {
        point(x, y) {
          points.push([x, y]);
        },
        lineStart() {
          points = [];
        },
        lineEnd() {
          const kept: [number, number][] = [];
          points.forEach(([x, y], i) => {
            const last = kept.at(-1);
            if (!last || i === points.length - 1 || Math.hypot(x - last[0], y - last[1]) >= min) kept.push([x, y]);
          });
          if (kept.length < (inPolygon ? 4 : 2)) return;
          output.lineStart();
          for (const [x, y] of kept) output.point(x, y);
          output.lineEnd();
        },
        polygonStart() {
          inPolygon = true;
          output.polygonStart();
        },
        polygonEnd() {
          inPolygon = false;
          output.polygonEnd();
        },
        sphere() {
          output.sphere?.();
        },
      };
      return projection.stream(thin);
    },
  };
}

/**
 * SVG path data in relative coordinates with one decimal, each step rounded from the rounded position before it so
 * no error builds up: about half the size of d3's absolute coordinates. A d3 path context (see GeoContext).
 */
class RelativePath implements GeoContext {
  #parts: string[] = [];
  #x = 0;
  #y = 0;
  #startX = 0;
  #startY = 0;
  #lastCommand = "";

  moveTo(x: number, y: number): void {
    this.#x = this.#startX = round(x);
    this.#y = this.#startY = round(y);
    this.#parts.push(`M${this.#x} ${this.#y}`);
    this.#lastCommand = "M";
  }

  lineTo(x: number, y: number): void {
    const dx = round(round(x) - this.#x);
    const dy = round(round(y) - this.#y);
    if (dx === 0 && dy === 0) return;
    this.#x = round(this.#x + dx);
    this.#y = round(this.#y + dy);
    const pair = `${short(dx)}${dy < 0 ? "" : " "}${short(dy)}`;
    // After an `l`, further pairs are line-tos too; a pair starting with a minus needs no separator.
    if (this.#lastCommand === "l") this.#parts.push(dx < 0 ? pair : ` ${pair}`);
    else this.#parts.push(`l${pair}`);
    this.#lastCommand = "l";
  }

  closePath(): void {
    this.#parts.push("z");
    this.#x = this.#startX;
    this.#y = this.#startY;
    this.#lastCommand = "z";
  }

  arc(): void {
    // Points are drawn as marks, never through the path generator.
  }

  beginPath(): void {
    // Part of the canvas-like interface; path data needs nothing here.
  }

  result(): string {
    const d = this.#parts.join("");
    this.#parts = [];
    return d;
  }
}

/** A number as short as SVG allows: `0.5` as `.5`, `-0.5` as `-.5`. */
const short = (n: number) => String(n).replace(/^(-?)0\./, "$1.");

const bounds = new WeakMap<Feature, [[number, number], [number, number]]>();
/** A country's bounds in degrees, computed once. */
function boundsOf(f: Feature): [[number, number], [number, number]] {
  let b = bounds.get(f);
  if (!b) bounds.set(f, (b = geoBounds(f)));
  return b;
}

/** How far around its focus an inset map reaches, in degrees of longitude. */
function spanOf(mark: MapMark): number {
  return mark.placeKind === "province" || mark.placeKind === "region" ? 6 : 5;
}

/** The radius of a mark: a place's circle grows with the square root of its articles, so its area with their number. */
export function radiusOf(mark: MapMark): number {
  if (mark.kind === "crossing") return 5.5;
  return Math.round((3 + 1.5 * Math.sqrt(mark.articles)) * 10) / 10;
}

type Box = [x0: number, y0: number, x1: number, y1: number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
/** An estimate of a label's width in map units: system fonts average a little over half an em per character. */
const widthOf = (text: string, size: number, capitals = false) => text.length * size * (capitals ? 0.8 : 0.58);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays out a map: projects the countries and marks, and places labels greedily, most important first (the focus,
 * crossings, then places by articles), each at the first of eight positions around its mark that stays inside the
 * map and clear of every mark and label placed before; a label with no free position is left out, its mark kept.
 */
export function layoutMap({ topology, features: land }: Atlas, marks: readonly MapMark[], view: MapView): MapLayout {
  const { width } = view;
  const pad = 12;
  // No adaptive resampling: Natural Earth's segments are short, and resampling them at an inset's zoom multiplies
  // the points for nothing a pixel shows.
  const projection = geoMercator().precision(0);
  let height: number;
  const focus = view.focus;
  const region = regionOf(land, marks);
  const regionIds = new Set(region.map((f) => String(f.id)));
  const focusCountry =
    focus?.placeKind === "country" ? land.features.find((f) => f.properties.name === focus.name) : undefined;
  // An inset, or an overview of marks that lie in no country the atlas has: centred on a mark.
  const centre = focus && !focusCountry ? focus : region.length === 0 ? marks[0] : undefined;
  if (centre) {
    // Centred on the mark, `span` degrees wide, in a 4:3 frame.
    const span = spanOf(centre);
    height = Math.round(width * 0.75);
    projection
      .center([centre.lon, centre.lat])
      .scale(width / ((span * Math.PI) / 180))
      .translate([width / 2, height / 2]);
  } else if (view.fitMarks && marks.some((m) => m.placeKind !== "country")) {
    // Countries are named over their shapes, not marked at a point: they do not decide the frame.
    const points = marks.filter((m) => m.placeKind !== "country");
    const lons = points.map((m) => m.lon);
    const lats = points.map((m) => m.lat);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    // Room around the outermost marks for their names, and never so close that the frame is an inset.
    const mx = Math.max(1.5, (e - w) * 0.15, (MIN_SPAN - (e - w)) / 2);
    const my = Math.max(1, (n - s) * 0.15);
    height = Math.round(width * 0.625);
    projection.fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      {
        type: "MultiPoint",
        coordinates: [
          [w - mx, s - my],
          [e + mx, n + my],
        ],
      },
    );
  } else {
    const fitted: FeatureCollection = {
      type: "FeatureCollection",
      features: focusCountry ? [focusCountry] : region,
    };
    projection.fitWidth(width - 2 * pad, fitted);
    const [[, y0], [, y1]] = geoPath(projection).bounds(fitted);
    height = Math.ceil(y1 - y0 + 2 * pad);
    const [tx, ty] = projection.translate();
    projection.translate([tx + pad, ty - y0 + pad]);
  }
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const stream = thinned(projection, 1.5);
  // Measures (areas, centres) from one generator, SVG path data from another that writes it compactly.
  const path = geoPath(stream);
  const draw = (object: Parameters<typeof path>[0]): string => {
    const context = new RelativePath();
    geoPath(stream, context)(object);
    return context.result();
  };

  const centres = new Map<string, [number, number]>();
  // Only the countries whose bounds reach into the frame are projected: projecting all of them, for every inset,
  // would cost a tenth of a second each.
  const [west = -180, north = 90] = projection.invert?.([0, 0]) ?? [];
  const [east = 180, south = -90] = projection.invert?.([width, height]) ?? [];
  const near = (f: Feature) => {
    const [[w, s], [e, n]] = boundsOf(f);
    // Bounds that cross the antimeridian (west > east) are kept: rare, and never wrong.
    return w > e || (w <= east && e >= west && s <= north && n >= south);
  };
  const geometries = topology.objects.countries.geometries;
  const inFrame = land.features.flatMap((f, i) => {
    const geometry = geometries[i];
    return near(f) && geometry && path.area(f) > 0 ? [{ f, geometry }] : [];
  });
  for (const { f } of inFrame) {
    const [cx, cy] = path.centroid(f);
    // A sliver at the edge, or a disputed glacier, is too small to carry a name.
    const roomy = path.area(f) >= widthOf(f.properties.name, FONT.country, true) * FONT.country * 3;
    if (roomy && Number.isFinite(cx) && Number.isFinite(cy)) centres.set(f.properties.name, [cx, cy]);
  }
  const shown = inFrame.map(({ geometry }) => geometry);
  const areas = shown.filter(
    (g): g is TopoPolygon<{ name: string }> | TopoMultiPolygon<{ name: string }> =>
      g.type === "Polygon" || g.type === "MultiPolygon",
  );
  const landShape = draw(merge(topology, areas));
  const borders = draw(mesh(topology, { type: "GeometryCollection", geometries: shown }, (a, b) => a !== b));
  const regionShapes: RegionShape[] = inFrame
    .filter(({ f }) => regionIds.has(String(f.id)))
    .map(({ f }) => ({ id: String(f.id), name: f.properties.name, d: draw(f) }))
    .sort((a, b) => a.id.localeCompare(b.id));

  const taken: Box[] = [];
  const inside = (b: Box) => b[0] >= 2 && b[1] >= 2 && b[2] <= width - 2 && b[3] <= height - 2;
  const placed: PlacedMark[] = [];
  for (const mark of marks) {
    const point = projection([mark.lon, mark.lat]);
    if (!point) continue;
    const [x, y] = point;
    if (x < 0 || y < 0 || x > width || y > height) continue;
    // A country place is marked by its name over its shape, where the atlas has the country.
    const centre = mark.placeKind === "country" ? centres.get(mark.name) : undefined;
    const at = centre ?? [x, y];
    const r = centre ? 0 : radiusOf(mark);
    placed.push({ mark, x: round(at[0]), y: round(at[1]), r, focus: mark.key === focus?.key });
    if (r) taken.push([at[0] - r, at[1] - r, at[0] + r, at[1] + r]);
  }

  const priority = (p: PlacedMark) => (p.focus ? 0 : p.mark.kind === "crossing" ? 1 : p.r === 0 ? 2 : 3);
  const order = [...placed].sort(
    (a, b) => priority(a) - priority(b) || b.mark.articles - a.mark.articles || a.mark.name.localeCompare(b.mark.name),
  );
  for (const p of order) {
    const size = p.r === 0 ? FONT.country : FONT.mark;
    const text = p.r === 0 ? p.mark.name.toUpperCase() : p.mark.name;
    const label = placeLabel(text, size, p.x, p.y, p.r, taken, inside);
    if (label) p.label = label;
  }

  const countryLabels: Label[] = [];
  const marked = new Set(placed.filter((p) => p.r === 0).map((p) => p.mark.name));
  const inRegion = (name: string) => regionShapes.some((r) => r.name === name);
  for (const name of [...centres.keys()].sort(
    (a, b) => Number(inRegion(b)) - Number(inRegion(a)) || a.localeCompare(b),
  )) {
    const centre = centres.get(name);
    if (!centre || marked.has(name)) continue;
    const label = placeLabel(name.toUpperCase(), FONT.country, round(centre[0]), round(centre[1]), 0, taken, inside);
    if (label) countryLabels.push(label);
  }

  return { width, height, land: landShape, borders, region: regionShapes, countryLabels, marks: placed };
}

/** The first free position for a label around a mark at (x, y) of radius r; r = 0 centres it on the point. */
function placeLabel(
  text: string,
  size: number,
  x: number,
  y: number,
  r: number,
  taken: Box[],
  inside: (b: Box) => boolean,
): Label | undefined {
  // A country's name is set in spaced capitals (r = 0), which run wider.
  const w = widthOf(text, size, r === 0);
  const h = size;
  const gap = r + 3;
  if (r === 0) {
    // A country's name: on its centre, or a line below or above it.
    for (const ly of [y + h / 3, y + h * 1.4, y - h * 0.8]) {
      const box: Box = [x - w / 2, ly - h * 0.8, x + w / 2, ly + h * 0.2];
      if (!inside(box) || taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      return { text, x: round(x), y: round(ly), anchor: "middle" };
    }
    return undefined;
  }
  // Right, left, above, below and the four corners, next to the mark; then the same further out, with a leader line.
  const directions: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, -1],
    [0, 1],
    [0.8, -0.8],
    [0.8, 0.8],
    [-0.8, -0.8],
    [-0.8, 0.8],
  ];
  for (const distance of [gap, gap + 16]) {
    for (const [ux, uy] of directions) {
      const anchor: Label["anchor"] = ux > 0 ? "start" : ux < 0 ? "end" : "middle";
      const lx = x + ux * distance;
      const ly = y + uy * distance + (uy > 0 ? h * 0.8 : uy < 0 ? 0 : h / 3);
      const left = anchor === "start" ? lx : anchor === "end" ? lx - w : lx - w / 2;
      const box: Box = [left, ly - h * 0.8, left + w, ly + h * 0.2];
      if (!inside(box) || taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      const label: Label = { text, x: round(lx), y: round(ly), anchor };
      if (distance > gap) {
        label.leader = [
          round(x + ux * (r + 1.5)),
          round(y + uy * (r + 1.5)),
          round(x + ux * (distance - 2)),
          round(y + uy * (distance - 2)),
        ];
      }
      return label;
    }
  }
  return undefined;
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const PLACE_KIND: Record<PlaceKind, string> = {
  city: "city",
  district: "district",
  province: "province",
  region: "region",
  country: "country",
};

/** What a mark says to a screen reader and in its tooltip: name, kind and status or articles. */
export function markDescription(mark: MapMark): string {
  const articles = `named in ${mark.articles} ${mark.articles === 1 ? "article" : "articles"}`;
  if (mark.kind === "crossing")
    return `${mark.name}, border crossing: ${mark.status ? `last reported ${mark.status}` : "no status reported"}`;
  return `${mark.name}, ${PLACE_KIND[mark.placeKind ?? "city"]}, ${articles}`;
}

/** The status class of a crossing's mark, as StatusBadge and global.css name them. */
export function statusClass(mark: MapMark): string {
  return `status-${mark.status ?? "unknown"}`;
}

/**
 * The map as SVG markup. No `role="img"`: its marks are links, reachable by keyboard and listed by screen readers;
 * its first child, the `<title>`, names it (aria-labelledby is discouraged on an element with no role). Colours are CSS custom properties (global.css), so it follows light and dark and
 * prints in black on white.
 */
export function mapSvg(
  layout: MapLayout,
  options: { id: string; title: string; href: (path: string) => string },
): string {
  const { width, height } = layout;
  const out: string[] = [];
  out.push(
    `<svg class="map" id="${options.id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title>${escape(options.title)}</title>`,
    `<rect class="map-sea" width="${width}" height="${height}"/>`,
    `<g class="map-countries" aria-hidden="true">`,
    `<path class="map-land" d="${layout.land}"/>`,
    ...layout.region.map((c) => `<path class="map-region" d="${c.d}"/>`),
    `<path class="map-borders" d="${layout.borders}"/>`,
    `</g>`,
    `<g class="map-country-names" aria-hidden="true">`,
    ...layout.countryLabels.map((l) => `<text x="${l.x}" y="${l.y}" text-anchor="middle">${escape(l.text)}</text>`),
    `</g>`,
    `<g class="map-marks">`,
  );
  // Places first, then crossings over them; the focus last, on top.
  const drawOrder = [...layout.marks].sort(
    (a, b) =>
      Number(a.focus) - Number(b.focus) || Number(a.mark.kind === "crossing") - Number(b.mark.kind === "crossing"),
  );
  for (const p of drawOrder) {
    const { mark } = p;
    const description = markDescription(mark);
    const classes = [
      "mark",
      `mark-${mark.kind}`,
      ...(mark.kind === "crossing" ? [statusClass(mark)] : []),
      ...(p.r === 0 ? ["mark-country"] : []),
      ...(p.focus ? ["is-focus"] : []),
    ].join(" ");
    out.push(
      `<a class="${classes}" href="${escape(options.href(mark.path))}" aria-label="${escape(description)}" data-key="${mark.key}">`,
      `<title>${escape(description)}</title>`,
    );
    if (mark.kind === "crossing") {
      const r = p.r;
      out.push(
        `<path class="mark-shape" d="M${p.x} ${round(p.y - r)}L${round(p.x + r)} ${p.y}L${p.x} ${round(p.y + r)}L${round(p.x - r)} ${p.y}Z"/>`,
      );
    } else if (p.r > 0) {
      out.push(`<circle class="mark-shape" cx="${p.x}" cy="${p.y}" r="${p.r}"/>`);
    }
    if (p.label?.leader) {
      const [x1, y1, x2, y2] = p.label.leader;
      out.push(`<path class="mark-leader" d="M${x1} ${y1}L${x2} ${y2}"/>`);
    }
    if (p.label) {
      out.push(
        `<text class="mark-label" x="${p.label.x}" y="${p.label.y}"${p.label.anchor === "start" ? "" : ` text-anchor="${p.label.anchor}"`}>${escape(p.label.text)}</text>`,
      );
    }
    out.push(`</a>`);
  }
  out.push(`</g>`, `</svg>`);
  return out.join("");
}

/**
 * The overview's width in map units, which labels are measured in: `full` for a page of its own (/crossings/,
 * /places/), where it is shown wide and has room for every name; `compact` for a column (the home page), where it is
 * shown about 340 px wide and its names stay legible.
 */
const WIDTHS = { full: 560, compact: 380 } as const;
export type MapSize = keyof typeof WIDTHS;

const drawn = new WeakMap<object, Map<string, MapLayout | undefined>>();
const viewKey = (focus: EntityKey | undefined, size: MapSize) => `${focus ?? ""} ${size}`;

/**
 * A view of the site's map, laid out once per model: the overview (no focus), in either size, or an inset centred on
 * one crossing or place. The pages of a build share one model, so each view is computed once however many pages show it.
 */
export function siteMap(
  model: Pick<Model, "crossings" | "places">,
  focus?: EntityKey,
  size: MapSize = "full",
): MapLayout | undefined {
  let views = drawn.get(model);
  if (!views) drawn.set(model, (views = new Map()));
  const key = viewKey(focus, size);
  if (views.has(key)) return views.get(key);
  const marks = mapMarks(model);
  const mark = focus ? marks.find((m) => m.key === focus) : undefined;
  // A desk with no crossing or place has nothing to map.
  const layout =
    marks.length > 0
      ? layoutMap(
          atlas(),
          marks,
          mark ? { width: 300, focus: mark } : { width: WIDTHS[size], fitMarks: size === "compact" },
        )
      : undefined;
  views.set(key, layout);
  return layout;
}

/** Views of the site's map by siteMap's key: what the build lays out ahead of the pages (see mapLayouts). */
export type MapLayouts = Map<string, MapLayout | undefined>;

/**
 * Every view of the site's map the pages draw — the overview full (the crossings' and places' indexes) and compact
 * (the home page), and the inset on each crossing and place — laid out ahead of the pages: the build does it in its
 * content worker, beside Astro's bundling (scripts/lib/content-worker.ts), since clipping the atlas took about 0.5 s
 * of Astro's thread while it generated the pages at 1,000 articles (--cpu-prof).
 */
export function mapLayouts(model: Pick<Model, "crossings" | "places">): MapLayouts {
  const views: [EntityKey | undefined, MapSize][] = [
    [undefined, "full"],
    [undefined, "compact"],
    ...mapMarks(model).map((m): [EntityKey, MapSize] => [m.key, "full"]),
  ];
  return new Map(views.map(([focus, size]) => [viewKey(focus, size), siteMap(model, focus, size)]));
}

/** Views laid out ahead for this model (mapLayouts), which siteMap then returns instead of laying them out again. */
export function useMapLayouts(model: Pick<Model, "crossings" | "places">, layouts: MapLayouts): void {
  drawn.set(model, new Map(layouts));
}
