import { describe, expect, it } from "vitest";
import { standingParts } from "../../src/lib/standing.ts";

describe("standingParts", () => {
  it("splits the summary from the sections at the first second-level heading", () => {
    const html = `<ul>\n<li>Talks resume.</li>\n</ul>\n<h2 id="who-is-who">Who is who</h2>\n<p>The TTP.</p>\n<h2 id="b">Background</h2>\n<p>More.</p>`;
    expect(standingParts(html)).toEqual({
      summary: "<ul>\n<li>Talks resume.</li>\n</ul>",
      sections: `<h2 id="who-is-who">Who is who</h2>\n<p>The TTP.</p>\n<h2 id="b">Background</h2>\n<p>More.</p>`,
    });
  });

  it("keeps a body without sections whole, and a third-level heading or an <h2>-like word in the summary", () => {
    const html = "<p>Talks resume.</p>\n<h3>Detail</h3>\n<p>The word &lt;h2&gt; and <h2x></h2x> stay.</p>";
    expect(standingParts(html)).toEqual({ summary: html, sections: "" });
  });
});
