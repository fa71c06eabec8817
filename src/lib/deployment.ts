/**
 * Where the site is deployed, from documented environment variables (see README):
 * - `SITE_URL`: the origin, e.g. https://briefing.example.org (used for canonical URLs, the feed and the sitemap);
 * - `BASE_PATH`: the sub-path the site lives under, e.g. /briefing/ (default /);
 * - `CONTENT_DIR`: the content folder (default ./content), so tests can build a fixture site;
 * - `OUT_DIR`: where the build goes (default ./dist).
 */
import { createHash } from "node:crypto";
import { resolve } from "node:path";

export interface Deployment {
  site: string;
  base: string;
  contentDir: string;
  outDir: string;
  /**
   * Astro's caches (content store, incremental page cache) for this content folder and address, so that building
   * the site, a fixture desk or a sub-path deployment one after another does not make each start from nothing.
   */
  cacheDir: string;
}

/** Where every deployment's cache folder lives. */
export const CACHE_ROOT = "node_modules/.astro";

export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** Where canonical URLs, the feed and the sitemap point when SITE_URL is not set: the preview server. */
export const DEFAULT_SITE_URL = "http://localhost:4321";

export function deployment(env: Record<string, string | undefined>): Deployment {
  const site = (env["SITE_URL"] ?? "").trim() || DEFAULT_SITE_URL;
  try {
    new URL(site);
  } catch {
    throw new Error(`SITE_URL must be a full address such as https://briefing.example.org, not "${site}".`);
  }
  const base = normaliseBase(env["BASE_PATH"]);
  const contentDir = env["CONTENT_DIR"] || "./content";
  const key = createHash("sha1")
    .update(JSON.stringify([resolve(contentDir), base, site]))
    .digest("hex")
    .slice(0, 12);
  return { site, base, contentDir, outDir: env["OUT_DIR"] || "./dist", cacheDir: `${CACHE_ROOT}/build-${key}/` };
}
