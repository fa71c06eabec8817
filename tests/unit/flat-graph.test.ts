import { describe, expect, it } from "vitest";
import { flatten, unflatten } from "../../scripts/lib/flat-graph.ts";

/** What a worker's postMessage does to the flattened graph, and what the main thread then rebuilds. */
const roundTrip = <T extends object>(graph: T): T => unflatten<T>(structuredClone(flatten(graph)));

describe("flatten and unflatten", () => {
  it("rebuild objects, arrays, maps, sets, dates and primitives, in their order", () => {
    const graph = {
      name: "Torkham",
      count: 3,
      share: -0.5,
      open: false,
      none: null,
      missing: undefined,
      list: [1, "two", [3, [4]]],
      byId: new Map<unknown, unknown>([
        ["b", { id: "b" }],
        [1, "one"],
      ]),
      tags: new Set(["x", "y"]),
      when: new Date(Date.UTC(2025, 5, 12)),
    };
    const back = roundTrip(graph);
    expect(back).toEqual(graph);
    expect(Object.keys(back)).toEqual(Object.keys(graph));
    expect([...back.byId.keys()]).toEqual(["b", 1]);
    expect("missing" in back).toBe(true);
  });

  it("keeps shared and cyclic references shared", () => {
    const ttp = { id: "ttp", articles: [] as unknown[] };
    const article = { id: "a1", actors: [ttp], first: ttp };
    ttp.articles.push(article);
    const back = roundTrip({ actors: [ttp], articles: [article], byKey: new Map([["actor:ttp", ttp]]) });
    const [actor] = back.actors;
    expect(actor?.id).toBe("ttp");
    expect(back.articles[0]?.first).toBe(actor);
    expect(back.articles[0]?.actors[0]).toBe(actor);
    expect(back.byKey.get("actor:ttp")).toBe(actor);
    expect(actor?.articles[0]).toBe(back.articles[0]);
  });

  it("crosses a chain too deep for a structured clone of the graph itself", () => {
    type Link = { n: number; previous?: Link };
    let chain: Link = { n: 0 };
    for (let n = 1; n <= 100_000; n++) chain = { n, previous: chain };
    expect(() => structuredClone(chain)).toThrow(RangeError);
    let back: Link | undefined = roundTrip(chain);
    let length = 0;
    for (; back; back = back.previous) {
      expect(back.n).toBe(100_000 - length);
      length++;
    }
    expect(length).toBe(100_001);
  });

  it("keeps an own property named __proto__ as a property", () => {
    const graph = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as object;
    const back = roundTrip(graph);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "y"]);
    expect(back).toEqual(graph);
  });

  it("refuses what is not plain data, naming where it is", () => {
    class Matcher {}
    expect(() => flatten({ articles: [{ id: "a1" }, { id: "a2", matcher: new Matcher() }] })).toThrow(
      new TypeError("(root).articles[1].matcher is an instance of Matcher, not plain data"),
    );
    expect(() => flatten({ entities: new Map([["actor:ttp", { lineOf: () => 1 }]]) })).toThrow(
      new TypeError('(root).entities.get("actor:ttp").lineOf is a function, not plain data'),
    );
    expect(() => flatten({ tags: new Set([Symbol("x")]) })).toThrow(
      new TypeError("(root).tags[0] is a symbol, not plain data"),
    );
  });
});
