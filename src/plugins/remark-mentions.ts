/**
 * Remark plugin: gives each block of a body an anchor id, links the first mention of each named entity (actors,
 * crossings and places, not theme keywords: see LINKED_KINDS) to its page, and resolves editors' `article:<slug>`,
 * `actor:<id>`, `crossing:<id>`, `place:<id>` and `theme:<id>` links against `base`.
 * The matcher is the same mention engine the site model uses, built from the entries on disk.
 */
import type { Link, Root, Text } from "mdast";
import { relative, resolve, sep } from "node:path";
import type { VFile } from "vfile";
import { collectBlocks, type Block, type Leaf } from "../lib/blocks.ts";
import { STANDING_FILE, entityFingerprint, listEntries, loadEntities } from "../lib/content-files.ts";
import { AmbiguousNameError, LINKED_KINDS, MentionMatcher, type EntityKind, type Mention } from "../lib/mentions.ts";
import { mentionTargets } from "../lib/model.ts";
import { joinBase } from "../lib/urls.ts";

export interface RemarkMentionsOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** The site's base path, e.g. `/` or `/briefing/`. */
  base: string;
  /** Throw on a link to a missing entry (default); false marks it instead, for the dev server. */
  strict?: boolean;
  /**
   * The dev server: notice edits to the entities between renders. A build reads them once: checking the content
   * folder for every rendered body would cost a directory listing per article.
   */
  live?: boolean;
  /**
   * Not read here: a digest of the entities and the engine code (src/lib/render-digest.ts), passed so that Astro's
   * config digest, and with it the cached rendering of `.md` bodies, changes whenever they do.
   */
  renderDigest?: string;
}

const FOLDER: Record<string, EntityKind | "article"> = {
  articles: "article",
  actors: "actor",
  crossings: "crossing",
  places: "place",
  themes: "theme",
};
const PATH_OF: Record<EntityKind | "article", string> = {
  article: "articles",
  actor: "actors",
  crossing: "crossings",
  place: "places",
  theme: "themes",
};

interface Index {
  fingerprint: string;
  matcher: MentionMatcher;
  ids: Set<string>;
}
const caches = new Map<string, Index>();

function index(contentDir: string, live: boolean): Index {
  const cache = caches.get(contentDir);
  if (cache && !live) return cache;
  const fingerprint = entityFingerprint(contentDir);
  if (cache?.fingerprint === fingerprint) return cache;
  // Validation problems are reported by the model and the content check; here we only need names.
  let matcher: MentionMatcher;
  try {
    matcher = new MentionMatcher(mentionTargets(loadEntities(contentDir)));
  } catch (error) {
    if (error instanceof AmbiguousNameError) throw new Error(error.message, { cause: error });
    throw error;
  }
  const ids = new Set<string>();
  for (const folder of Object.keys(FOLDER) as (keyof typeof FOLDER)[]) {
    const kind = FOLDER[folder];
    for (const { id } of listEntries(contentDir, folder as "articles")) ids.add(`${kind}:${id}`);
  }
  const fresh = { fingerprint, matcher, ids };
  caches.set(contentDir, fresh);
  return fresh;
}

/** The entry a file is, if it lives in content/: `actor:ttp`. */
function selfOf(file: VFile, contentDir: string): string | undefined {
  if (!file.path) return undefined;
  const rel = relative(contentDir, resolve(file.path)).split(sep);
  const kind = rel.length === 2 && rel[0] ? FOLDER[rel[0]] : undefined;
  return kind && rel[1] ? `${kind}:${rel[1].replace(/\.mdx?$/, "")}` : undefined;
}

