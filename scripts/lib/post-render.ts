/**
 * What the build makes from the rendered pages: the offline copy, made while Astro renders, and the search index,
 * made once it is done (scripts/build.ts).
 *
 * The render stage streams each page it renders (./page-stream.ts), and the copy takes it at once (in a worker thread,
 * ./copy-worker.ts, which rewrites it and has it compressed) on the machine's other core, which page rendering leaves
 * mostly idle. Once Astro is done, the copy adds what was not streamed (pages restored from the incremental
 * cache, and every file that is not a page) and is written, while Pagefind indexes the site, both as before.
 *
 * Pagefind is not given pages as they come: at 10,000 articles its stage after rendering took as long that way
 * (32.7 s against 32.3 s, one build each; writing the index is most of it), and it numbers pages in the order it
 * reads them, so they would have to come in one fixed order for the index to be the same from build to build.
 *
 * A streamed page is trusted only as the page on the disk. Should the render stage report a page rewritten after it
 * was streamed, a page streamed twice, or a streamed page not on the disk, the copy is made again from the disk, as
 * the build made it before it streamed pages, and `finish` says why. (The Updated stamp, the one step that rewrites
 * pages after Astro, leaves the rendered ones alone, so the first of these is a guard on that contract.)
 */
import { Worker } from "node:worker_threads";
import type { CopyReply, CopyRequest, CopyWorkerInput } from "./copy-worker.ts";
import { buildOfflineCopy, type CopyOptions, type OfflineCopyResult } from "./offline-copy.ts";
import type { StreamedPage } from "./page-stream.ts";
import { listFiles } from "./pages.ts";
import { buildSearchIndex, PAGEFIND_BODY, type SearchIndexResult } from "./search-index.ts";

export interface PostRenderResult {
  search: PromiseSettledResult<SearchIndexResult>;
  copy: PromiseSettledResult<OfflineCopyResult>;
  /** Pages the copy took while Astro rendered. */
  streamed: number;
  /** Why the streamed pages were set aside and the copy was made from the disk, if it was. */
  remade?: string;
}

type Timed = <T>(stage: "pagefind" | "offlineCopy", run: () => Promise<T>) => Promise<T>;

/** The young generation of the copy's thread, in MB: its garbage is collected early (see copy-worker.ts). */
const YOUNG_GENERATION_MB = 8;

/** The copy, made in its worker thread: pages go in as they come; `finish` waits for the zip. */
class CopyWorker {
  readonly #worker: Worker;
  readonly #ended: Promise<CopyReply>;

  constructor(input: CopyWorkerInput) {
    this.#worker = new Worker(new URL("./copy-worker.ts", import.meta.url), {
      workerData: input,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.#ended = new Promise((done) => {
      this.#worker.once("message", done);
      this.#worker.once("error", (error) => done({ ok: false, error: error.message }));
      this.#worker.once("exit", (code) => done({ ok: false, error: `the copy's thread stopped (exit code ${code})` }));
    });
  }

  #send(request: CopyRequest): void {
    this.#worker.postMessage(request);
  }

  addPage(file: string, html: string): void {
    this.#send({ type: "page", file, html });
  }

  async finish(): Promise<OfflineCopyResult> {
    this.#send({ type: "finish" });
    const reply = await this.#ended;
    await this.#worker.terminate();
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

export class PostRender {
  readonly #siteDir: string;
  readonly #copy: CopyWorker;
  readonly #options: CopyOptions;
  /** The pages streamed, and whether each carries data-pagefind-body (so the search index need not read it again). */
  readonly #streamed = new Map<string, boolean>();
  #problem: string | undefined;

  constructor(siteDir: string, options: CopyOptions) {
    this.#siteDir = siteDir;
    this.#options = options;
    this.#copy = new CopyWorker({ siteDir, options });
  }

  /** Takes a page as Astro renders it. */
  take({ file, html }: StreamedPage): void {
    if (this.#problem !== undefined) return;
    if (this.#streamed.has(file)) {
      this.#problem = `${file} was rendered twice`;
      return;
    }
    this.#streamed.set(file, html.includes(PAGEFIND_BODY));
    this.#copy.addPage(file, html);
  }

  /**
   * Once Astro has written every page (`rewritten`: those changed on the disk since, see updated-stamp.ts): indexes
   * the site and finishes the copy, side by side. Neither reads what the other writes (Pagefind indexes HTML, not the
   * zip; the copy leaves pagefind/ out).
   */
  async finish(rewritten: readonly string[], timed: Timed = (_, run) => run()): Promise<PostRenderResult> {
    const siteDir = this.#siteDir;
    const onDisk = new Set(listFiles(siteDir));
    this.#problem ??=
      [...this.#streamed.keys()].find((f) => !onDisk.has(f))?.replace(/^/, "not on the disk: ") ??
      rewritten.find((f) => this.#streamed.has(f))?.replace(/^/, "rewritten after it was rendered: ");
    const remade = this.#problem;
    if (remade !== undefined) await this.#copy.close();
    const [search, copy] = await Promise.allSettled([
      // Where the streamed pages cannot be trusted, every page is read again from the disk.
      timed("pagefind", () => buildSearchIndex(siteDir, remade === undefined ? this.#streamed : new Map())),
      timed("offlineCopy", () =>
        remade === undefined ? this.#copy.finish() : buildOfflineCopy(siteDir, this.#options),
      ),
    ]);
    return { search, copy, streamed: this.#streamed.size, ...(remade === undefined ? {} : { remade }) };
  }

  /** Stops the copy's thread without writing anything (the build failed). */
  close(): Promise<void> {
    return this.#copy.close();
  }
}
