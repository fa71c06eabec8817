/**
 * Dev server only: article bodies are rendered with the entities' names (first mentions become links), so an edit
 * to an actor, crossing or theme must re-render every article, not just the edited file. This integration
 * invalidates each article's modules the way Astro invalidates its own content modules (an HMR invalidation in
 * every environment's module graph and module runner), and reloads the browser.
 */
import type { AstroIntegration } from "astro";
import { join, resolve, sep } from "node:path";
import { listEntries } from "../lib/content-files.ts";

interface Environment {
  moduleGraph: {
    getModulesByFile(file: string): Set<unknown> | undefined;
    invalidateModule(module: never, seen: undefined, timestamp: number, isHmr: boolean): void;
  };
  runner?: {
    evaluatedModules: {
      getModulesByFile(file: string): Set<unknown> | undefined;
      invalidateModule(module: never): void;
    };
  };
}

export default function entityReload(contentDir: string): AstroIntegration {
  const root = resolve(contentDir);
  const entityFolders = ["actors", "crossings", "places", "themes"].map((f) => `${join(root, f)}${sep}`);
  return {
    name: "briefing:entity-reload",
    hooks: {
      "astro:server:setup": ({ server, logger }) => {
        const environments = Object.values(
          (server as unknown as { environments: Record<string, Environment> }).environments,
        );
        const onChange = (file: string) => {
          if (!entityFolders.some((folder) => file.startsWith(folder))) return;
          const timestamp = Date.now();
          let count = 0;
          for (const { path } of listEntries(root, "articles")) {
            for (const environment of environments) {
              for (const module of environment.moduleGraph.getModulesByFile(path) ?? []) {
                environment.moduleGraph.invalidateModule(module as never, undefined, timestamp, true);
                count++;
              }
              for (const module of environment.runner?.evaluatedModules.getModulesByFile(path) ?? []) {
                environment.runner?.evaluatedModules.invalidateModule(module as never);
              }
            }
          }
          logger.info(`${file.slice(root.length + 1)} changed: re-rendering articles (${count} modules)`);
          server.ws.send({ type: "full-reload" });
        };
        server.watcher.add(entityFolders);
        server.watcher.on("change", onChange);
        server.watcher.on("add", onChange);
        server.watcher.on("unlink", onChange);
      },
    },
  };
}
