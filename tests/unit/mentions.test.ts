import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/content-files.ts";
import { AmbiguousNameError, MentionMatcher, isAcronym, type MentionTarget } from "../../src/lib/mentions.ts";
import { mentionTargets } from "../../src/lib/model.ts";

const { input, problems } = loadContent("content", { includeDrafts: true });
const matcher = new MentionMatcher(mentionTargets(input));
const found = (text: string) => matcher.find(text).map((m) => `${m.kind}:${m.id}=${m.text}`);

describe("the registered entities", () => {
  it("load without problems", () => {
    expect(problems).toEqual([]);
  });

  it("find every name and alias of every entity, in a sentence, as that entity", () => {
    for (const target of mentionTargets(input)) {
      for (const name of target.names) {
        const hits = matcher.find(`On Friday, ${name}, it was reported.`);
        expect(
          hits.map((h) => `${h.kind}:${h.id}`),
          name,
        ).toEqual([`${target.kind}:${target.id}`]);
      }
    }
  });
});

describe("every spelling the five source articles use", () => {
  it.each([
    [
      "activities of Tehrik-i-Taliban Pakistan (TTP), according",
      ["actor:ttp=Tehrik-i-Taliban Pakistan", "actor:ttp=TTP"],
    ],
    [
      "the Pakistani Taliban, known as Tehrik-e Taliban Pakistan (TTP), is",
      ["actor:ttp=Pakistani Taliban", "actor:ttp=Tehrik-e Taliban Pakistan", "actor:ttp=TTP"],
    ],
    [
      "toward the Tehreek-e-Taliban Pakistan (TTP), as noted",
      ["actor:ttp=Tehreek-e-Taliban Pakistan", "actor:ttp=TTP"],
    ],
    ["the Afghan Taliban have reportedly signalled", ["actor:afghan-taliban=Afghan Taliban"]],
    ["the Taliban’s acting foreign minister", ["actor:afghan-taliban=Taliban"]],
    ["Afghanistan’s Taliban rulers deny", ["place:afghanistan=Afghanistan", "actor:afghan-taliban=Taliban rulers"]],
    ["of the Taliban-led government, said", ["actor:afghan-taliban=Taliban-led government"]],
    [
      "The visit by Sadiq Khan, Pakistan’s special representative",
      ["actor:sadiq-khan=Sadiq Khan", "actor:pakistan=Pakistan"],
    ],
    ["Khan’s trip comes at a time", []],
    [
      "Representative for Afghanistan, Mohammad Sadiq, led the delegation",
      ["place:afghanistan=Afghanistan", "actor:sadiq-khan=Mohammad Sadiq", "theme:diplomacy-and-talks=delegation"],
    ],
    ["Following the meetings, Sadiq stated", ["actor:sadiq-khan=Sadiq"]],
    [
      "that Mohammad Sadiq Khan, Pakistan’s special envoy",
      ["actor:sadiq-khan=Mohammad Sadiq Khan", "actor:pakistan=Pakistan"],
    ],
    [
      "Khan met with Amir Khan Muttaqi, the Taliban’s",
      ["actor:amir-khan-muttaqi=Amir Khan Muttaqi", "actor:afghan-taliban=Taliban"],
    ],
    ["Muttaqi accepted the invitation", ["actor:amir-khan-muttaqi=Muttaqi", "theme:diplomacy-and-talks=invitation"]],
    [
      "meetings with Nooruddin Azizi, the Taliban’s acting minister of commerce",
      ["actor:nooruddin-azizi=Nooruddin Azizi", "actor:afghan-taliban=Taliban", "theme:trade-and-transit=commerce"],
    ],
    [
      "led by Commerce Minister Noor-ud-Din Azizi was in Islamabad",
      ["theme:trade-and-transit=Commerce", "actor:nooruddin-azizi=Noor-ud-Din Azizi", "actor:pakistan=Islamabad"],
    ],
    ["Defense Minister Khawaja Muhammad Asif is holding", ["actor:khawaja-asif=Khawaja Muhammad Asif"]],
    ["Asif is being accompanied", ["actor:khawaja-asif=Asif"]],
    [
      "and General Nadeem Anjum, the chief of the powerful Inter Services Intelligence (ISI) agency",
      ["actor:nadeem-anjum=General Nadeem Anjum", "actor:isi=Inter Services Intelligence", "actor:isi=ISI"],
    ],
    [
      "Foreign Minister Bilawal Bhutto Zardari also has warned",
      ["actor:bilawal-bhutto-zardari=Bilawal Bhutto Zardari"],
    ],
    ["The office of Mullah Abdul Ghani Baradar, the acting", ["actor:abdul-ghani-baradar=Mullah Abdul Ghani Baradar"]],
    ["Deputy Defence Minister Mullah Abdul Qayyum Zakir.", ["actor:abdul-qayyum-zakir=Mullah Abdul Qayyum Zakir"]],
    ["between Ishaq Dar, Pakistan’s deputy prime minister", ["actor:ishaq-dar=Ishaq Dar", "actor:pakistan=Pakistan"]],
    ["following Dar’s one-day visit to Kabul", ["actor:ishaq-dar=Dar", "place:kabul=Kabul"]],
    [
      "including Mohammad Hassan Akhund, Abdul Salam Hanafi and Muttaqi",
      [
        "actor:mohammad-hassan-akhund=Mohammad Hassan Akhund",
        "actor:abdul-salam-hanafi=Abdul Salam Hanafi",
        "actor:amir-khan-muttaqi=Muttaqi",
      ],
    ],
    [
      "the Islamic State’s Khorasan branch (ISIS-K) operating",
      ["actor:isis-k=Islamic State’s Khorasan branch", "actor:isis-k=ISIS-K"],
    ],
    ["leftover U.S. military equipment", ["actor:united-states=U.S."]],
    ["the withdrawal of the U.S.-led forces in August 2021", ["actor:united-states=U.S."]],
    ["the halt in U.S. aid, and", ["actor:united-states=U.S.", "theme:economy-and-aid=aid"]],
    ["India’s foreign minister accused Pakistan", ["actor:india=India", "actor:pakistan=Pakistan"]],
    ["outreach to New Delhi.", ["actor:india=New Delhi"]],
    ["According to The Express Tribune, members", ["actor:express-tribune=The Express Tribune"]],
    ["who spoke to Amu TV.", ["actor:amu-tv=Amu TV"]],
    [
      "the 7th round of the Afghanistan–Pakistan Joint Coordination Committee.",
      ["actor:joint-coordination-committee=Afghanistan–Pakistan Joint Coordination Committee"],
    ],
    [
      "This was the first meeting of the Joint Coordination Committee in over",
      ["actor:joint-coordination-committee=Joint Coordination Committee"],
    ],
    ["Pakistan’s Foreign Ministry confirmed Thursday", ["actor:pakistan-foreign-ministry=Pakistan’s Foreign Ministry"]],
    [
      "A spokesman for the Foreign Ministry in Islamabad said",
      ["actor:pakistan-foreign-ministry=Foreign Ministry in Islamabad"],
    ],
    ["a Taliban Foreign Ministry spokesman said", ["actor:taliban-foreign-ministry=Taliban Foreign Ministry"]],
    ["a senior Taliban official at the Foreign Ministry", ["actor:afghan-taliban=Taliban"]],
    [
      "to address the issue with Afghanistan’s de facto authorities.",
      ["actor:afghan-taliban=Afghanistan’s de facto authorities"],
    ],
    ["Shafqat Ali Khan, spokesperson for the ministry", ["actor:shafqat-ali-khan=Shafqat Ali Khan"]],
    ["said Pakistani journalist Tahir Khan.", ["actor:tahir-khan=Tahir Khan"]],
    ["said Faiz Mohammad Zaland, a political analyst", ["actor:faiz-mohammad-zaland=Faiz Mohammad Zaland"]],
    ["Political analyst Wahid Faqiri said", ["actor:wahid-faqiri=Wahid Faqiri"]],
    ["the Pakistani military alleged", ["actor:pakistani-military=Pakistani military"]],
    [
      "reopening of the Torkham border crossing on Saturday",
      ["crossing:torkham=Torkham", "theme:border-crossings=border crossing"],
    ],
    [
      "Both the Torkham and Chaman border crossings, which",
      ["crossing:torkham=Torkham", "crossing:chaman=Chaman", "theme:border-crossings=border crossings"],
    ],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

const target = (id: string, ...names: string[]): MentionTarget => ({ kind: "actor", id, names });

describe("MentionMatcher rules", () => {
  const m = new MentionMatcher([
    target("taliban", "Taliban"),
    target("ttp", "Tehrik-i-Taliban Pakistan", "TTP", "Pakistani Taliban"),
    target("pakistan", "Pakistan"),
    target("us", "U.S.", "US"),
    target("state", "Islamic State’s Khorasan branch"),
  ]);
  const ids = (text: string) => m.find(text).map((x) => x.id);

  it.each([
    ["prefers the longest name", "the Tehrik-i-Taliban Pakistan said", ["ttp"]],
    ["never overlaps", "the Pakistani Taliban and the Taliban", ["ttp", "taliban"]],
    ["matches whole words only", "Pakistani officials and Talibanism", []],
    [
      "matches before possessives and punctuation",
      "Pakistan’s, Pakistan's and (Pakistan)",
      ["pakistan", "pakistan", "pakistan"],
    ],
    ["matches ordinary names in any case", "PAKISTAN and pakistan", ["pakistan", "pakistan"]],
    ["matches acronyms only in capitals", "TTP, ttp, Ttp, US, us", ["ttp", "us"]],
    ["treats dashes alike", "Tehrik–i—Taliban Pakistan", ["ttp"]],
    ["treats apostrophes alike", "the Islamic State's Khorasan branch", ["state"]],
    ["treats runs of white space as one space", "Tehrik-i-Taliban\n Pakistan", ["ttp"]],
    ["needs a word boundary after a name ending in a full stop", "U.S.-led forces and U.S.A", ["us"]],
  ])("%s", (_rule, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("reports offsets in the original text, also after characters outside the BMP", () => {
    const text = "😀 the TTP";
    const [hit] = m.find(text);
    expect(hit).toEqual({ kind: "actor", id: "ttp", start: 7, end: 10, text: "TTP" });
    expect(text.slice(hit?.start, hit?.end)).toBe("TTP");
  });

  it("refuses a name claimed by two entries, naming both and the fix", () => {
    expect(
      () =>
        new MentionMatcher([
          { kind: "actor", id: "a", names: ["Khan"], source: "content/actors/a.md" },
          { kind: "actor", id: "b", names: ["khan"], source: "content/actors/b.md" },
        ]),
    ).toThrow(AmbiguousNameError);
    expect(
      () =>
        new MentionMatcher([
          { kind: "actor", id: "a", names: ["Khan"], source: "content/actors/a.md" },
          { kind: "crossing", id: "b", names: ["khan"], source: "content/crossings/b.md" },
        ]),
    ).toThrow(
      '"khan" is a name of both content/actors/a.md and content/crossings/b.md. Fix: keep it on one entry and remove it from the other\'s name or aliases.',
    );
    expect(() => new MentionMatcher([target("a", "Khan"), target("b", "khan")])).toThrow(
      '"khan" is a name of both actor "a" and actor "b". Fix: keep it on one entry and remove it from the other\'s name or aliases.',
    );
  });

  it("lets an acronym and an ordinary word with the same letters belong to different entries", () => {
    const both = new MentionMatcher([target("us", "US"), target("we", "us")]);
    expect(both.find("US and us").map((x) => x.id)).toEqual(["us", "we"]);
  });

  it.each([
    ["TTP", true],
    ["U.S.", true],
    ["ISIS-K", true],
    ["Taliban", false],
    ["123", false],
  ])("isAcronym(%s) is %s", (name, expected) => {
    expect(isAcronym(name)).toBe(expected);
  });
});

/**
 * The rules, written out plainly as the specification the matcher's trie must agree with: at every word start, try
 * every name (acronyms as written, others in any case; dashes, apostrophes and white space folded, a run of white
 * space as one), keep the longest that ends at a word boundary.
 */
function specFind(targets: readonly MentionTarget[], text: string): string[] {
  const fold = (c: string) =>
    /['\u2018\u2019\u02bc\u0060\u00b4]/.test(c)
      ? "'"
      : /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/.test(c)
        ? "-"
        : /\s/.test(c)
          ? " "
          : c;
  const lower = (c: string) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c);
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const names = targets.flatMap((t) =>
    t.names.map((raw) => {
      const name = raw.trim().replace(/\s+/g, " ");
      const acronym = isAcronym(name);
      return { id: t.id, acronym, key: [...name].map((c) => (acronym ? fold(c) : lower(fold(c)))) };
    }),
  );
  names.sort((a, b) => Number(b.acronym) - Number(a.acronym));
  const chars = [...text];
  const found: string[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!isWord(chars[i]) || isWord(chars[i - 1])) {
      i++;
      continue;
    }
    let best: { end: number; id: string } | undefined;
    for (const { id, acronym, key } of names) {
      let j = i;
      let k = 0;
      while (k < key.length && j < chars.length) {
        const c = fold(chars[j] as string);
        if (c === " " && j > i && fold(chars[j - 1] as string) === " ") {
          j++;
          continue;
        }
        if ((acronym ? c : lower(c)) !== key[k]) break;
        j++;
        k++;
      }
      if (k === key.length && !isWord(chars[j]) && (!best || j > best.end)) best = { end: j, id };
    }
    if (best) {
      const start = chars.slice(0, i).join("").length;
      found.push(`${best.id}@${start}:${chars.slice(i, best.end).join("")}`);
      i = best.end;
    } else {
      i++;
    }
  }
  return found;
}

describe("MentionMatcher against the plain rules", () => {
  const targets = [
    target("taliban", "Taliban"),
    target("ttp", "Tehrik-i-Taliban Pakistan", "TTP", "Pakistani Taliban"),
    target("pakistan", "Pakistan"),
    target("us", "U.S.", "US"),
    target("we", "us"),
    target("state", "Islamic State’s Khorasan branch"),
    target("accent", "Émigré Council"),
    target("emoji", "Band 😀"),
    // Letters outside the Basic Multilingual Plane: one character, two UTF-16 units, part of a word.
    target("astral", "𝒜l 𠀀"),
  ];
  const m = new MentionMatcher(targets);
  const pieces = [
    ...["Tehrik", "i", "Taliban", "Pakistan", "Pakistani", "TTP", "U.S.", "US", "us", "Islamic", "State", "Khorasan"],
    ...["branch", "Talibanism", "Émigré", "émigré", "Council", "Band", "😀", "Band 😀", "x", "9", "İ", "ß", "é"],
    ...["𝒜l", "𝒜", "l", "𠀀", "𝒜l 𠀀", "𠀀x", "Islamic State's  Khorasan\nbranch", "Tehrik–i—Taliban \tPakistan"],
    ...[" ", " ", " ", "  ", "\n", "\t", "’", "'", "—", "–", "-", ".", ",", "(", ")", "\uD800", "\uDC00"],
  ];
  // A fixed pseudo-random sequence (mulberry32), so any failure is the same on every run.
  let seed = 20261122;
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };

  it("finds exactly what the rules find, at the same offsets, in 5,000 generated texts", () => {
    const ids = new Set<string>();
    for (let n = 0; n < 5000; n++) {
      let text = "";
      const length = 1 + random(16);
      for (let p = 0; p < length; p++) {
        const piece = pieces[random(pieces.length)] as string;
        text += random(5) === 0 ? piece.toUpperCase() : piece;
      }
      const got = m.find(text).map((x) => `${x.id}@${x.start}:${x.text}`);
      expect(got, JSON.stringify(text)).toEqual(specFind(targets, text));
      for (const hit of got) ids.add(hit.slice(0, hit.indexOf("@")));
    }
    // The texts exercise every name's entry, not only the easy ones.
    expect([...ids].sort()).toEqual(targets.map((t) => t.id).sort());
  });
});
