import { describe, expect, it } from "vitest";
import { collectBlocks, parseBody } from "../../../src/lib/blocks.ts";
import { formatProblem } from "../../../src/lib/model.ts";
import { standingProblems } from "../../../src/lib/rules/standing.ts";
import { standingSchema } from "../../../src/lib/schemas.ts";

const published = new Map([
  ["talks", "2025-03-22"],
  ["invite", "2025-04-20"],
]);

/** content/standing.md with `asOf` on line 3 and the body from line 5, through the real schema and parser. */
function problems(asOf: string, body: string, today = "2025-06-01"): string[] {
  return standingProblems({
    entry: {
      id: "standing",
      file: "content/standing.md",
      data: standingSchema.parse({ asOf }),
      body,
      bodyLine: 5,
      lineOf: (field: string) => (field === "asOf" ? 3 : undefined),
    },
    blocks: collectBlocks(parseBody(body, false)),
    published,
    today,
  }).map(formatProblem);
}

const cited = "- Talks resumed ([20 Apr 2025](article:invite)).\n- Torkham reopened ([22 Mar 2025](article:talks)).\n";

describe("standingProblems", () => {
  it.each([
    ["bullets that each cite an article, as of the newest article", "2025-04-20", cited, []],
    [
      "a later section whose bullets cite too",
      "2025-04-20",
      `${cited}\n## Who is who\n\n- **TTP**: militants ([22 Mar 2025](article:talks)).\n`,
      [],
    ],
    [
      "a bullet that cites nothing",
      "2025-04-20",
      `${cited}- The frictions remain.\n`,
      [
        'content/standing.md:7: body: the bullet "The frictions remain." cites no article. Fix: end it with a link to the article it comes from, e.g. ([20 Apr 2025](article:<id>)), or delete it.',
      ],
    ],
    [
      "a paragraph that cites nothing, and links only to an actor",
      "2025-04-20",
      `${cited}\nThe [TTP](actor:ttp) is a Pakistani group whose fighters, Pakistan says, shelter across the border.\n`,
      [
        'content/standing.md:8: body: the paragraph "The TTP is a Pakistani group whose fighters, Pakistan says,…" cites no article. Fix: end it with a link to the article it comes from, e.g. ([20 Apr 2025](article:<id>)), or delete it.',
      ],
    ],
    [
      "no bullets at all",
      "2025-04-20",
      "## Who is who\n",
      [
        "content/standing.md:5: body: the summary has no bullets. Fix: write a few bullets on where things stand, each ending with its source, e.g. ([20 Apr 2025](article:<id>)).",
      ],
    ],
    [
      "an asOf before the newest article it cites",
      "2025-04-19",
      cited,
      [
        'content/standing.md:3: asOf: "2025-04-19" is before 20 April 2025, when article:invite, which the summary cites, was published. Fix: set asOf to 2025-04-20 or later.',
        "content/standing.md:3: asOf: the summary is as of 19 April 2025, but 1 article has been published since, the newest article:invite on 20 April 2025. Fix: check the bullets against the newer articles, then move asOf on.",
      ],
    ],
    [
      "an asOf in the future",
      "2025-06-02",
      cited,
      [
        'content/standing.md:3: asOf: "2025-06-02" is in the future (today is 2025-06-01). Fix: write the day the summary describes.',
      ],
    ],
    [
      "an asOf older than the newest article, which it does not cite: a warning",
      "2025-03-22",
      "- Torkham reopened ([22 Mar 2025](article:talks)).\n",
      [
        "content/standing.md:3: asOf: the summary is as of 22 March 2025, but 1 article has been published since, the newest article:invite on 20 April 2025. Fix: check the bullets against the newer articles, then move asOf on.",
      ],
    ],
    ["an asOf after the newest article", "2025-05-01", cited, []],
  ])("%s", (_case, asOf, body, expected) => {
    expect(problems(asOf, body)).toEqual(expected);
  });

  it("makes an uncited bullet an error and a stale summary a warning", () => {
    const result = standingProblems({
      entry: { id: "standing", file: "s.md", data: standingSchema.parse({ asOf: "2025-03-22" }), body: "- x\n" },
      blocks: collectBlocks(parseBody("- x\n", false)),
      published,
      today: "2025-06-01",
    });
    expect(result.map((p) => [p.field, p.severity])).toEqual([
      ["body", "error"],
      ["asOf", "warning"],
    ]);
  });
});
