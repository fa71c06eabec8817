/**
 * The site's Content-Security-Policy beyond what Astro computes itself. Astro (`security.csp` in astro.config.mjs)
 * writes a `<meta http-equiv="content-security-policy">` into every page with `script-src` and `style-src` holding
 * the hash of every script and style it renders; these are the other directives, and the sources those two add.
 * The site loads nothing from another origin, so every directive allows the site itself at most.
 *
 * What search needs, checked in the installed Pagefind (1.6): `'wasm-unsafe-eval'` to compile its WebAssembly, and
 * `worker-src 'self'` for its web worker, which it starts from `pagefind/pagefind-worker.js` (older versions made
 * the worker from a `blob:` address; this one does not, so `blob:` is not allowed). The service worker is the site's
 * own `sw.js`: `worker-src 'self'` again.
 *
 * `frame-ancestors` cannot be set in a `<meta>` policy (browsers ignore it there and say so in the console): the
 * host's headers carry it (public/_headers, README).
 */
import { createHash } from "node:crypto";

export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const;

/** `script-src` beyond Astro's hashes: the site's own scripts, and Pagefind's WebAssembly. */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * Inline scripts that must run while the page is parsed, before the content below them is laid out, so they cannot be
 * bundled (Astro's bundled scripts are modules, which run after parsing). Astro hashes the scripts it bundles, not
 * `is:inline` ones: these are written here once, rendered with `set:html`, and their hashes added to the policy.
 */
export const INLINE_SCRIPTS = {
  /** "Since your last visit" reserves its place before the note is parsed, so nothing moves (SinceLastVisit.astro). */
  sinceVisitOn: 'document.documentElement.classList.add("since-visit-on");',
} as const;

/** The policy's `sha256-…` source for each inline script. */
export const INLINE_SCRIPT_HASHES = Object.values(INLINE_SCRIPTS).map(
  (script) => `sha256-${createHash("sha256").update(script).digest("base64")}` as const,
);
