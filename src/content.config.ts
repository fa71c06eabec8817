import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { deployment } from "./lib/deployment.ts";
import { actorSchema, articleSchema, crossingSchema, themeSchema } from "./lib/schemas.ts";

const { contentDir } = deployment(process.env);
const from = (folder: string, pattern: string) => glob({ base: `${contentDir}/${folder}`, pattern });

export const collections = {
  articles: defineCollection({ loader: from("articles", "**/*.{md,mdx}"), schema: articleSchema }),
  actors: defineCollection({ loader: from("actors", "**/*.md"), schema: actorSchema }),
  crossings: defineCollection({ loader: from("crossings", "**/*.md"), schema: crossingSchema }),
  themes: defineCollection({ loader: from("themes", "**/*.md"), schema: themeSchema }),
};
