import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // Some tests run the CLIs (content check, scaffold) as child processes: allow for a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          // Builds the site four ways (real and fixture content, each at the root and under a sub-path) once for all
          // site tests.
          globalSetup: ["tests/site/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
