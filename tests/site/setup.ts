import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { BUILDS, SITE_URL } from "./builds.ts";

/** Builds each site with the production build script. Set SKIP_BUILD=1 to reuse the last builds while iterating. */
export default function setup(): void {
  for (const [name, build] of Object.entries(BUILDS)) {
    if (process.env["SKIP_BUILD"] && existsSync(resolve(build.outDir, "index.html"))) continue;
    const started = Date.now();
    if ("copyOf" in build) {
      rmSync(build.contentDir, { recursive: true, force: true });
      cpSync(build.copyOf, build.contentDir, { recursive: true });
      appendFileSync(join(build.contentDir, "site.yaml"), `offlineBudgetMB: ${build.offlineBudgetMB}\n`);
    }
    const result = spawnSync(process.execPath, ["scripts/build.ts"], {
      encoding: "utf8",
      env: {
        ...process.env,
        SITE_URL,
        BASE_PATH: build.base,
        CONTENT_DIR: build.contentDir,
        OUT_DIR: build.outDir,
      },
    });
    if (result.status !== 0) {
      throw new Error(`The ${name} build failed:\n${result.stdout}\n${result.stderr}`);
    }
    console.log(`built ${name} (${build.base}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
