import { describe, expect, it } from "vitest";
import { siteSchema } from "../../src/lib/schemas.ts";

const identity = { title: "T", description: "D.", lang: "en", intro: "I." };
const messages = (value: unknown) => {
  const result = siteSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the site config's lists", () => {
  it("default every bound when left out", () => {
    expect(siteSchema.parse(identity).lists).toEqual({ perPage: 50, recent: 10, mentionsPerArticle: 3, connected: 5 });
  });

  it("keep the bounds an editor sets and default the rest", () => {
    expect(siteSchema.parse({ ...identity, lists: { perPage: 2, recent: 3 } }).lists).toEqual({
      perPage: 2,
      recent: 3,
      mentionsPerArticle: 3,
      connected: 5,
    });
  });

  it.each([
    [{ perPage: 0 }, "lists.perPage: perPage is at least 1"],
    [{ recent: 2.5 }, "lists.recent: recent is a whole number, e.g. 10"],
    [{ connected: "many" }, "lists.connected: connected is a whole number, e.g. 5"],
    [{ pageSize: 20 }, 'lists: Unrecognized key: "pageSize"'],
  ])("reject %j with a message that says what to write", (lists, message) => {
    expect(messages({ ...identity, lists })).toEqual([message]);
  });
});
