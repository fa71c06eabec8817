// Adds lockfile entries for other platforms' optional binaries (macOS, Windows, ARM…) that this workplace's npm
// registry mirror does not serve. npm install leaves them out when it cannot fetch them, and npm ci then refuses
// the lockfile as out of sync. The entries carry os/cpu, so npm never fetches them on a platform they do not fit.
// Run after any `npm install` that rewrites package-lock.json: node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const platform = (name) => {
  const os = /darwin/.test(name)
    ? "darwin"
    : /win32|windows/.test(name)
      ? "win32"
      : /android/.test(name)
        ? "android"
        : /freebsd/.test(name)
          ? "freebsd"
          : /wasi|wasm/.test(name)
            ? undefined
            : "linux";
  const cpu = /arm64|aarch64/.test(name)
    ? "arm64"
    : /wasm32/.test(name)
      ? "wasm32"
      : /x64/.test(name)
        ? "x64"
        : undefined;
  const libc = /musl/.test(name) ? "musl" : /gnu/.test(name) ? "glibc" : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
};
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (lock.packages[key] || lock.packages[nested]) continue;
    lock.packages[key] = { version, optional: true, ...platform(name) };
    added++;
  }
}
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries`);
