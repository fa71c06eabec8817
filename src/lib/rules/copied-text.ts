/**
 * Rule (with `check:content --sources DIR`): no entry copies 16 or more consecutive words from a source text. The
 * site briefs its sources in its own words and never republishes them. The whole file is compared, frontmatter
 * included, because titles and summaries are ours too.
 */
import { readFileSync } from "node:fs";
import { sharedRuns } from "../overlap.ts";
import { bodiedEntries, type Rule } from "./context.ts";

export const copiedText: Rule = ({ input, sources }) =>
  sources
    ? bodiedEntries(input).flatMap((entry) =>
        sharedRuns(readFileSync(entry.file, "utf8"), sources).map((run) => ({
          file: entry.file,
          field: "body",
          message: `${run.length} consecutive words are copied from a source: "${run.text}"`,
          fix: "brief the source in our own words; quote only a few attributed words",
          severity: "error" as const,
        })),
      )
    : [];
