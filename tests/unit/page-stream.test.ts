import { describe, expect, it } from "vitest";
import { pageFile, requestPath } from "../../scripts/lib/page-stream.ts";

describe("pageFile", () => {
  it.each([
    ["/", "index.html"],
    ["", "index.html"],
    ["/actors/ttp/", "actors/ttp/index.html"],
    ["/actors/ttp", "actors/ttp/index.html"],
    ["/actors/ttp/articles/page/2/", "actors/ttp/articles/page/2/index.html"],
    ["/404", "404.html"],
    ["/404/", "404.html"],
    ["/500", "500.html"],
    ["/notes/404/", "notes/404/index.html"],
  ])("writes the page at %s to %s, as Astro's directory format does", (path, file) => {
    expect(pageFile(path)).toBe(file);
  });
});

describe("requestPath", () => {
  it.each([
    ["http://localhost/actors/ttp/", "/", "/actors/ttp/"],
    ["http://localhost/", "/", "/"],
    ["http://localhost/desk/actors/ttp/", "/desk/", "/actors/ttp/"],
    ["http://localhost/desk/actors/ttp/", "/desk", "/actors/ttp/"],
    ["http://localhost/desk/", "/desk", "/"],
    ["http://localhost/desk", "/desk/", "/"],
    ["http://localhost/places/pe%C5%A1awar/", "/", "/places/pešawar/"],
  ])("reads %s under base %s as %s", (url, base, path) => {
    expect(requestPath(url, base)).toBe(path);
  });
});
