import { describe, expect, it } from "vitest";
import { now, type Span } from "../../scripts/lib/build-report.ts";
import pageStream, { pageFile, requestPath, type StreamedPage } from "../../scripts/lib/page-stream.ts";

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

type Hooks = ReturnType<typeof pageStream>["hooks"];
type Prerenderer = Parameters<Parameters<NonNullable<Hooks["astro:build:start"]>>[0]["setPrerenderer"]>[0];
type Wrapper = Exclude<Prerenderer, (...args: never[]) => unknown>;
type RenderOptions = Parameters<Wrapper["render"]>[1];

/** Astro's default prerenderer, as far as the wrapper uses it: it notes what it is asked, in order. */
function fakeAstro(render: (request: Request) => Response) {
  const calls: string[] = [];
  const astro: Wrapper = {
    name: "astro:default",
    setup: async () => void calls.push("setup"),
    getStaticPaths: async () => (calls.push("getStaticPaths"), []),
    render: async (request) => (calls.push(`render ${new URL(request.url).pathname}`), render(request)),
    teardown: async () => void calls.push("teardown"),
  };
  return { astro, calls };
}

/** The prerenderer the integration puts in place of Astro's, under `base`. */
function wrapped(integration: ReturnType<typeof pageStream>, astro: Wrapper, base = "/"): Wrapper {
  let wrapper: Prerenderer | undefined;
  const hooks = integration.hooks as Record<string, (options: unknown) => void>;
  hooks["astro:config:done"]!({ config: { base } });
  hooks["astro:build:start"]!({ setPrerenderer: (p: Prerenderer) => (wrapper = p) });
  if (typeof wrapper !== "function") throw new Error("the integration set no prerenderer factory");
  return (wrapper as (astro: Wrapper) => Wrapper)(astro);
}

const page = { routeData: { type: "page" } } as RenderOptions;
const html = "<!doctype html><p>Torkham — “closed”</p>";
const response = () =>
  new Response(html, { status: 200, statusText: "OK", headers: { "content-type": "text/html", "x-kept": "yes" } });

describe("pageStream", () => {
  it("sends each rendered page's file and HTML, and gives Astro the same status, headers and bytes", async () => {
    const sent: StreamedPage[] = [];
    const { astro } = fakeAstro(response);
    const prerenderer = wrapped(pageStream({ send: (p) => sent.push(p) }), astro, "/desk/");
    const rendered = await prerenderer.render(new Request("http://localhost/desk/actors/ttp/"), page);
    const out = rendered instanceof Response ? rendered : rendered.response;
    expect(sent).toEqual([{ type: "page", file: "actors/ttp/index.html", html }]);
    expect([out.status, out.statusText, out.headers.get("content-type"), out.headers.get("x-kept")]).toEqual([
      200,
      "OK",
      "text/html",
      "yes",
    ]);
    expect(await out.text()).toBe(html);
  });

  it("leaves a redirect and an endpoint's response to Astro without sending or noting them", async () => {
    const sent: StreamedPage[] = [];
    const files: string[] = [];
    const redirect = new Response(null, { status: 301, headers: { location: "/actors/ttp/" } });
    const endpoint = new Response("{}", { headers: { "content-type": "application/json" } });
    const answers = [redirect, endpoint];
    const { astro } = fakeAstro(() => answers.shift()!);
    const prerenderer = wrapped(pageStream({ send: (p) => sent.push(p), rendered: (f) => files.push(f) }), astro);
    expect(await prerenderer.render(new Request("http://localhost/old/"), page)).toBe(redirect);
    const json = { routeData: { type: "endpoint" } } as RenderOptions;
    expect(await prerenderer.render(new Request("http://localhost/search/names.json"), json)).toBe(endpoint);
    expect(sent).toEqual([]);
    expect(files).toEqual([]);
  });

  it("without a receiver for the HTML, gives Astro its own responses untouched", async () => {
    const first = response();
    const { astro } = fakeAstro(() => first);
    expect(await wrapped(pageStream(), astro).render(new Request("http://localhost/"), page)).toBe(first);
    const files: string[] = [];
    const noting = wrapped(pageStream({ rendered: (f) => files.push(f) }), fakeAstro(() => first).astro);
    expect(await noting.render(new Request("http://localhost/actors/ttp/"), page)).toBe(first);
    expect(files).toEqual(["actors/ttp/index.html"]);
  });

  it("notes the file of each page rendered, in the order Astro renders them", async () => {
    const files: string[] = [];
    const prerenderer = wrapped(pageStream({ rendered: (f) => files.push(f) }), fakeAstro(response).astro, "/desk/");
    for (const path of ["/desk/", "/desk/articles/page/2/", "/desk/404"])
      await prerenderer.render(new Request(`http://localhost${path}`), page);
    expect(files).toEqual(["index.html", "articles/page/2/index.html", "404.html"]);
  });

  it("times Astro's generation of the pages, from before its setup to after its teardown", async () => {
    const spans: Span[] = [];
    const moments: number[] = [];
    const { astro, calls } = fakeAstro(response);
    const note = (run: () => Promise<void>) => async () => {
      moments.push(now());
      await run();
      moments.push(now());
    };
    const prerenderer = wrapped(pageStream({ generated: (span) => spans.push(span) }), {
      ...astro,
      setup: note(astro.setup!),
      teardown: note(astro.teardown!),
    });
    await prerenderer.setup!();
    expect(spans).toEqual([]);
    await prerenderer.getStaticPaths();
    await prerenderer.render(new Request("http://localhost/"), page);
    await prerenderer.teardown!();
    expect(calls).toEqual(["setup", "getStaticPaths", "render /", "teardown"]);
    expect(spans).toHaveLength(1);
    const [[start, end]] = spans as [Span];
    const [setupStart, , , teardownEnd] = moments as [number, number, number, number];
    expect(start).toBeLessThanOrEqual(setupStart);
    expect(end).toBeGreaterThanOrEqual(teardownEnd);
  });
});
