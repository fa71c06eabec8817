import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
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

describe("DeferredZip", () => {
  /** The zip of FILES, handed over in another order than they are written in, deflated as `inThread` says. */
  async function written(inThread: boolean, order: string[], name: string): Promise<Buffer> {
    const zip = new DeferredZip({ inThread });
    for (const file of ["empty.txt", "index.html", "data/events.csv"]) zip.add(file, strToU8(FILES[file]!));
    const path = join(scratch, name);
    const bytes = await zip.write(path, "copy", order, DATE);
    const data = readFileSync(path);
    expect(bytes).toBe(data.length);
    return data;
  }

  it("writes every file, compressed, in one folder, in the order asked for, the same bytes from either thread", async () => {
    const order = ["data/events.csv", "empty.txt", "index.html"];
    const inWorker = await written(false, order, "worker.zip");
    const inThread = await written(true, order, "thread.zip");
    expect(inThread.equals(inWorker)).toBe(true);
    // Made again, the same bytes: every entry is dated the same.
    expect((await written(true, order, "again.zip")).equals(inWorker)).toBe(true);
    const files = unzipSync(inWorker);
    expect(Object.keys(files)).toEqual(order.map((n) => `copy/${n}`));
    for (const name of order) expect(strFromU8(files[`copy/${name}`]!)).toBe(FILES[name]);
    // Deflated, not stored: the repetitive page and table take a fraction of their size (about a tenth).
    const raw = Object.values(FILES).reduce((n, text) => n + text.length, 0);
    expect(inWorker.length).toBeLessThan(raw / 5);
  });

  it("refuses a file added twice", async () => {
    const zip = new DeferredZip({ inThread: true });
    zip.add("a.txt", strToU8("a"));
    expect(() => zip.add("a.txt", strToU8("b"))).toThrow("a.txt was added to the zip twice");
    await zip.close();
  });
});
