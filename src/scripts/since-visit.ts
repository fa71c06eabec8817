/**
 * "Since your last visit" (src/components/SinceLastVisit.astro): compares what this browser saw on its previous visit
 * with what the page lists, marks what is new and says so. Storage is this browser's own; nothing is sent anywhere.
 */
export function startSinceVisit(): void {
  const KEY = "briefing-since";
  const box = document.getElementById("since-visit");
  if (!box) return;
  const summary = box.querySelector("[data-since-summary]");
  const clear = box.querySelector("[data-since-clear]");
  const newest = box.dataset["newest"] || "";
  const lang = document.documentElement.lang || "en";
  const day = (iso: string): string =>
    /^\d{4}-\d{2}-\d{2}$/.test(iso)
      ? new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
          new Date(`${iso}T00:00:00Z`),
        )
      : iso;
  // What this session compares against: the record as it stood when the session began.
  let before: { seen: string; at: string } | null;
  try {
    const session = sessionStorage.getItem(KEY);
    if (session === null) {
      const stored = JSON.parse(localStorage.getItem(KEY) || "null") as { seen?: unknown; at?: unknown } | null;
      before =
        stored && typeof stored.seen === "string" && typeof stored.at === "string"
          ? { seen: stored.seen, at: stored.at }
          : null;
      sessionStorage.setItem(KEY, JSON.stringify(before));
      localStorage.setItem(KEY, JSON.stringify({ seen: newest, at: new Date().toISOString() }));
    } else {
      before = JSON.parse(session) as { seen: string; at: string } | null;
    }
  } catch {
    // Storage is blocked: there is nothing to remember, so nothing to say.
    document.documentElement.classList.remove("since-visit-on");
    return;
  }
  const mark = () => {
    let dates: Record<string, string> = {};
    try {
      dates = JSON.parse(box.dataset["published"] || "{}") as Record<string, string>;
    } catch {
      // No dates, nothing to mark.
    }
    const fresh: Element[] = [];
    const seen = before?.seen;
    if (seen !== undefined)
      for (const li of document.querySelectorAll(".timeline > li, .article-list > li")) {
        const links = [...li.querySelectorAll("a[href]")].map((a) => dates[a.getAttribute("href") ?? ""]);
        // An event links to its source, an article to itself. A month that holds the day last seen ("2025-03"
        // against "2025-03-22") sorts before it, so what cannot be placed after it is not claimed as new.
        if (links.some((d) => typeof d === "string" && d > seen)) fresh.push(li);
      }
    for (const el of fresh) {
      el.classList.add("is-new");
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden since-new";
      hidden.textContent = "New since your last visit. ";
      el.prepend(hidden);
    }
    if (!summary) return;
    if (!before) summary.textContent = `From your next visit, what is published after ${day(newest)} will be marked.`;
    else if (fresh.length === 0)
      summary.textContent = `Nothing on this page is new since your last visit, on ${day(before.at.slice(0, 10))}.`;
    else
      summary.textContent = `Highlighted: ${fresh.length} ${fresh.length === 1 ? "item" : "items"} on this page published after your last visit, on ${day(before.at.slice(0, 10))}.`;
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
  clear?.addEventListener("click", () => {
    try {
      localStorage.removeItem(KEY);
      sessionStorage.setItem(KEY, "null");
    } catch {
      // Nothing stored to forget.
    }
    before = null;
    for (const el of document.querySelectorAll(".is-new")) el.classList.remove("is-new");
    for (const el of document.querySelectorAll(".since-new")) el.remove();
    if (summary) summary.textContent = "Forgotten: this browser keeps no record of your visits now.";
  });
}
