/** The builds the site tests run against; tests/site/setup.ts makes them once per run. */
export const SITE_URL = "https://briefing.example.org";

export const BUILDS = {
  /** The real content at the domain root. */
  root: { outDir: ".tmp/site/root", base: "/", contentDir: "content" },
  /** The real content under a sub-path. */
  sub: { outDir: ".tmp/site/sub", base: "/briefing/", contentDir: "content" },
  /** Fixture content: proves the engine renders any desk's content, and GFM exactly once. */
  fixture: { outDir: ".tmp/site/fixture", base: "/", contentDir: "tests/fixtures/content" },
  /** Fixture content under a sub-path: its tiny list bounds paginate every archive, so page links get the base. */
  fixtureSub: { outDir: ".tmp/site/fixture-sub", base: "/desk/", contentDir: "tests/fixtures/content" },
  /**
   * The real content, under a sub-path, with an offline budget it exceeds (the whole site is about 2 MB, the
   * reading and search essentials, maps included, about 0.45 MB): a first visit keeps only the essentials. setup.ts writes the
   * content folder: a copy of content/ whose site.yaml sets offlineBudgetMB.
   */
  budget: {
    outDir: ".tmp/site/budget",
    base: "/briefing/",
    contentDir: ".tmp/site/budget-content",
    copyOf: "content",
    offlineBudgetMB: 0.5,
  },
} as const;
export type BuildName = keyof typeof BUILDS;
