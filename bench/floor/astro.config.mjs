// @ts-check
/**
 * The floor: the least a site can do with the framework to publish the same articles — one bare page per article,
 * its body rendered by @astrojs/mdx with remark-gfm through the same unified processor as the project's config
 * (astro.config.mjs at the repository root), nothing else. It has no dependencies of its own: everything resolves
 * from the project's node_modules. `npm run bench` builds it next to the project; see bench/floor/build.mjs.
 */
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import remarkGfm from "remark-gfm";

export default defineConfig({
  // Outside the repository's linted and tracked files unless the benchmark says where.
  outDir: process.env.OUT_DIR || "../../.tmp/floor/dist",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx()],
  markdown: {
    // As in the project: Astro 7's default processor runs no remark plugins, so GFM is a plugin of unified's.
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }),
  },
});
