/**
 * "Where things stand" in two parts: the summary, everything before the body's first second-level heading, and the
 * sections from that heading on ("Who is who", background), which the home page shows further down. The body is the
 * entry's HTML as Astro rendered it from Markdown, where an `<h2>` element is a `##` heading.
 */
export interface StandingParts {
  summary: string;
  /** Empty when the body has no `##` section. */
  sections: string;
}

export function standingParts(html: string): StandingParts {
  const at = html.search(/<h2[\s>]/);
  if (at < 0) return { summary: html.trim(), sections: "" };
  return { summary: html.slice(0, at).trim(), sections: html.slice(at).trim() };
}
