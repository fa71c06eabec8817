/**
 * Hands each page to the build's parent process as soon as Astro has rendered it, so that the offline copy
 * (./post-render.ts) is made while the other pages render, instead of after the last one.
 *
 * Astro 7 renders prerendered pages on one JavaScript thread. Sampled from /proc/stat during a 1,000-article build,
 * about 1.2 of the machine's 2 cores were busy while the pages rendered, and both were busy in the stages after
 * them. This integration wraps Astro's own prerenderer (the integration API's `setPrerenderer`, which is given the
 * default one): Astro still lists, renders and writes every page and keeps its incremental cache; the wrapper only
 * reads each rendered page's HTML, passes it on, and gives Astro the same response.
 *
 * Pages restored from the incremental cache are not rendered, so they are not passed on; the parent reads them from
 * the disk afterwards, as it does pages the build rewrites after Astro (./updated-stamp.ts).
 *
 * The same wrapper also notes the file of every page rendered (the Updated stamp reads only the others) and when
 * Astro began and finished generating the pages (the benchmark's `astroPages`); both work without the parent too.
 */
import type { AstroIntegration } from "astro";
import { now, type Span } from "./build-report.ts";

type BuildStart = NonNullable<AstroIntegration["hooks"]["astro:build:start"]>;
type SetPrerenderer = Parameters<BuildStart>[0]["setPrerenderer"];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the other form of setPrerenderer's argument
type AstroPrerenderer = Exclude<Parameters<SetPrerenderer>[0], Function>;

/** A page Astro has rendered: its file (relative to the output folder, `/` between folders) and its HTML. */
export interface StreamedPage {
  type: "page";
  file: string;
  html: string;
}

/** Astro's names for status pages: `/404` is written to `404.html`, not `404/index.html`. */
const STATUS_PAGES = new Set(["404", "500"]);

/**
 * The file a page's path (without the site's base) is written to in Astro's `directory` format (astro.config.mjs):
 * `/actors/ttp/` → `actors/ttp/index.html`, `/` → `index.html`, `/404` → `404.html`. The parent checks that every
 * page it was given is on the disk under this name before it trusts it (./post-render.ts).
 */
export function pageFile(pathname: string): string {
  const path = pathname.replace(/^\/+|\/+$/g, "");
  if (STATUS_PAGES.has(path)) return `${path}.html`;
  return path === "" ? "index.html" : `${path}/index.html`;
}

/** The path of a request for a page, without the site's base. */
export function requestPath(url: string, base: string): string {
  const path = decodeURIComponent(new URL(url).pathname);
  const prefix = base.replace(/\/*$/, "/");
  return path.startsWith(prefix) ? path.slice(prefix.length - 1) : `${path}/` === prefix ? "/" : path;
}

/** What the integration tells the build as Astro generates the pages. */
export interface PageStreamOptions {
  /** Each page Astro renders, with its HTML (without it, Astro's responses are left as they are). */
  send?: ((page: StreamedPage) => void) | undefined;
  /** The file of each page Astro renders; pages restored from its incremental cache are not rendered. */
  rendered?: (file: string) => void;
  /**
   * When Astro began generating the pages and when it was done: the part of Astro's build after its bundling, timed
   * apart for the benchmark.
   */
  generated?: (span: Span) => void;
}

export default function pageStream({ send, rendered, generated }: PageStreamOptions = {}): AstroIntegration {
  let base = "/";
  let started = now();
  return {
    name: "briefing:page-stream",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:start": ({ setPrerenderer }) => {
        setPrerenderer((astro): AstroPrerenderer => ({
          name: "briefing:page-stream",
          // Astro's own prerenderer does everything but pass the pages on.
          setup: () => {
            started = now();
            return astro.setup?.() ?? Promise.resolve();
          },
          getStaticPaths: () => astro.getStaticPaths(),
          ...(astro.collectStaticImages ? { collectStaticImages: () => astro.collectStaticImages!() } : {}),
          teardown: async () => {
            await astro.teardown?.();
            generated?.([started, now()]);
          },
          async render(request, options) {
            const result = await astro.render(request, options);
            if (!send && !rendered) return result;
            const { response, metadata } = result instanceof Response ? { response: result } : result;
            // Astro writes a page's body as it is, except for a redirect (it writes a page of its own).
            const redirect = response.status >= 300 && response.status < 400;
            if (options.routeData.type !== "page" || redirect || response.body === null) return result;
            const file = pageFile(requestPath(request.url, base));
            rendered?.(file);
            if (!send) return result;
            // Read once, here; Astro gets a response with the same status, headers and bytes.
            const bytes = await response.arrayBuffer();
            send({ type: "page", file, html: Buffer.from(bytes).toString("utf8") });
            const copy = new Response(bytes, {
              status: response.status,
              statusText: response.statusText,
              headers: response.headers,
            });
            return metadata === undefined ? copy : { response: copy, metadata };
          },
        }));
      },
    },
  };
}
