/**
 * Dev server only: article bodies are rendered with the entities' names (first mentions become links), so an edit
 * to an actor, crossing or theme must re-render every article, not just the edited file. This integration drops the
 * rendered articles from Vite's module graphs when an entity file changes, and reloads the browser.
 */
import type { AstroIntegration } from "astro";
import { join, resolve, sep } from "node:path";

interface Graph {
  idToModuleMap: Map<string, unknown>;
  invalidateModule(module: never): void;
}

export default function entityReload(contentDir: string): AstroIntegration {
  const root = resolve(contentDir);
  const entityFolders = ["actors", "crossings", "themes"].map((f) => `${join(root, f)}${sep}`);
  const articles = `${join(root, "articles")}${sep}`;
  return {
    name: "briefing:entity-reload",
    hooks: {
      "astro:server:setup": ({ server, logger }) => {
        const onChange = (file: string) => {
          if (!entityFolders.some((folder) => file.startsWith(folder))) return;
          const graphs = [
            server.moduleGraph,
            ...Object.values(
              (server as unknown as { environments?: Record<string, { moduleGraph: Graph }> }).environments ?? {},
            ).map((e) => e.moduleGraph),
          ] as unknown as Graph[];
          let count = 0;
          for (const graph of graphs) {
            for (const [id, module] of graph.idToModuleMap) {
              if (id.startsWith(articles) || id.includes(`${sep}articles${sep}`)) {
                graph.invalidateModule(module as never);
                count++;
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
