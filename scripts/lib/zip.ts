/**
 * A deterministic zip written in two steps: files are handed over in any order as they are made and deflated at
 * once in a worker thread (./zip-worker.ts), so compression overlaps the work that makes them; the zip is then
 * assembled in the order asked for, every entry dated the same. Only the compressed bytes are kept in between, not
 * the files. The container is fflate's Zip; each entry's data is deflated by Node's zlib at level 9 (./deflate.ts).
 */
import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { Zip, type ZipInputFile } from "fflate";
import { deflate, type Deflated } from "./deflate.ts";

/** The general-purpose flag fflate's ZipDeflate sets for level 9 ("maximum compression"), as the entries are. */
const LEVEL_9_FLAG = 1;
/** About a dozen pages a batch. */
const BATCH_BYTES = 512 * 1024;

export class DeferredZip {
  /** None when the files are deflated in the calling thread. */
  readonly #worker: Worker | undefined;
  readonly #names = new Set<string>();
  readonly #done = new Map<string, Deflated>();
  readonly #pending = new Map<number, string>();
  /** Files not yet posted: handing them over in batches keeps the cost per message (about 0.2 ms) small. */
  #batch: { id: number; data: Uint8Array }[] = [];
  #batchBytes = 0;
  #transfer: ArrayBuffer[] = [];
  #next = 0;
  #failed: Error | undefined;
  #settled: (() => void) | undefined;

  /**
   * `inThread`: deflate each file as it is added, in the calling thread, instead of in a worker of its own (for a
   * caller that is itself a worker thread with nothing else to do meanwhile, see copy-worker.ts).
   */
  constructor({ inThread = false }: { inThread?: boolean } = {}) {
    if (inThread) {
      this.#worker = undefined;
      return;
    }
    this.#worker = new Worker(new URL("./zip-worker.ts", import.meta.url));
    this.#worker.on("message", (results: Deflated[]) => {
      for (const result of results) {
        const name = this.#pending.get(result.id)!;
        this.#pending.delete(result.id);
        this.#done.set(name, result);
      }
      if (this.#pending.size === 0) this.#settled?.();
    });
    this.#worker.on("error", (error) => {
      this.#failed = error;
      this.#settled?.();
    });
  }

  /** The names added so far. */
  names(): string[] {
    return [...this.#names];
  }

  has(name: string): boolean {
    return this.#names.has(name);
  }

  /** Hands a file over for compression; its bytes are transferred to the worker and unusable here afterwards. */
  add(name: string, data: Uint8Array): void {
    if (this.#names.has(name)) throw new Error(`${name} was added to the zip twice`);
    this.#names.add(name);
    const id = this.#next++;
    if (!this.#worker) {
      this.#done.set(name, deflate(id, data));
      return;
    }
    this.#pending.set(id, name);
    this.#batch.push({ id, data });
    this.#batchBytes += data.byteLength;
    // Transfer the buffer when the file owns all of it; a view into a larger buffer (a Buffer from the pool) is
    // copied instead.
    if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer)
      this.#transfer.push(data.buffer);
    if (this.#batchBytes >= BATCH_BYTES) this.#flush();
  }

  #flush(): void {
    if (this.#batch.length === 0) return;
    this.#worker?.postMessage(this.#batch, this.#transfer);
    this.#batch = [];
    this.#batchBytes = 0;
    this.#transfer = [];
  }

  /**
   * Writes the zip at `path` with `entries` (each added before), in that order, each named `${folder}/${entry}` and
   * dated `mtime`; returns its size in bytes. Stops the worker.
   */
  async write(path: string, folder: string, entries: readonly string[], mtime: Date): Promise<number> {
    try {
      this.#flush();
      if (this.#pending.size > 0 && !this.#failed) await new Promise<void>((settled) => (this.#settled = settled));
      if (this.#failed) throw this.#failed;
      const fd = openSync(path, "w");
      try {
        let failed: Error | null = null;
        const zip = new Zip((error, chunk) => {
          if (error) failed = error;
          else writeSync(fd, chunk);
        });
        for (const entry of entries) {
          const deflated = this.#done.get(entry);
          if (!deflated) throw new Error(`${entry} was never added to the zip`);
          const file: ZipInputFile = {
            filename: `${folder}/${entry}`,
            size: deflated.size,
            crc: deflated.crc,
            compression: 8,
            flag: LEVEL_9_FLAG,
            mtime,
          };
          zip.add(file);
          file.ondata!(null, deflated.data as Uint8Array<ArrayBuffer>, true);
        }
        zip.end();
        if (failed) throw failed;
      } finally {
        closeSync(fd);
      }
      return statSync(path).size;
    } finally {
      await this.close();
    }
  }

  /** Stops the worker; safe to call more than once. */
  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}
