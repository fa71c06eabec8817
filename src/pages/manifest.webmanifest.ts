import { site, url } from "../lib/site.ts";

/** The web app manifest, so a phone can install the briefing; names and paths follow the site config and base. */
export function GET() {
  const manifest = {
    name: site.title,
    // The name under the icon: the site's own short name, never a word cut from its title ("Pakistan").
    short_name: site.shortName ?? site.title,
    description: site.description,
    lang: site.lang,
    start_url: url("/"),
    scope: url("/"),
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4f91",
    icons: [{ src: url("/favicon.svg"), sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { "content-type": "application/manifest+json" },
  });
}
