/** The model of each test build, built from its content folder as the production build does: what pages must show. */
import { loadContent, loadSiteConfig } from "../../src/lib/content-files.ts";
import { buildModel, type Model } from "../../src/lib/model.ts";
import type { SiteData } from "../../src/lib/schemas.ts";
import { BUILDS, SITE_URL, type BuildName } from "./builds.ts";

const models = new Map<BuildName, Model>();

export function modelOf(name: BuildName): Model {
  let model = models.get(name);
  if (!model)
    models.set(name, (model = buildModel(loadContent(BUILDS[name].contentDir, { includeDrafts: false }).input)));
  return model;
}

export function siteOf(name: BuildName): SiteData {
  return loadSiteConfig(BUILDS[name].contentDir);
}

/** The absolute address of a site path in a build. */
export function addressIn(name: BuildName, path: string): string {
  return `${SITE_URL}${BUILDS[name].base}${path.replace(/^\//, "")}`;
}
