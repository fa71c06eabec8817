import { describe, expect, it } from "vitest";
import { editsAllowed, suggestSpellings } from "../../src/lib/suggestions.ts";

const entity = (name: string, aliases: string[], path: string) => ({ name, aliases, path });
/** Names as the real briefing spells them, with the traps: shared words, acronyms, short names. */
const ENTITIES = [
  entity("Torkham", [], "/crossings/torkham/"),
  entity("Chaman", [], "/crossings/chaman/"),
  entity("Amir Khan Muttaqi", ["Muttaqi"], "/actors/amir-khan-muttaqi/"),
  entity("Nooruddin Azizi", ["Noor-ud-Din Azizi", "Azizi"], "/actors/nooruddin-azizi/"),
  entity("Mohammad Sadiq Khan", ["Sadiq Khan", "Mohammad Sadiq", "Sadiq"], "/actors/sadiq-khan/"),
  entity("Shafqat Ali Khan", [], "/actors/shafqat-ali-khan/"),
  entity("Tehrik-i-Taliban Pakistan", ["TTP", "Pakistani Taliban"], "/actors/ttp/"),
  entity("Afghan Taliban", ["Taliban"], "/actors/afghan-taliban/"),
  entity("Pakistan", ["Islamabad"], "/actors/pakistan/"),
  entity("Ishaq Dar", ["Dar"], "/actors/ishaq-dar/"),
  entity("Inter Services Intelligence", ["ISI"], "/actors/isi/"),
];
const suggest = (q: string) =>
  suggestSpellings(q, ENTITIES).map((s) => (s.spelling === s.entity.name ? s.query : `${s.query} (${s.entity.name})`));

describe("suggestSpellings", () => {
  it.each([
    ["Torkam", ["Torkham"]],
    ["torkhm", ["Torkham"]],
    ["Torkhan", ["Torkham"]],
    ["Chamman", ["Chaman"]],
    ["Muttaki", ["Muttaqi (Amir Khan Muttaqi)"]],
    ["Amir Khan Mutaki", ["Amir Khan Muttaqi"]],
    ["Muttaki visit", ["Muttaqi visit (Amir Khan Muttaqi)"]],
    ["Noorudin", ["Nooruddin (Nooruddin Azizi)"]],
    ["Noorudin Azizi", ["Nooruddin Azizi"]],
    ["Mohamad Sadiq", ["Mohammad Sadiq (Mohammad Sadiq Khan)"]],
    ["Torkam Chamman", ["Torkham Chaman", "Torkham Chamman", "Torkam Chaman"]],
    ["Islamabd talks", ["Islamabad talks (Pakistan)"]],
    ["Taleban rule", ["Taliban rule (Afghan Taliban)"]],
  ])("%s: did you mean %j", (query, expected) => {
    expect(suggest(query)).toEqual(expected);
  });

  it.each([
    ["Torkham", "already a name"],
    ["Torkham Chaman", "already names"],
    ["TTB", "acronyms are never put right"],
    ["ttp", "an acronym matches only as written"],
    ["Kahn", "a word many names share is no one's"],
    ["war", "three letters are one edit from too many words"],
    ["torkum", "two edits are too many for six letters"],
    ["Azizi Chamanabad", "a name and a word far from any"],
    ["", "nothing typed"],
  ])("%s: nothing (%s)", (query) => {
    expect(suggest(query)).toEqual([]);
  });
});

describe("editsAllowed", () => {
  it.each([
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [20, 2],
  ])("%i letters allow %i edits", (length, edits) => {
    expect(editsAllowed(length)).toBe(edits);
  });
});
