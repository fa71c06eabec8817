/**
 * The one place pages get their data from: the site config and the model, computed once per build from the
 * content collections.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { checkContent } from "./check.ts";
import { loadDesk, readSiteConfig } from "./content-files.ts";
import { deployment } from "./deployment.ts";
import type { EntityKey, Model } from "./model.ts";
import { citationText, openDataFiles, type DataFile } from "./open-data.ts";
import { pageKeys } from "./page-keys.ts";
import { prebuiltSite } from "./prebuilt.ts";
import { siteSchema, type SiteData as SiteSettings } from "./schemas.ts";
import { formatProblem } from "./problems.ts";
import { joinBase } from "./urls.ts";
import { useNetworkLayouts } from "./visuals.ts";
import { useMapLayouts } from "./map.ts";

const { contentDir } = deployment(process.env);

/** A site path (`/actors/ttp/`) with the deployment's base in front. */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** A site path as a full address (base included), for structured data and downloads. */
export function absoluteUrl(path: string): string {
  return new URL(url(path), import.meta.env.SITE).href;
}

export class ContentError extends Error {
  constructor(problems: string[]) {
    super(`The content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}

const settings = readSiteConfig(contentDir);
// A build has checked site.yaml before Astro runs. The dev server shows its problems on every page (see load) and
// renders meanwhile with stand-in settings, so that a broken file never ends in a bare stack trace.
if (!settings.site && !import.meta.env.DEV) throw new ContentError(settings.problems.map(formatProblem));
export const site: SiteSettings =
  settings.site ??
  siteSchema.parse({
    title: "Briefing (content/site.yaml has problems)",
    description: "The site's settings do not pass the content check.",
    lang: "en",
    intro: "content/site.yaml has problems: see the list above.",
  });

export interface SiteData {
  model: Model;
  /** In the dev server: the content's errors, shown on every page instead of failing it. */
  problems: string[];
  articleEntries: Map<string, CollectionEntry<"articles">>;
  entityEntries: Map<EntityKey, CollectionEntry<"actors" | "crossings" | "places" | "themes">>;
  /** "Where things stand", when the desk has written one. */
  standingEntry?: CollectionEntry<"standing">;
  /** A route's cache key for the incremental build, from the props it passes to its page (see page-keys.ts). */
  pageKey: (props: unknown) => string;
}

let loaded: Promise<SiteData> | undefined;
let lastReport = "";

async function load(): Promise<SiteData> {
  const [articles, actors, crossings, places, themes, [standing]] = await Promise.all([
    getCollection("articles", (a) => !(import.meta.env.PROD && a.data.draft)),
    getCollection("actors"),
    getCollection("crossings"),
    getCollection("places"),
    getCollection("themes"),
    getCollection("standing"),
  ]);
  const input = <T extends { id: string; filePath?: string; body?: string; data: unknown }>(entries: T[]) =>
    entries.map((e) => ({ id: e.id, file: e.filePath ?? e.id, data: e.data as T["data"], body: e.body ?? "" }));
  // The production build has already built and checked the model from the same files.
  const prebuilt = import.meta.env.PROD ? await prebuiltSite(contentDir) : undefined;
  if (prebuilt) {
    useNetworkLayouts(prebuilt.model, prebuilt.layouts);
    useMapLayouts(prebuilt.model, prebuilt.maps);
  }
  const checked = prebuilt
    ? { model: prebuilt.model, problems: [] }
    : checkContent({
        input: {
          articles: input(articles),
          actors: input(actors),
          crossings: input(crossings),
          places: input(places),
          themes: input(themes),
          ...(standing ? { standing: input([standing])[0] } : {}),
        },
        problems: settings.problems,
        ...(settings.site ? { site: settings.site } : {}),
      });
  const { model } = checked;
  const errors = checked.problems.filter((p) => p.severity === "error");
  let problems: string[] = [];
  if (errors.length > 0) {
    if (!import.meta.env.DEV) throw new ContentError(errors.map(formatProblem));
    // Read from disk for the messages: they then carry file lines, as the content check's do.
    problems = checkContent(loadDesk(contentDir, { includeDrafts: true }))
      .problems.filter((p) => p.severity === "error")
      .map(formatProblem);
    const report = problems.join("\n");
    if (report !== lastReport)
      console.error(`\nThe content has ${problems.length} problem(s):\n  - ${problems.join("\n  - ")}\n`);
    lastReport = report;
  }
  return {
    model,
    pageKey: pageKeys(model, site),
    problems,
    articleEntries: new Map(articles.map((a) => [a.id, a])),
    ...(standing ? { standingEntry: standing } : {}),
    entityEntries: new Map<EntityKey, CollectionEntry<"actors" | "crossings" | "places" | "themes">>([
      ...actors.map((e) => [`actor:${e.id}`, e] as const),
      ...crossings.map((e) => [`crossing:${e.id}`, e] as const),
      ...places.map((e) => [`place:${e.id}`, e] as const),
      ...themes.map((e) => [`theme:${e.id}`, e] as const),
    ]),
  };
}

/**
 * The model, built on first use and shared by every page of the build. The dev server rebuilds it for every page,
 * so an edit to any entry shows everywhere it is used.
 */
export function getSite(): Promise<SiteData> {
  if (import.meta.env.DEV) return load();
  return (loaded ??= load());
}

export interface OpenData {
  files: DataFile[];
  /** The build date, `YYYY-MM-DD`. */
  built: string;
  citation: string;
}

let openData: Promise<OpenData> | undefined;

/** The files under /data/, derived from the model once per build and shared by their endpoints and the /data/ page. */
export function getOpenData(): Promise<OpenData> {
  const derive = async (): Promise<OpenData> => {
    const { model } = await getSite();
    const options = { site, absolute: absoluteUrl, built: new Date().toISOString().slice(0, 10) };
    return { files: openDataFiles(model, options), built: options.built, citation: citationText(options) };
  };
  if (import.meta.env.DEV) return derive();
  return (openData ??= derive());
}
