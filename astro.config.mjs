// @ts-check
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { resolve } from "node:path";
import remarkGfm from "remark-gfm";
import entityReload from "./src/plugins/entity-reload.ts";
import remarkMentions from "./src/plugins/remark-mentions.ts";
import remarkNoCode from "./src/plugins/remark-no-code.ts";
import remarkSmartypants from "./src/plugins/remark-smartypants.ts";
import { CACHE_ROOT, deployment } from "./src/lib/deployment.ts";
import { readSiteConfig } from "./src/lib/content-files.ts";
import { renderDigest } from "./src/lib/render-digest.ts";
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, INLINE_SCRIPT_HASHES } from "./src/lib/csp.ts";

const { site, base, contentDir, outDir, cacheDir } = deployment(process.env);
/** The desk's `mdx.allowCode`; a site.yaml that does not pass its check (the build reports it) allows nothing. */
const allowCode = (/** @type {string} */ dir) => readSiteConfig(dir).site?.mdx.allowCode ?? false;
const dev = process.argv[2] === "dev";

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: "always",
  cacheDir: dev ? `${CACHE_ROOT}/dev/` : cacheDir,
  // A page whose cache key (src/lib/page-keys.ts) and code are unchanged is copied from the last build.
  experimental: { incrementalBuild: true },
  // Two pages at a time: while one page's files are written, the next renders, instead of the one JavaScript thread
  // waiting on the disk (about a fifth of the page-rendering stage at 1,000 articles was idle, profiled with
  // --cpu-prof). The pages do not depend on the order they are rendered in; the output is byte for byte the same.
  build: { format: "directory", concurrency: 2 },
  // A strict Content-Security-Policy in every page: hashes of every script and style Astro renders, nothing inline
  // otherwise, nothing from another origin (src/lib/csp.ts says what each directive allows and why).
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_SOURCES], hashes: [...INLINE_SCRIPT_HASHES] },
    },
  },
  integrations: [mdx(), sitemap(), entityReload(contentDir)],
  markdown: {
    // Bodies hold no code (remark-no-code refuses it), so nothing is highlighted; Shiki's inline styles would also
    // break the Content-Security-Policy, as Astro warns at every build while it is on.
    syntaxHighlight: false,
    // Astro 7's default processor (Sätteri) runs no remark plugins. GFM is switched off in the processor and added
    // as a plugin instead, so that it runs exactly once, in .md and .mdx alike. SmartyPants too: our plugin gives
    // the output of Astro's own step at a fraction of its cost (see the plugin), in the place Astro runs it, first.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [
        remarkSmartypants,
        // First: a body's code never reaches the MDX compiler (see the plugin); the build refuses it, dev strips it.
        [
          remarkNoCode,
          dev
            ? { contentDir: resolve(contentDir), strict: false }
            : { contentDir: resolve(contentDir), strict: true, allowCode: allowCode(contentDir) },
        ],
        remarkGfm,
        // The dev server marks a broken entry link instead of failing the page; builds stop on it.
        [
          remarkMentions,
          {
            contentDir: resolve(contentDir),
            base,
            strict: !dev,
            live: dev,
            // Not read by the plugin: it makes Astro's caches start afresh when entities or the engine change.
            renderDigest: dev ? "dev" : renderDigest(contentDir),
          },
        ],
      ],
    }),
  },
  vite: {
    // The engine reads content/ itself (remark plugin); editing it must rebuild pages in dev.
    server: { watch: { ignored: ["**/dist/**", "**/.tmp/**"] } },
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every .mdx entry raises this while bundling, one multi-line warning per article; it is harmless and
          // upstream: https://github.com/withastro/astro/issues/18087. Every other warning is shown.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
});
