/**
 * Where the site is deployed, from documented environment variables (see README):
 * - `SITE_URL`: the origin, e.g. https://briefing.example.org (used for canonical URLs, the feed and the sitemap);
 * - `BASE_PATH`: the sub-path the site lives under, e.g. /briefing/ (default /);
 * - `CONTENT_DIR`: the content folder (default ./content), so tests can build a fixture site;
 * - `OUT_DIR`: where the build goes (default ./dist).
 */
export interface Deployment {
  site: string;
  base: string;
  contentDir: string;
  outDir: string;
}

export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export function deployment(env: Record<string, string | undefined>): Deployment {
  const site = (env["SITE_URL"] ?? "").trim() || "http://localhost:4321";
  try {
    new URL(site);
  } catch {
    throw new Error(`SITE_URL must be a full address such as https://briefing.example.org, not "${site}".`);
  }
  return {
    site,
    base: normaliseBase(env["BASE_PATH"]),
    contentDir: env["CONTENT_DIR"] || "./content",
    outDir: env["OUT_DIR"] || "./dist",
  };
}
