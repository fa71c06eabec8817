/** Every page of every build is valid HTML by html-validate's recommended rules (.htmlvalidate.mjs says why any differ). */
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { BUILDS } from "./builds.ts";
import { filesIn } from "./html.ts";

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each(["root", "sub", "fixture"] as const)("html-validate over the %s build", (name) => {
  it("finds no error on any page", async () => {
    const dir = BUILDS[name].outDir;
    const pages = filesIn(dir).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(dir, page));
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${page}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
});
