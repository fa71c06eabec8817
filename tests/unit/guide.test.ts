/** The editor's guide documents every field of every kind of entry, every component and every crossing status. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MDX_COMPONENTS } from "../../src/lib/components.ts";
import {
  actorKinds,
  actorSchema,
  articleSchema,
  crossingSchema,
  crossingStatuses,
  eventSchema,
  listsSchema,
  placeKinds,
  placeSchema,
  roleSchema,
  siteSchema,
  standingSchema,
  themeSchema,
} from "../../src/lib/schemas.ts";

const guide = readFileSync("content/README.md", "utf8");

describe("content/README.md", () => {
  it.each([
    ["article", articleSchema],
    ["event", eventSchema],
    ["actor", actorSchema],
    ["role", roleSchema],
    ["crossing", crossingSchema],
    ["place", placeSchema],
    ["theme", themeSchema],
    ["site", siteSchema],
    ["site lists", listsSchema],
    ["standing", standingSchema],
  ] as const)("explains every %s field", (_kind, schema) => {
    const missing = Object.keys(schema.shape).filter((field) => !guide.includes(`\`${field}\``));
    expect(missing).toEqual([]);
  });

  it("explains the location fields, every actor kind, every crossing status and every component", () => {
    const names = ["lat", "lon", ...actorKinds, ...placeKinds, ...crossingStatuses, ...Object.keys(MDX_COMPONENTS)];
    expect(names.filter((n) => !guide.includes(`\`${n}\``))).toEqual([]);
  });
});
