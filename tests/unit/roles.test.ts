import { describe, expect, it } from "vitest";
import { parsePartialDate, type PartialDate } from "../../src/lib/dates.ts";
import { roleLines, titleKey } from "../../src/lib/roles.ts";

const day = (iso: string) => parsePartialDate(iso) as PartialDate;
const articles = new Map(
  [
    ["feb-2023", "2023-02-22"],
    ["mar-2025", "2025-03-22"],
    ["late-mar-2025", "2025-03-27"],
    ["apr-2025", "2025-04-17"],
    ["late-apr-2025", "2025-04-20"],
  ].map(([id, date]) => [id as string, { id: id as string, published: day(date as string) }]),
);
/** Each line as text: title, dates, sources and other wordings. */
const lines = (roles: Parameters<typeof roleLines>[0]) =>
  roleLines(roles, articles).map((l) =>
    [
      l.title,
      l.from ? `from ${l.from.iso}` : "",
      l.to ? `to ${l.to.iso}` : "",
      l.reported ? `reported ${l.reported.first.iso}..${l.reported.last.iso}` : "",
      `in ${l.sources.map((s) => s.id).join(", ")}`,
      l.variants.length ? `also ${l.variants.join(" | ")}` : "",
    ]
      .filter(Boolean)
      .join("; "),
  );

describe("titleKey", () => {
  it.each([
    ["Pakistan’s special representative to Afghanistan", "special representative for afghanistan"],
    ["Pakistan's special representative for Afghanistan", "special representative for afghanistan"],
    ["The Taliban’s acting foreign minister", "acting foreign minister"],
    ["Defence minister of Pakistan", "defence minister of pakistan"],
    ["  Senior   Taliban official ", "senior taliban official"],
  ])("reads %j as %j", (title, key) => {
    expect(titleKey(title)).toBe(key);
  });
});

describe("roleLines", () => {
  it("collapses five reports of two offices into two lines, each with its sources, its range and the other wordings", () => {
    expect(
      lines([
        { title: "Pakistan’s special representative to Afghanistan", source: "feb-2023" },
        { title: "Pakistan’s special representative to Afghanistan", source: "mar-2025" },
        { title: "Pakistan’s special envoy", source: "late-mar-2025" },
        { title: "Pakistan’s special representative for Afghanistan", source: "apr-2025" },
        { title: "Pakistan’s special envoy for Afghanistan", source: "late-apr-2025" },
      ]),
    ).toEqual([
      "Pakistan’s special representative to Afghanistan; reported 2023-02..2025-04; in feb-2023, mar-2025, apr-2025; also Pakistan’s special representative for Afghanistan",
      "Pakistan’s special envoy for Afghanistan; reported 2025-03..2025-04; in late-mar-2025, late-apr-2025; also Pakistan’s special envoy",
    ]);
  });

  it("keeps the dates editors give, the earliest start and the latest end, and orders lines by when they began", () => {
    expect(
      lines([
        { title: "Foreign minister", source: "apr-2025", from: "2024-03" },
        { title: "Minister of commerce", source: "feb-2023", from: "2021", to: "2023-02" },
        { title: "foreign minister", source: "late-apr-2025", from: "2024", to: "2025" },
      ]),
    ).toEqual([
      "Minister of commerce; from 2021; to 2023-02; reported 2023-02..2023-02; in feb-2023",
      "Foreign minister; from 2024; to 2025; reported 2025-04..2025-04; in apr-2025, late-apr-2025",
    ]);
  });

  it("folds a short title only into the one longer title that has all its words", () => {
    expect(
      lines([
        { title: "Minister", source: "feb-2023" },
        { title: "Minister for trade", source: "mar-2025" },
        { title: "Minister for defence", source: "apr-2025" },
      ]),
    ).toEqual([
      "Minister; reported 2023-02..2023-02; in feb-2023",
      "Minister for trade; reported 2025-03..2025-03; in mar-2025",
      "Minister for defence; reported 2025-04..2025-04; in apr-2025",
    ]);
  });

  it("typesets titles, capitalises them, and keeps a role whose source is not an article without a source", () => {
    expect(
      lines([
        { title: "the 'acting' spokesman", source: "no-such-article" },
        { title: "Senior official", source: "mar-2025" },
      ]),
    ).toEqual(["Senior official; reported 2025-03..2025-03; in mar-2025", "The ‘acting’ spokesman; in "]);
  });
});
