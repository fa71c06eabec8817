/** The three builds the site tests run against; tests/site/setup.ts makes them once per run. */
export const SITE_URL = "https://briefing.example.org";

export const BUILDS = {
  /** The real content at the domain root. */
  root: { outDir: ".tmp/site/root", base: "/", contentDir: "content" },
  /** The real content under a sub-path. */
  sub: { outDir: ".tmp/site/sub", base: "/briefing/", contentDir: "content" },
  /** Fixture content: proves the engine renders any desk's content, and GFM exactly once. */
  fixture: { outDir: ".tmp/site/fixture", base: "/", contentDir: "tests/fixtures/content" },
} as const;
export type BuildName = keyof typeof BUILDS;
