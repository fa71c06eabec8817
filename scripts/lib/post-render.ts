/**
 * What the build makes from the rendered pages: the offline copy, made while Astro renders, and the search index,
 * made once it is done (scripts/build.ts).
 *
 * The render stage streams each page it renders (./page-stream.ts), and the copy takes it at once (parse5 rewrites
 * it on this process's thread, a worker thread compresses it) on the machine's other core, which page rendering
 * leaves mostly idle. Once Astro is done, the copy adds what was not streamed (pages restored from the incremental
 * cache, and every file that is not a page) and is written, while Pagefind indexes the site, both as before.
 *
 * Pagefind is not given pages as they come: at 10,000 articles its stage after rendering took as long that way
 * (32.7 s against 32.3 s, most of it writing the index), and it numbers pages in the order it reads them, which would
 * then be the order Astro finishes them in, not the same from one build to the next.
 *
 * A streamed page is trusted only as the page on the disk. Should the render stage report a page rewritten after it
 * was streamed, a page streamed twice, or a streamed page not on the disk, the copy is made again from the disk, as
 * the build made it before it streamed pages, and `finish` says why.
 */
import { buildOfflineCopy, OfflineCopy, type OfflineCopyResult } from "./offline-copy.ts";
import type { StreamedPage } from "./page-stream.ts";
import { listFiles } from "./pages.ts";
import { buildSearchIndex, type SearchIndexResult } from "./search-index.ts";

export interface PostRenderResult {
  search: PromiseSettledResult<SearchIndexResult>;
  copy: PromiseSettledResult<OfflineCopyResult>;
  /** Pages the copy took while Astro rendered. */
  streamed: number;
  /** Why the streamed pages were set aside and the copy was made from the disk, if it was. */
  remade?: string;
}

type Timed = <T>(stage: "pagefind" | "offlineCopy", run: () => Promise<T>) => Promise<T>;

export class PostRender {
  readonly #siteDir: string;
  readonly #copy: OfflineCopy;
  readonly #streamed = new Set<string>();
  #problem: string | undefined;

  constructor(siteDir: string, copy: ConstructorParameters<typeof OfflineCopy>[1]) {
    this.#siteDir = siteDir;
    this.#copy = new OfflineCopy(siteDir, copy);
  }

  /** Takes a page as Astro renders it. */
  take({ file, html }: StreamedPage): void {
    if (this.#problem !== undefined) return;
    try {
      if (this.#streamed.has(file)) throw new Error(`${file} was rendered twice`);
      this.#streamed.add(file);
      this.#copy.addPage(file, html);
    } catch (error) {
      this.#problem = (error as Error).message;
    }
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
      [...this.#streamed].find((f) => !onDisk.has(f))?.replace(/^/, "not on the disk: ") ??
      rewritten.find((f) => this.#streamed.has(f))?.replace(/^/, "rewritten after it was rendered: ");
    const remade = this.#problem;
    if (remade !== undefined) await this.#copy.close();
    const [search, copy] = await Promise.allSettled([
      timed("pagefind", () => buildSearchIndex(siteDir)),
      timed("offlineCopy", () =>
        remade === undefined
          ? this.#copy.finish(() => new Promise((resume) => setImmediate(resume)))
          : buildOfflineCopy(siteDir, this.#copy.options),
      ),
    ]);
    return { search, copy, streamed: this.#streamed.size, ...(remade === undefined ? {} : { remade }) };
  }

  /** Stops the compressor without writing anything (the build failed). */
  close(): Promise<void> {
    return this.#copy.close();
  }
}
