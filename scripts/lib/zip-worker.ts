/**
 * The offline copy's compressor (./zip.ts), in a worker thread so that deflating the copy runs on another core while
 * the build's main thread rewrites pages (./deflate.ts: the same bytes as if it were made in one thread). Plain
 * TypeScript that erases to JavaScript, so that Node's own type stripping runs the worker, as it runs the build.
 */
import { parentPort } from "node:worker_threads";
import { deflate } from "./deflate.ts";

parentPort?.on("message", (batch: { id: number; data: Uint8Array }[]) => {
  // Each result in a buffer of its own, to be transferred: zlib's may not be transferable (it may be pooled).
  const results = batch.map(({ id, data }) => {
    const deflated = deflate(id, data);
    return { ...deflated, data: new Uint8Array(deflated.data) };
  });
  parentPort?.postMessage(
    results,
    results.map((r) => r.data.buffer as ArrayBuffer),
  );
});
