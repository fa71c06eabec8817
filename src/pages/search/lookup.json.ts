import { buildLookupIndex } from "../../lib/search.ts";
import { getSite } from "../../lib/site.ts";

/** The look-up index of every title, name and alias, which the service worker keeps for search offline. */
export async function GET() {
  const { model } = await getSite();
  return new Response(JSON.stringify(buildLookupIndex(model)), { headers: { "content-type": "application/json" } });
}
