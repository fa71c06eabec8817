/**
 * A minimal static server for the built site, as a host would serve it: files under `base`, `index.html` for
 * directories, the site's 404 page for anything else. Used by the end-to-end tests and the screenshot script.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

/** Types a real host would compress; Pagefind's own index files are compressed already. */
const COMPRESSIBLE = new Set([
  ".html",
  ".css",
  ".js",
  ".mjs",
  ".json",
  ".xml",
  ".svg",
  ".txt",
  ".wasm",
  ".webmanifest",
]);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export interface StaticServer {
  origin: string;
  /** The site's root URL, with the base path. */
  root: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Waits this long before each response, like a slow connection, so a test can act while downloads run. */
  delayMs?: number;
}

export async function serve(dir: string, base = "/", { delayMs = 0 }: ServeOptions = {}): Promise<StaticServer> {
  const respond: RequestListener = (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const notFound = () => {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      const page = join(dir, "404.html");
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end("Not found");
    };
    if (!path.startsWith(base)) return notFound();
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(normalize(dir))) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) {
        res.writeHead(301, { location: `${path}/` });
        return res.end();
      }
      file = join(file, "index.html");
    }
    if (!existsSync(file)) return notFound();
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const body = gzipSync(readFileSync(file));
      res.writeHead(200, { "content-type": type, "content-encoding": "gzip", "content-length": body.length });
      return res.end(body);
    }
    res.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(res);
  };
  const server: Server = createServer((req, res) => {
    if (delayMs > 0) setTimeout(() => respond(req, res), delayMs);
    else respond(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: origin + base,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
