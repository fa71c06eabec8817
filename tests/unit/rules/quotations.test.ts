import { describe, expect, it } from "vitest";
import { collectBlocks, parseBody } from "../../../src/lib/blocks.ts";
import { formatProblem } from "../../../src/lib/model.ts";
import {
  isAttributed,
  quotationsIn,
  quotationsNotInSources,
  sourceQuotations,
  unattributedQuotations,
} from "../../../src/lib/rules/quotations.ts";

const entry = (body: string) => ({ id: "x", file: "content/articles/x.mdx", data: {}, body, bodyLine: 10 });
const blocksOf = (body: string) => collectBlocks(parseBody(body, true));

describe("quotationsIn", () => {
  it.each([
    [
      'called Pakistan a "supporter of the terrorism industry" and a "backer of the Taliban".',
      ["supporter of the terrorism industry", "backer of the Taliban"],
    ],
    ["said the talks dealt with “sensitive and strategic matters”.", ["sensitive and strategic matters"]],
    ["Pakistan’s envoy, the Taliban’s minister: apostrophes are not quotation marks.", []],
  ])("finds the quotations in %s", (text, expected) => {
    expect(quotationsIn(text).map((q) => q.text)).toEqual(expected);
  });
});

describe("isAttributed", () => {
  it.each([
    // Sentences from our articles, attributed by a verb of speech or "according to".
    [
      'Writing on Twitter, a spokesman for the Foreign Ministry in Islamabad said the visit was meant to cover security matters, including "counter-terrorism measures".',
      true,
    ],
    [
      'India’s foreign minister, who is not named, called Pakistan a "supporter of the terrorism industry" and a "backer\n  of the Taliban".',
      true,
    ],
    [
      'Delegates described the Taliban\'s response to Pakistan\'s security demands as more "serious" and "positive" than before.',
      true,
    ],
    [
      'Islamabad is using "multiple channels" to take up the issue with Afghanistan\'s de facto authorities, the ministry said.',
      true,
    ],
    [
      'According to the ministry, the delegation told Taliban officials that the TTP is still a "critical obstacle" to better relations.',
      true,
    ],
    ['The ministry said it remains hopeful of "progress on this front".', true],
    // The same sentences with the speaker taken out: an actor's name alone (the TTP, Islamabad) is not a speaker.
    ['The TTP is still a "critical obstacle" to better bilateral relations.', false],
    ['Islamabad is using "multiple channels" to take up the issue with Afghanistan\'s de facto authorities.', false],
    ['The Taliban\'s response to Pakistan\'s security demands was more "serious" and "positive" than before.', false],
    // A noun that is also a verb of speech does not attribute.
    ['Despite repeated calls for cooperation, Afghanistan has become a "launchpad" for attacks on Pakistan.', false],
  ])("%s → %s", (sentence, expected) => {
    expect(isAttributed(sentence)).toBe(expected);
  });
});

describe("unattributedQuotations", () => {
  it.each([
    [
      "an attributed quotation",
      'After the meetings, Sadiq said the discussions had dealt with "sensitive and strategic matters".',
      [],
    ],
    [
      "a quotation that spans two sentences, attributed after it",
      "“Everyone noticed. The Taliban changed,” one delegate said.",
      [],
    ],
    [
      "a scare-quoted word, with the line it is on",
      'The trip came as friction grew.\nTaliban-ruled Afghanistan has become a "launchpad" for attacks on Pakistan.',
      [
        'content/articles/x.mdx:11: body: the quotation "launchpad" has no speaker in its sentence ("Taliban-ruled Afghanistan has become a "launchpad" for attacks on Pakistan."). Fix: say in the same sentence who used these words (…said, told, called, described…), or drop the quotation marks if the words are ours.',
      ],
    ],
    [
      "a quotation in a list item further down",
      '## The phone call\n\n- The senior official confirmed the invitation.\n- Pakistan remains a "critical obstacle".',
      [
        'content/articles/x.mdx:13: body: the quotation "critical obstacle" has no speaker in its sentence ("Pakistan remains a "critical obstacle"."). Fix: say in the same sentence who used these words (…said, told, called, described…), or drop the quotation marks if the words are ours.',
      ],
    ],
    ["the Quote component, attributed by its speaker", '<Quote speaker="ttp">"Dialogue" is necessary.</Quote>', []],
  ])("%s", (_case, body, expected) => {
    expect(unattributedQuotations(entry(body), blocksOf(body)).map(formatProblem)).toEqual(expected);
  });
});

describe("quotationsNotInSources", () => {
  const sources = [
    "Islamabad continues to assert that Afghanistan under Taliban rule has become a launchpad for attacks against Pakistan.",
    "“Let’s see the outcome of those steps in the coming days,” said an official.",
    'A spokesman said the delegation was to "discuss security-related matters including counter-terrorism measures."',
  ];
  const quoted = sourceQuotations(sources);
  it.each([
    ["part of a source's quotation", 'An official said the outcome would show "in the coming days".', []],
    ["a straight-quoted source, ending punctuation aside", 'He said it covered "counter-terrorism measures".', []],
    ["curly apostrophes against straight ones", 'An official said: "Let\'s see the outcome of those steps".', []],
    [
      "a word the source uses in its own voice",
      'Islamabad maintains that Afghanistan has become a "launchpad" for attacks.',
      [
        'content/articles/x.mdx:10: body: "launchpad" is in quotation marks, but no source quotes these words. Fix: quote only words a source puts in quotation marks; where the source uses the words in its own voice, drop the marks.',
      ],
    ],
  ])("%s", (_case, body, expected) => {
    expect(quotationsNotInSources(entry(body), blocksOf(body), quoted).map(formatProblem)).toEqual(expected);
  });
});
