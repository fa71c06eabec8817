import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { getSite, site, url } from "../lib/site.ts";

export async function GET(context: APIContext) {
  const { model } = await getSite();
  return rss({
    title: site.title,
    description: site.description,
    site: context.site ?? "http://localhost:4321",
    customData: `<language>${site.lang}</language>`,
    items: model.articles.map((a) => ({
      title: a.data.title,
      description: a.data.summary,
      pubDate: new Date(`${a.data.published}T00:00:00Z`),
      link: url(a.path),
      ...(a.data.outlet ? { author: a.data.outlet } : {}),
    })),
  });
}
