import { buildTitlesIndex } from "../../lib/search.ts";
import { getSite } from "../../lib/site.ts";

/** The look-up index's article titles, which the service worker keeps for search offline. */
export async function GET() {
  const { model } = await getSite();
  return new Response(JSON.stringify(buildTitlesIndex(model)), { headers: { "content-type": "application/json" } });
}
