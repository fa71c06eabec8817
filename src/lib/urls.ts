/** Joins the site's base (`/` or `/briefing/`) and a root-relative path (`/actors/ttp/`). */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith("/") ? base : `${base}/`;
  return b + path.replace(/^\//, "");
}
