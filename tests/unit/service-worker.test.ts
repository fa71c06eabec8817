import { describe, expect, it } from "vitest";
import { INJECTION_POINT, injectPrecacheManifest } from "../../scripts/lib/service-worker.ts";

describe("the service worker's precache manifest", () => {
  const code = `(()=>{var a=${INJECTION_POINT};precache(a)})();`;

  it("takes the place of Workbox's injection point, as Workbox writes it: JSON, each entry's keys sorted", () => {
    const injected = injectPrecacheManifest(code, [
      { url: "/", revision: "a1" },
      { url: "/search/", revision: "b2" },
    ]);
    expect(injected).toBe(
      '(()=>{var a=[{"revision":"a1","url":"/"},{"revision":"b2","url":"/search/"}];precache(a)})();',
    );
  });

  it("keeps a file's name as it is, even one that reads as a replacement pattern", () => {
    const injected = injectPrecacheManifest(code, [{ url: "/a$&b$1/", revision: "c3" }]);
    expect(injected).toBe('(()=>{var a=[{"revision":"c3","url":"/a$&b$1/"}];precache(a)})();');
  });

  it("refuses code with no injection point, or more than one, saying how many it found", () => {
    expect(() => injectPrecacheManifest("precache([])", [])).toThrow(
      "the service worker's code has 0 places for its precache manifest (self.__WB_MANIFEST); it needs exactly one",
    );
    expect(() => injectPrecacheManifest(code + code, [])).toThrow(
      "the service worker's code has 2 places for its precache manifest (self.__WB_MANIFEST); it needs exactly one",
    );
  });
});
