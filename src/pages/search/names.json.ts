import { buildNamesIndex } from "../../lib/search.ts";
import { getSite } from "../../lib/site.ts";

/** The look-up index's names and aliases of every entity, which the search page loads and the service worker keeps. */
export async function GET() {
  const { model } = await getSite();
  return new Response(JSON.stringify(buildNamesIndex(model)), { headers: { "content-type": "application/json" } });
}
