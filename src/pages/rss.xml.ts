import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { archivesOf } from "../lib/archives.ts";
import { getSite, site, url } from "../lib/site.ts";

export async function GET(context: APIContext) {
  const { model } = await getSite();
  // The feed is the first page of /articles/: readers poll it, so it stays as short as a page.
  const newest = archivesOf(model, site.lists).articles.pages[0]?.items ?? [];
  return rss({
    title: site.title,
    description: site.description,
    site: context.site ?? "http://localhost:4321",
    customData: `<language>${site.lang}</language>`,
    items: newest.map((a) => ({
      title: a.data.title,
      // A feed reader shows the date as stated; when it was inferred, the item's text says so and how.
      description: a.data.publishedNote
        ? `${a.data.summary}\n\nPublication date inferred: ${a.data.publishedNote}`
        : a.data.summary,
      pubDate: new Date(`${a.data.published}T00:00:00Z`),
      link: url(a.path),
      ...(a.data.outlet ? { author: a.data.outlet } : {}),
    })),
  });
}