function linkFirstMentions(blocks: Block[], matcher: MentionMatcher, base: string, self?: string): void {
  const linked = new Set<string>(self ? [self] : []);
  for (const block of blocks) {
    // The first mention of each entity not yet linked, with the text node that holds it whole.
    const pending: { m: Mention; leaf: Leaf }[] = [];
    for (const m of matcher.find(block.text)) {
      const key = `${m.kind}:${m.id}`;
      if (linked.has(key) || !LINKED_KINDS.has(m.kind)) continue;
      const leaf = block.leaves.find((l) => l.linkable && m.start >= l.start && m.end <= l.start + l.node.value.length);
      if (!leaf) continue;
      linked.add(key);
      pending.push({ m, leaf });
    }
    // Split from the end so earlier offsets stay valid.
    for (const { m, leaf } of pending.reverse()) {
      const node = leaf.node as Text;
      const index = leaf.parent.children.indexOf(node);
      const from = m.start - leaf.start;
      const to = m.end - leaf.start;
      const link: Link = {
        type: "link",
        url: joinBase(base, `/${PATH_OF[m.kind]}/${m.id}/`),
        children: [{ type: "text", value: node.value.slice(from, to) }],
        data: { hProperties: { className: ["mention", `mention-${m.kind}`] } },
      };
      // Keep the original node as the text before the mention, so earlier mentions in it keep their offsets.
      const after = node.value.slice(to);
      node.value = node.value.slice(0, from);
      const inserted = after ? [link, { type: "text", value: after } as Text] : [link];
      leaf.parent.children.splice(index + 1, 0, ...(inserted as typeof leaf.parent.children));
    }
  }
}

const EDITOR_LINK = /^(article|actor|crossing|place|theme):([a-z0-9-]+)$/;

export default function remarkMentions(options: RemarkMentionsOptions) {
  const contentDir = resolve(options.contentDir);
  return (tree: Root, file: VFile): void => {
    const { matcher, ids } = index(contentDir, options.live ?? false);
    const blocks = collectBlocks(tree);
    for (const block of blocks) {
      if (block.anchor.type === "mdxJsxFlowElement") {
        // A component gets its anchor as an id attribute (the prose components render it).
        const jsx = block.anchor as unknown as { attributes: { type: string; name: string; value: string }[] };
        jsx.attributes.push({ type: "mdxJsxAttribute", name: "id", value: block.id });
        continue;
      }
      const data = (block.anchor.data ?? {}) as { hProperties?: Record<string, unknown> };
      block.anchor.data = { ...data, hProperties: { ...data.hProperties, id: block.id } };
    }
    // Editors' own links first, so mention links are never nested inside them.
    const visit = (node: Root | Root["children"][number]): void => {
      if (node.type === "link") {
        const match = EDITOR_LINK.exec(node.url);
        if (match) {
          const [, kind, id] = match as unknown as [string, EntityKind | "article", string];
          if (!ids.has(`${kind}:${id}`)) {
            // The content check reports it (with its line) and stops a production build before it gets here; in
            // the dev server the page still renders, with the link marked.
            if (options.strict !== false) {
              const where = file.path ? relative(process.cwd(), file.path) : "a body";
              throw new Error(
                `${where}: the link to ${kind}:${id} points at no entry. Fix: use the id of a file in content/${PATH_OF[kind]}/.`,
              );
            }
            node.url = "#broken-link";
            node.data = { hProperties: { className: ["broken-link"], title: `No ${kind} "${id}"` } };
          } else {
            node.url = joinBase(options.base, `/${PATH_OF[kind]}/${id}/`);
            // An editor's link to an entity is a mention written by hand: it reads and is styled as one.
            if (kind !== "article") node.data = { hProperties: { className: ["mention", `mention-${kind}`] } };
          }
        }
      }
      if ("children" in node) for (const child of node.children) visit(child as Root["children"][number]);
    };
    visit(tree);
    // "Where things stand" is a dense summary with its own links to the people it introduces: linking every first
    // name and theme keyword in it as well ("talks", "commerce") would bury them.
    if (file.path && relative(contentDir, resolve(file.path)) === STANDING_FILE) return;
    linkFirstMentions(blocks, matcher, options.base, selfOf(file, contentDir));
  };
}
