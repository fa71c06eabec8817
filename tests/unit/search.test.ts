import { describe, expect, it } from "vitest";
import { entitiesNamed, pagefindFilters, readState, writeState, type EntityEntry } from "../../src/lib/search.ts";

const entity = (name: string, aliases: string[], facet: EntityEntry["facet"] = "actor"): EntityEntry => ({
  facet,
  type: facet === "actor" ? "Actor" : facet === "crossing" ? "Crossing" : "Theme",
  name,
  aliases,
});
const ENTITIES = [
  entity("Tehrik-i-Taliban Pakistan", ["TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan"]),
  entity("Afghan Taliban", ["Taliban"]),
  entity("Mohammad Sadiq Khan", ["Sadiq Khan", "Mohammad Sadiq", "Sadiq"]),
  entity("Faiz Mohammad Zaland", ["Zaland"]),
  entity("Nooruddin Azizi", ["Noor-ud-Din Azizi", "Azizi"]),
  entity("Inter-Services Intelligence", ["ISI"]),
  entity("Islamic State Khorasan", ["ISIS-K"]),
  entity("Torkham", [], "crossing"),
];
const names = (q: string) => entitiesNamed(q, ENTITIES).map((e) => e.name);

describe("entitiesNamed", () => {
  it.each([
    ["TTP", ["Tehrik-i-Taliban Pakistan"]],
    ["ttp", []],
    ["Tehreek-e-Taliban", ["Tehrik-i-Taliban Pakistan"]],
    ["tehreek–e–taliban pakistan", ["Tehrik-i-Taliban Pakistan"]],
    ["Taliban", ["Afghan Taliban"]],
    ["Mohammad Sadiq", ["Mohammad Sadiq Khan"]],
    ["Mohammad", ["Mohammad Sadiq Khan"]],
    ["Noor-ud-Din Azizi", ["Nooruddin Azizi"]],
    ["Nooruddin", ["Nooruddin Azizi"]],
    ["ISI", ["Inter-Services Intelligence"]],
    ["torkham", ["Torkham"]],
    ["Tor", []],
    ["Khan", []],
    ["", []],
  ])("%s names %j", (query, expected) => {
    expect(names(query)).toEqual(expected);
  });
});

describe("search state in the URL", () => {
  it("round-trips the query and every facet, dropping empty values and duplicates", () => {
    const params = new URLSearchParams("q=+Torkham+&type=Article&year=2025&year=2025&crossing=Torkham&actor=");
    const state = readState(params);
    expect(state).toEqual({ q: "Torkham", filters: { type: ["Article"], year: ["2025"], crossing: ["Torkham"] } });
    expect(writeState(state).toString()).toBe("q=Torkham&type=Article&year=2025&crossing=Torkham");
    expect(readState(writeState(state))).toEqual(state);
  });

  it("turns facets into Pagefind filters: alternatives within a facet, all facets combined", () => {
    expect(pagefindFilters({ q: "", filters: { type: ["Article", "Actor"], year: ["2025"] } })).toEqual({
      type: { any: ["Article", "Actor"] },
      year: { any: ["2025"] },
    });
  });
});
