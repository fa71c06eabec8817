/**
 * The little every page runs: the "/" key, marking the words a reader searched for, and the service worker. A bundled
 * script rather than an inline one, so that the site's Content-Security-Policy needs no hash for it; no search code
 * loads until the reader submits or is on /search/.
 */
const base = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
/** The offline copy, opened from a disk, has neither Pagefind nor a service worker (src/lib/offline-copy.ts). */
const fromDisk = location.protocol === "file:";

// "/" jumps to the search box.
document.addEventListener("keydown", (event) => {
  const target = event.target;
  const typing =
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    const box = (document.getElementById("search-q") ??
      document.getElementById("site-search-q")) as HTMLInputElement | null;
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  }
});

interface HighlightWindow {
  PagefindHighlight?: new (options: { highlightParam: string; addStyles: boolean }) => unknown;
}

// Arriving from a search result: mark the searched words on the page.
if (!fromDisk && new URLSearchParams(location.search).has("highlight")) {
  import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`)
    .then(() => {
      const { PagefindHighlight } = window as HighlightWindow;
      // Its own <style> would need 'unsafe-inline' under the site's CSP; global.css styles .pagefind-highlight.
      if (PagefindHighlight) new PagefindHighlight({ highlightParam: "highlight", addStyles: false });
    })
    .catch(() => {});
}

if (import.meta.env.PROD && !fromDisk && "serviceWorker" in navigator) {
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {});
}
