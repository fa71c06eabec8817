/** Mention sentences on entity pages: whole sentences, once each, the names marked, long ones cut at words. */
import { describe, expect, it } from "vitest";
import { validateEntries, type RawEntry } from "../../src/lib/content-files.ts";
import { sentenceSpan, shorten } from "../../src/lib/blocks.ts";
import { buildModel, type MentionPlace } from "../../src/lib/model.ts";
import { actorSchema, articleSchema, themeSchema } from "../../src/lib/schemas.ts";

describe("sentenceSpan", () => {
  it.each([
    ["a sentence in the middle", "One here. Two is here. Three.", 12, "Two is here."],
    [
      "a sentence the editor's file wraps",
      "Concerns about the TTP, an\narmed group. Next.",
      20,
      "Concerns about the TTP, an\narmed group.",
    ],
    ["the last sentence without a full stop", "First. Then the TTP", 15, "Then the TTP"],
  ])("finds %s", (_, text, offset, expected) => {
    const { start, end } = sentenceSpan(text, offset);
    expect(text.slice(start, end)).toBe(expected);
  });
});

describe("shorten", () => {
  const long = `${"Before the meeting many officials had said a great deal about other things. ".repeat(4)}Then the TTP was named, and ${"after that the talks went on about trade and visas and more. ".repeat(4)}`;
  const at = long.indexOf("TTP");

  it("keeps a short sentence whole", () => {
    expect(shorten({ text: "The TTP.", marks: [[4, 7]] })).toEqual({ text: "The TTP.", marks: [[4, 7]] });
  });

  it("cuts a long one around its first name, at words, showing each cut", () => {
    const { text, marks } = shorten({ text: long, marks: [[at, at + 3]] }, 120);
    expect(text.startsWith("… ")).toBe(true);
    expect(text.endsWith(" …")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(124);
    expect(marks).toHaveLength(1);
    const [[a, b]] = marks as [[number, number]];
    expect(text.slice(a, b)).toBe("TTP");
    // Whole words at both cuts.
    expect(long).toContain(text.slice(2, -2));
    expect(long[long.indexOf(text.slice(2, -2)) - 1]).toBe(" ");
  });
});

describe("the model's mention sentences", () => {
  const raw = (folder: string, id: string, fm: Record<string, unknown>, body: string): RawEntry => ({
    id,
    file: `content/${folder}/${id}.md`,
    frontmatter: fm,
    body,
    bodyLine: 1,
    lineOf: () => undefined,
  });
  const problems: never[] = [];
  const model = buildModel({
    actors: validateEntries(
      [
        raw(
          "actors",
          "ttp",
          { name: "Tehrik-i-Taliban Pakistan", aliases: ["TTP"], kind: "armed-group", summary: "S." },
          "",
        ),
      ],
      actorSchema,
      problems,
    ),
    crossings: [],
    themes: validateEntries([raw("themes", "t", { name: "Talks", summary: "S." }, "")], themeSchema, problems),
    articles: validateEntries(
      [
        raw(
          "articles",
          "a",
          { title: "A", published: "2025-01-01", summary: "S.", actors: ["ttp"], themes: ["t"] },
          "Pakistan raised its concerns about the Tehrik-i-Taliban Pakistan (TTP), an\narmed group. The TTP denied it.\n",
        ),
      ],
      articleSchema,
      problems,
    ),
  });
  const ttp = (m: MentionPlace) => m.entity === "actor:ttp";

  it("lists a sentence once however often it names the entity, whole across the file's line breaks", () => {
    const sentence = "Pakistan raised its concerns about the Tehrik-i-Taliban Pakistan (TTP), an armed group.";
    expect(model.articleById.get("a")?.mentions.filter(ttp)).toEqual([
      {
        entity: "actor:ttp",
        blockId: "p1",
        sentence,
        marks: [
          [39, 64],
          [66, 69],
        ],
        text: "Tehrik-i-Taliban Pakistan",
        count: 2,
      },
      { entity: "actor:ttp", blockId: "p1", sentence: "The TTP denied it.", marks: [[4, 7]], text: "TTP", count: 1 },
    ]);
    expect(model.entities.get("actor:ttp")?.mentionCount).toBe(3);
  });
});
