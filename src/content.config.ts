import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { deployment } from "./lib/deployment.ts";
import { STANDING_FILE } from "./lib/content-files.ts";
import { actorSchema, articleSchema, crossingSchema, placeSchema, standingSchema, themeSchema } from "./lib/schemas.ts";

const { contentDir } = deployment(process.env);
const from = (folder: string, pattern: string) => glob({ base: `${contentDir}/${folder}`, pattern });

export const collections = {
  articles: defineCollection({ loader: from("articles", "**/*.{md,mdx}"), schema: articleSchema }),
  actors: defineCollection({ loader: from("actors", "**/*.md"), schema: actorSchema }),
  crossings: defineCollection({ loader: from("crossings", "**/*.md"), schema: crossingSchema }),
  places: defineCollection({ loader: from("places", "**/*.md"), schema: placeSchema }),
  themes: defineCollection({ loader: from("themes", "**/*.md"), schema: themeSchema }),
  // One file at the content folder's root, or none: a collection so that its body renders like any entry's.
  standing: defineCollection({ loader: glob({ base: contentDir, pattern: STANDING_FILE }), schema: standingSchema }),
};
