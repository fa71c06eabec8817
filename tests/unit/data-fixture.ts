/**
 * A small model for the open data and JSON-LD tests, through the real schemas: two articles (one with an outlet, an
 * address and a dateline, one with neither), events stated and inferred at each precision, a person with a country
 * and a role, an organisation, a crossing, a city in a country (found by its tag alone, as "Kabul" the government
 * would be) and a theme.
 */
import { validateEntries, type RawEntry } from "../../src/lib/content-files.ts";
import { checkContent } from "../../src/lib/check.ts";
import type { Problem } from "../../src/lib/model.ts";
import { actorSchema, articleSchema, crossingSchema, placeSchema, themeSchema } from "../../src/lib/schemas.ts";

function entries(folder: string, ext: string, list: Record<string, Record<string, unknown>>): RawEntry[] {
  return Object.entries(list).map(([id, { body = "", ...frontmatter }]) => ({
    id,
    file: `content/${folder}/${id}${ext}`,
    frontmatter,
    body: String(body),
    bodyLine: 1,
    lineOf: () => undefined,
  }));
}

export function dataFixture() {
  const problems: Problem[] = [];
  const { model, problems: found } = checkContent(
    {
      input: {
        actors: validateEntries(
          entries("actors", ".md", {
            khan: {
              name: "Sadiq Khan",
              aliases: ["Khan", "Mohammad Sadiq"],
              kind: "person",
              country: "Pakistan",
              roles: [{ title: "Special representative", from: "2024-03", source: "talks" }],
              summary: "An envoy.",
            },
            ttp: { name: "Tehrik-i-Taliban Pakistan", aliases: ["TTP"], kind: "armed-group", summary: "A group." },
          }),
          actorSchema,
          problems,
        ),
        crossings: validateEntries(
          entries("crossings", ".md", {
            torkham: {
              name: "Torkham",
              location: { lat: 34.1, lon: 71.1 },
              between: ["Khyber", "Nangarhar"],
              summary: "A crossing.",
            },
          }),
          crossingSchema,
          problems,
        ),
        places: validateEntries(
          entries("places", ".md", {
            afghanistan: {
              name: "Afghanistan",
              kind: "country",
              location: { lat: 33.9, lon: 67.7 },
              summary: "A country.",
            },
            kabul: {
              name: "Kabul",
              kind: "city",
              location: { lat: 34.5, lon: 69.2 },
              in: "afghanistan",
              summary: "A city.",
            },
          }),
          placeSchema,
          problems,
        ),
        themes: validateEntries(
          entries("themes", ".md", { trade: { name: "Trade", aliases: ["traders"], summary: "Trade." } }),
          themeSchema,
          problems,
        ),
        articles: validateEntries(
          entries("articles", ".mdx", {
            talks: {
              title: 'Khan\'s "talks", in Kabul',
              published: "2025-03-22",
              publishedNote: "Inferred from a caption.",
              outlet: "Amu TV",
              url: "https://example.org/talks",
              dateline: "Kabul",
              summary: "Talks on the TTP.",
              actors: ["khan", "ttp"],
              crossings: ["torkham"],
              places: ["kabul"],
              themes: ["trade"],
              events: [
                {
                  date: "2025-03-22",
                  dateNote: 'The text says "on Saturday".',
                  summary: "Torkham reopens.",
                  crossings: ["torkham"],
                  status: "reopened",
                },
                {
                  date: "2025-03",
                  summary: "Khan meets the TTP's critics, in Kabul.",
                  actors: ["khan", "ttp"],
                  places: ["kabul"],
                },
              ],
              body: "Sadiq Khan spoke about the TTP in Kabul in March 2025. Torkham reopened.\n",
            },
            closure: {
              title: "Torkham closes",
              published: "2023-02-22",
              summary: "The crossing closed.",
              crossings: ["torkham"],
              themes: ["trade"],
              events: [{ date: "2023", summary: "Torkham closes.", crossings: ["torkham"], status: "closed" }],
              body: "Torkham closed in 2023.\n",
            },
          }),
          articleSchema,
          problems,
        ),
      },
    },
    { today: "2025-12-31" },
  );
  // The schemas' problems and the content rules'.
  return { model, problems: [...problems, ...found] };
}

export const SITE = "https://example.org/b";
/** Absolute addresses under a sub-path, as a deployment at https://example.org/b/ has them. */
export const absolute = (path: string) => `${SITE}${path}`;
