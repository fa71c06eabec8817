import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

// The same article files as the project (CONTENT_DIR, default the project's content/), with only the title read.
const contentDir = process.env["CONTENT_DIR"] || "../../content";

export const collections = {
  articles: defineCollection({
    loader: glob({ base: `${contentDir}/articles`, pattern: "**/*.{md,mdx}" }),
    schema: z.looseObject({ title: z.string() }),
  }),
};
