import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, Zip, ZipDeflate } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { DeferredZip } from "../../scripts/lib/zip.ts";

const scratch = mkdtempSync(join(tmpdir(), "zip-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DATE = new Date(2000, 0, 1);
/** A page, a larger file that the deflate stream takes in pieces, and an empty file. */
const FILES: Record<string, string> = {
  "index.html": "<!doctype html><title>Briefing</title><p>Torkham reopened.</p>".repeat(20),
  "data/events.csv": Array.from({ length: 9000 }, (_, i) => `event-${i},2025-0${(i % 9) + 1}-01,Torkham`).join("\n"),
  "empty.txt": "",
};

/** The zip fflate's Zip and ZipDeflate (level 9) write for the same entries. */
function fflateZip(folder: string, names: string[]): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const name of names) {
    const file = new ZipDeflate(`${folder}/${name}`, { level: 9 });
    file.mtime = DATE;
    zip.add(file);
    file.push(strToU8(FILES[name]!), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

describe("DeferredZip", () => {
  it.each([
    ["in a worker thread", false],
    ["in the calling thread", true],
  ])("writes fflate's bytes for the same entries, deflated %s, in the order asked for", async (_, inThread) => {
    const zip = new DeferredZip({ inThread });
    // Handed over in another order than they are written in.
    for (const name of ["empty.txt", "index.html", "data/events.csv"]) zip.add(name, strToU8(FILES[name]!));
    const order = ["data/events.csv", "empty.txt", "index.html"];
    const path = join(scratch, `${inThread}.zip`);
    const bytes = await zip.write(path, "copy", order, DATE);
    const written = readFileSync(path);
    expect(bytes).toBe(written.length);
    expect(written.equals(fflateZip("copy", order))).toBe(true);
    expect(Object.keys(unzipSync(written))).toEqual(order.map((n) => `copy/${n}`));
  });

  it("refuses a file added twice", async () => {
    const zip = new DeferredZip({ inThread: true });
    zip.add("a.txt", strToU8("a"));
    expect(() => zip.add("a.txt", strToU8("b"))).toThrow("a.txt was added to the zip twice");
    await zip.close();
  });
});
