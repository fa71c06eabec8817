/**
 * One file deflated for the offline copy's zip: a raw DEFLATE stream from Node's zlib at level 9, the same bytes
 * wherever it is deflated (in the compressor's worker thread, ./zip-worker.ts, or in the thread that makes the zip,
 * ./zip.ts) and from build to build on the Node the project pins (its zlib decides the bytes).
 *
 * Node's zlib, not fflate's deflate: over the 1,985 pages of the 1,000-article desk it took 0.87–0.91 s against
 * fflate's 1.36–1.93 s at the same level, and wrote 12.16 MB against 12.51 MB (two passes over the built pages, one
 * process, alternating).
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface Deflated {
  id: number;
  /** The raw DEFLATE stream. */
  data: Uint8Array;
  crc: number;
  size: number;
}

/** One file deflated at level 9. */
export function deflate(id: number, data: Uint8Array): Deflated {
  const out = deflateRawSync(data, { level: constants.Z_BEST_COMPRESSION });
  return { id, data: out, crc: crc32(data), size: data.length };
}
