/**
 * The words the synthetic corpus (corpus.ts) is written with. Proper nouns only ever come from entities, so the prose
 * around them can never be mistaken for a name: generated name words are checked against every word here.
 */
import type { CorpusEntity } from "./corpus.ts";

/** Sentences naming an actor ({A}, {B}: two different actors), a crossing ({C}) or a theme ({T}). */
export const ACTOR_SENTENCES = [
  "{A} said on {W} that the talks had been useful but that more work was needed.",
  "Officials from {A} described the meeting as frank and said both sides had agreed to stay in contact.",
  "A spokesman for {A} rejected the accusation and called it an attempt to shift blame.",
  "{A} has not commented publicly on the claim, the report says.",
  "According to the report, {A} asked for guarantees before any further round of meetings.",
  "{A} and {B} met for about {S} hours, according to people briefed on the discussions.",
  "The statement attributed to {A} gave no figures and named no one.",
  "{A} blamed the violence on fighters operating from across the frontier, a charge that was denied.",
  "Diplomats said {A} had pressed for a written commitment rather than verbal assurances.",
  "In a separate statement, {A} said it would review the arrangement within {S} weeks.",
  "{A} accused {B} of failing to act on information it had shared months earlier.",
  "Representatives of {A} travelled to the capital on {W} for a second day of meetings.",
  "The delegation from {A} included senior security officials and a team of economic advisers.",
  "A source close to {A} said the visit had been planned for weeks and was not a response to the latest incident.",
  "{B} welcomed the move by {A} but said it would judge it by results on the ground.",
];
export const CROSSING_SENTENCES = [
  "Traffic at {C} was suspended for {S} days, leaving hundreds of lorries waiting on both sides.",
  "Traders at {C} said the delays had cost them heavily and that perishable goods had spoiled.",
  "Officials said {C} would stay shut until security arrangements were reviewed.",
  "Pedestrians with valid documents were allowed through {C} for part of the day.",
  "Customs staff at {C} began clearing a backlog of {N} containers on {W}.",
  "Families waiting at {C} told reporters they had slept in their vehicles for several nights.",
  "Exchanges of fire near {C} were reported late on {W}, though no casualties were confirmed.",
];
export const THEME_SENTENCES = [
  "Analysts linked the episode to a wider pattern of {T}.",
  "The report places the dispute within the longer story of {T}.",
  "Observers said {T} would remain near the top of the agenda.",
  "The question of {T} came up repeatedly during the discussions, the report says.",
  "Several officials said progress on {T} depended on trust that had yet to be rebuilt.",
];
export const NEUTRAL_SENTENCES = [
  "The figures could not be independently verified.",
  "Both sides have traded accusations for months.",
  "Prices of flour and fuel rose in nearby markets as a result.",
  "Local elders called for calm and for the matter to be settled through dialogue.",
  "The report does not say how the estimate was reached.",
  "Residents described long queues and a heavy security presence.",
  "Earlier rounds of talks ended without a public agreement.",
  "Transport unions threatened a strike if the situation did not improve.",
  "No timetable for a further meeting was announced.",
  "The account given by officials differs in several details from that of witnesses.",
  "Hospitals in the area said they had received {N} injured people since {W}.",
  "Schools and shops in the district stayed closed for a third day.",
  "The government said it had set up a committee to look into the complaints.",
  "Money changers reported a sharp fall in the local currency against the dollar.",
  "It was the {O} such meeting this year, the report notes.",
  "Aid workers warned that winter would make conditions worse for those waiting.",
  "A joint statement promised cooperation but contained few specific commitments.",
  "Journalists were not allowed into the area, so the account relies on officials and residents.",
  "Some {N} people were said to have been detained in raids over the weekend.",
  "Officials spoke on condition of anonymity because they were not authorised to brief the press.",
];
export const HEADINGS = [
  "What was agreed",
  "What happened",
  "The security situation",
  "Reactions",
  "Background",
  "What comes next",
  "The economic cost",
  "Who said what",
  "The wider picture",
  "Disputed claims",
];
export const TABLE_HEADINGS = ["At the crossings", "Figures in the report"];
export const FIGURES = [
  "Lorries stranded",
  "People detained",
  "Families returned",
  "Days of closure",
  "Containers cleared",
  "Casualties reported",
];
export const STATUS_WORDS: Record<Status, string> = {
  closed: "closed",
  reopened: "reopened",
  restricted: "pedestrians only",
  open: "open",
};
export const QUOTES = [
  "We want good relations, but not at the cost of our security.",
  "The door to dialogue remains open.",
  "Nobody should use this issue for political purposes.",
  "We have shared the evidence and we expect action.",
];
export const NOTE_SENTENCES = [
  "Crossings on this frontier have been shut many times since 2021, usually for days rather than weeks.",
  "Earlier agreements of this kind were announced but never published in full.",
  "Figures given by the two governments for the same period often differ widely.",
];
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
export const ORDINALS = ["second", "third", "fourth", "fifth"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const OUTLETS = [
  "Amu TV",
  "Dawn",
  "The Express Tribune",
  "Tolo News",
  "Reuters",
  "Associated Press",
  "Al Jazeera",
  "Khaama Press",
];
export const DATELINES = ["Kabul", "Islamabad", "Peshawar", "Quetta", "Jalalabad", "Kandahar"];

export type Status = "closed" | "reopened" | "restricted" | "open";

// Entities: the head of the distribution is written out; the long tail is generated from the name parts below.

export interface EntitySpec extends CorpusEntity {
  kind?: "person" | "government" | "organisation" | "armed-group" | "media";
  country?: string;
  /** For head actors: the share of articles that name them. */
  share?: number;
  location?: { lat: number; lon: number };
  between?: [string, string];
  summary: string;
}

export const HEAD_ACTORS: EntitySpec[] = [
  {
    folder: "actors",
    id: "ttp",
    name: "Tehrik-i-Taliban Pakistan",
    aliases: ["TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan", "Tehrik-e-Taliban Pakistan"],
    kind: "armed-group",
    country: "Pakistan",
    share: 0.75,
    summary: "A banned militant group that Pakistan says operates from Afghanistan.",
  },
  {
    folder: "actors",
    id: "afghan-taliban",
    name: "Afghan Taliban",
    aliases: ["Taliban", "Taliban government", "Islamic Emirate of Afghanistan"],
    kind: "government",
    country: "Afghanistan",
    share: 0.65,
    summary: "The movement that has governed Afghanistan since August 2021.",
  },
  {
    folder: "actors",
    id: "pakistan",
    name: "Pakistan",
    aliases: ["Government of Pakistan", "Islamabad"],
    kind: "government",
    country: "Pakistan",
    share: 0.55,
    summary: "The government of Pakistan.",
  },
  {
    folder: "actors",
    id: "pakistani-military",
    name: "Pakistani military",
    aliases: ["Pakistan Army", "ISPR"],
    kind: "organisation",
    country: "Pakistan",
    share: 0.3,
    summary: "Pakistan's armed forces and their press wing.",
  },
];

export const CROSSINGS: Omit<EntitySpec, "folder" | "summary">[] = [
  { id: "torkham", name: "Torkham", aliases: ["Torkham border"], location: { lat: 34.1069, lon: 71.0875 } },
  {
    id: "chaman",
    name: "Chaman",
    aliases: ["Spin Boldak", "Chaman-Spin Boldak"],
    location: { lat: 30.92, lon: 66.45 },
  },
  { id: "ghulam-khan", name: "Ghulam Khan", aliases: [], location: { lat: 33.17, lon: 70.13 } },
  { id: "angoor-adda", name: "Angoor Adda", aliases: ["Angur Adda"], location: { lat: 32.36, lon: 69.34 } },
  { id: "kharlachi", name: "Kharlachi", aliases: [], location: { lat: 33.87, lon: 69.95 } },
  { id: "nawa-pass", name: "Nawa Pass", aliases: [], location: { lat: 34.75, lon: 71.33 } },
  { id: "arandu", name: "Arandu", aliases: [], location: { lat: 35.33, lon: 71.55 } },
  { id: "gursal", name: "Gursal", aliases: [], location: { lat: 34.9, lon: 71.2 } },
  { id: "badini", name: "Badini", aliases: [], location: { lat: 30.98, lon: 68.07 } },
  { id: "dand-e-patan", name: "Dand-e-Patan", aliases: ["Dand Patan"], location: { lat: 33.72, lon: 69.9 } },
];

export const THEMES: Omit<EntitySpec, "folder" | "summary">[] = [
  { id: "cross-border-militancy", name: "Cross-border militancy", aliases: ["militancy", "militant attacks"] },
  {
    id: "border-crossings",
    name: "Border crossings and closures",
    aliases: ["border crossings", "border closures", "border closure"],
  },
  { id: "diplomacy-and-talks", name: "Diplomacy and talks", aliases: ["peace talks", "bilateral talks"] },
  { id: "trade-and-transit", name: "Trade and transit", aliases: ["transit trade", "bilateral trade"] },
  {
    id: "migrants-and-deportations",
    name: "Migrants and deportations",
    aliases: ["deportations", "undocumented migrants", "refugees"],
  },
  { id: "airstrikes", name: "Airstrikes and escalation", aliases: ["airstrikes", "air strikes"] },
  { id: "economy-and-aid", name: "Economy and aid", aliases: ["humanitarian aid", "aid cuts"] },
  { id: "regional-rivalry", name: "Regional rivalry", aliases: ["rivalry with India"] },
  { id: "water-and-dams", name: "Water and dams", aliases: ["water sharing", "dam projects"] },
  { id: "drug-trade", name: "Drug trade", aliases: ["narcotics", "opium"] },
  { id: "education-and-women", name: "Education and women", aliases: ["girls' education", "women's rights"] },
  { id: "disasters", name: "Earthquakes and floods", aliases: ["earthquake", "floods"] },
  { id: "polio", name: "Polio vaccination", aliases: ["polio"] },
  { id: "mining", name: "Mining and minerals", aliases: ["mining contracts", "lithium"] },
  { id: "energy", name: "Energy and electricity", aliases: ["electricity imports", "power lines"] },
];

export const GIVEN = [
  ["Mohammad", "Muhammad", "Mohammed"],
  ["Abdul"],
  ["Amir"],
  ["Sher"],
  ["Zabihullah", "Zabiullah"],
  ["Hafiz"],
  ["Noor", "Nur"],
  ["Sirajuddin"],
  ["Khalid", "Khaled"],
  ["Asadullah"],
  ["Rahim", "Raheem"],
  ["Fazal", "Fazl"],
  ["Ahmad", "Ahmed"],
  ["Yousaf", "Yusuf"],
  ["Saeed", "Said"],
  ["Hamid"],
  ["Bilal"],
  ["Tariq", "Tarek"],
  ["Javed", "Javaid"],
  ["Farida"],
  ["Shireen", "Shirin"],
  ["Zainab", "Zaynab"],
  ["Ayesha", "Aisha"],
] as const;
export const HONORIFICS = ["Mullah", "Maulvi", "General", "Senator", "Qari", "Dr"];
export const ROLE_TITLES = [
  "Acting foreign minister",
  "Special representative for Afghanistan",
  "Spokesman",
  "Governor of the border province",
  "Deputy interior minister",
  "Chief negotiator",
  "Provincial police chief",
  "Ambassador in Kabul",
  "Commerce minister",
  "Refugees minister",
];
export const ORGANISATIONS = [
  "Chamber of Commerce",
  "Relief Committee",
  "Traders' Union",
  "Refugee Council",
  "Transport Association",
  "Human Rights Commission",
  "Customs Authority",
  "Tribal Jirga",
];
export const SYLLABLES = "za kar han mir wal dar bak sha qa ya gul ra tan bar lo rez man far ho tak wa zi nu sab".split(
  " ",
);
export const SUFFIXES = ["i", "zai", "yar", "wal", "khel", "", "ani"];
