/**
 * Stable event ids. An event's id is its anchor on its article page (and on the timeline) and its key in the open
 * data, so links and downloaded rows must keep pointing at the same event as the archive is edited.
 *
 * The rule: `<article id>-<key>`, where the key is the event's `id` field when the editor sets one, and otherwise
 * `<date>-<digest>`: the date as written (`2025`, `2025-03`, `2025-03-21`) and the first six hex digits of the SHA-1
 * of the summary (whitespace collapsed, Unicode NFC), e.g. `envoy-kabul-talks-torkham-reopens-2025-03-22-5f4b8c`.
 *
 * Why derived from content and not from position (the old `<article>-e<n>`): reordering events, adding one or
 * deleting one never changes another event's id. The price is that editing an event's date or summary gives it a new
 * id; an editor who wants to keep the old one (because it has been linked or cited) sets `id` to the part after the
 * article's id. The date stays in the id so that ids read, sort and cite sensibly; the digest tells apart events of
 * one article on the same date. Two events of one article with the same date and summary would share an id, which
 * the content check reports (see rules/event-ids.ts), as it does any other clash.
 */
import { createHash } from "node:crypto";

/** What the id is derived from: the event's frontmatter. */
export interface EventIdSource {
  id?: string | undefined;
  date: string;
  summary: string;
}

/** The summary as the digest sees it: reflowing the YAML or composing accents differently changes nothing. */
function normalise(summary: string): string {
  return summary.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The part of the id after the article's id: the editor's `id`, or the date and a digest of the summary. */
export function eventKey(event: EventIdSource): string {
  if (event.id) return event.id;
  const digest = createHash("sha1").update(normalise(event.summary)).digest("hex").slice(0, 6);
  return `${event.date}-${digest}`;
}

/** The event's id, unique across the site: `<article id>-<key>`. */
export function eventId(articleId: string, event: EventIdSource): string {
  return `${articleId}-${eventKey(event)}`;
}
