/**
 * What the rendering of every body depends on besides the body itself: the names and aliases the mention engine
 * links, the entry ids editors' links resolve against, and the engine code that does it. The digest goes into the
 * remark plugin's options, which Astro hashes into its config digest: when it changes, Astro starts its content
 * store (the cached rendering of `.md` entries) and its incremental page cache afresh, and every page is rendered
 * again. An added article does not change it, so a rebuild after one new article reuses what it can.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listEntries } from "./content-files.ts";

/** The engine code a body's rendering goes through. */
const ENGINE = ["src/lib", "src/plugins"];

export function renderDigest(contentDir: string, root = process.cwd()): string {
  const hash = createHash("sha1");
  for (const collection of ["actors", "crossings", "places", "themes"] as const) {
    for (const { id, path } of listEntries(contentDir, collection)) {
      // The whole file: names and aliases live in its frontmatter, and an overview's own links in its body.
      hash.update(`${collection}/${id}\0`).update(readFileSync(path)).update("\0");
    }
  }
  for (const folder of ENGINE) {
    for (const file of readdirSync(join(root, folder), { recursive: true, encoding: "utf8" }).sort()) {
      if (/\.(ts|mjs|js)$/.test(file))
        hash.update(`${folder}/${file}\0`).update(readFileSync(join(root, folder, file)));
    }
  }
  return hash.digest("hex");
}
