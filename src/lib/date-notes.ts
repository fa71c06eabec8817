/**
 * Where an inferred date's note is shown in full, so that a date in running text (where no disclosure can go) links
 * one click from it: an article's publication note on its page, an event's date note inside the event's disclosure
 * on its article page (browsers open a closed <details> when a link lands inside it).
 */
import type { Article, TimelineEvent } from "./model.ts";

/** The id of the paragraph that shows an article's publishedNote on its page. */
export const PUBLISHED_NOTE_ID = "published-note";

/** The id of an event's date note inside its disclosure, on its article page and the timeline. */
export function eventNoteId(event: TimelineEvent): string {
  return `${event.anchor}-date`;
}

/** The date, its note (when inferred) and the site path where the note is shown, of an article or an event. */
export function datedBy(subject: Article | TimelineEvent) {
  if ("anchor" in subject) {
    return { date: subject.date, note: subject.dateNote, noteAt: `${subject.article.path}#${eventNoteId(subject)}` };
  }
  return {
    date: subject.published,
    note: subject.data.publishedNote,
    noteAt: `${subject.path}#${PUBLISHED_NOTE_ID}`,
  };
}
