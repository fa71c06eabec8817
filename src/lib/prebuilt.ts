/**
 * The production build derives the site model once, for the content check, in a worker thread beside Astro in the
 * same process (scripts/lib/render.ts): the pages take that model from here, waiting for the check to pass, instead
 * of building it a second time, and with it the layouts of the network drawings and of the map's views, laid out in
 * that thread too. The hand-over goes through `globalThis` because Astro loads `src/` through its own
 * module runner, so the build script and the pages hold two different instances of every module but share one
 * global object.
 */
import { resolve } from "node:path";
import type { Model } from "./model.ts";
import type { MapLayouts } from "./map.ts";
import type { NetworkLayouts } from "./visuals.ts";

const KEY = Symbol.for("briefing.prebuilt-model");

/** The model, and what the build derives from it ahead of the pages (see visuals.ts and map.ts). */
export interface PrebuiltSite {
  model: Model;
  layouts: NetworkLayouts;
  maps: MapLayouts;
}

interface Prebuilt {
  contentDir: string;
  /** Settled once the check has passed: the build derives the model while Astro starts (scripts/lib/render.ts). */
  site: Promise<PrebuiltSite>;
}

type WithPrebuilt = typeof globalThis & { [KEY]?: Prebuilt };

/** Offers the model the build has checked to the pages that will be rendered from the same content folder. */
export function sharePrebuiltSite(contentDir: string, site: Promise<PrebuiltSite>): void {
  (globalThis as WithPrebuilt)[KEY] = { contentDir: resolve(contentDir), site };
}

/** The model (and layouts) the build computed for this content folder, if the pages are rendered by that build. */
export function prebuiltSite(contentDir: string): Promise<PrebuiltSite> | undefined {
  const prebuilt = (globalThis as WithPrebuilt)[KEY];
  return prebuilt?.contentDir === resolve(contentDir) ? prebuilt.site : undefined;
}
