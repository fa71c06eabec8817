/**
 * Every body parsed once per build: the model reads an article's blocks to find its mentions, and the content rules
 * read the same trees (components, links, quotations, overviews) instead of parsing again.
 */
import type { Root } from "mdast";
import { collectBlocks, parseBody, type Block } from "./blocks.ts";

/** The parts of an entry the parser needs. */
interface Source {
  file: string;
  body: string;
}

export interface ParsedBody {
  /** The syntax tree; missing when the body does not parse. */
  tree?: Root;
  /** The blocks mentions are found in (see blocks.ts); none when the body does not parse. */
  blocks: Block[];
  /** Why the body does not parse, with the body line and column micromark gives. */
  error?: { reason: string; line?: number; column?: number };
}

/** Parses each entry's body on first use and keeps it for as long as this object is kept. */
export class ParsedBodies {
  // Keyed by the entry object itself: the model's entities and articles hold the very entries the rules are given.
  readonly #parsed = new WeakMap<Source, ParsedBody>();

  of(entry: Source): ParsedBody {
    let parsed = this.#parsed.get(entry);
    if (!parsed) this.#parsed.set(entry, (parsed = parse(entry)));
    return parsed;
  }
}

function parse(entry: Source): ParsedBody {
  try {
    const tree = parseBody(entry.body, entry.file.endsWith(".mdx"));
    return { tree, blocks: collectBlocks(tree) };
  } catch (error) {
    const e = error as { reason?: string; line?: number; column?: number; message?: string };
    return {
      blocks: [],
      error: {
        reason: e.reason ?? e.message ?? String(error),
        ...(e.line ? { line: e.line } : {}),
        ...(e.column ? { column: e.column } : {}),
      },
    };
  }
}
