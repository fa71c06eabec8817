/**
 * The offline copy made page by page in a worker thread of the build's process (./post-render.ts): the pages Astro
 * streams are rewritten (htmlparser2) and compressed here, while the build's main thread only passes them on.
 *
 * In a thread of its own because of memory, not time: the build's memory peaks while the pages render, and parsing
 * every page makes garbage fast. With the pages parsed on the build's main thread, V8 let that heap grow to 165 MB
 * for 67 MB of live objects (most of the difference its young generation), and the build's process held 300–340 MB
 * at the end of rendering at 1,000 articles, against about 60 MB when the copy was made only after the pages. A
 * worker's young generation can be bounded (`resourceLimits`), and this thread also compresses the pages itself,
 * one thread fewer than a compressor of its own: 200–205 MB, in two builds of each.
 *
 * Plain TypeScript that erases to JavaScript, so that Node's own type stripping runs the worker, as it runs the build.
 */
import { parentPort, workerData } from "node:worker_threads";
import { OfflineCopy, type CopyOptions, type OfflineCopyResult } from "./offline-copy.ts";

export interface CopyWorkerInput {
  siteDir: string;
  options: CopyOptions;
}

/** What the build's thread sends: a page, or the word to finish (or to stop without writing). */
export type CopyRequest = { type: "page"; file: string; html: string } | { type: "finish" } | { type: "close" };

/** What this thread answers to `finish`. */
export type CopyReply = { ok: true; result: OfflineCopyResult } | { ok: false; error: string };

if (parentPort) {
  const port = parentPort;
  const { siteDir, options } = workerData as CopyWorkerInput;
  // This thread compresses too: one thread less to hold in memory, and no other work waits for it meanwhile.
  const copy = new OfflineCopy(siteDir, options, { inThread: true });
  // The first page that could not be copied: the copy fails with it when it is finished.
  let failed: string | undefined;
  port.on("message", (request: CopyRequest) => {
    if (request.type === "page") {
      try {
        if (failed === undefined) copy.addPage(request.file, request.html);
      } catch (error) {
        failed = `${request.file}: ${(error as Error).message}`;
      }
      return;
    }
    if (request.type === "close") return void copy.close().then(() => port.close());
    if (failed !== undefined) return port.postMessage({ ok: false, error: failed } satisfies CopyReply);
    copy
      .finish(() => new Promise((resume) => setImmediate(resume)))
      .then(
        (result) => port.postMessage({ ok: true, result } satisfies CopyReply),
        (error: unknown) => port.postMessage({ ok: false, error: (error as Error).message } satisfies CopyReply),
      );
  });
}
