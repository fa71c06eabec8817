/**
 * One file deflated exactly as fflate's ZipDeflate does (one Deflate stream, level 9, the whole file pushed as its
 * last chunk), so the zip's bytes are the same wherever it is deflated: in the compressor's worker thread
 * (./zip-worker.ts) or in the thread that makes the zip (./zip.ts).
 */
import { crc32 } from "node:zlib";
import { Deflate, deflateSync } from "fflate";

export interface Deflated {
  id: number;
  /** The raw DEFLATE stream. */
  data: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Up to this size, ZipDeflate's stream takes a file in one piece, and its output is exactly deflateSync's, which
 * does less work (about a third less over a site's pages); larger files are split by the stream, so they go through
 * it, as ZipDeflate would.
 */
const ONE_PIECE = 65_536;

/** One file deflated as ZipDeflate would. */
export function deflate(id: number, data: Uint8Array): Deflated {
  if (data.length <= ONE_PIECE) {
    const out = deflateSync(data, { level: 9 });
    return { id, data: out, crc: crc32(data), size: data.length };
  }
  const parts: Uint8Array[] = [];
  new Deflate({ level: 9 }, (chunk) => parts.push(chunk)).push(data, true);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return { id, data: out, crc: crc32(data), size: data.length };
}
