/**
 * The environment for an Astro child process. Test runners export Vite's own variables (BASE_URL, MODE, PROD…),
 * NODE_ENV=test and VITEST*; Astro would read them in place of its config and change how its Vite set-up behaves,
 * so a build or dev server started from a test starts from an environment without them, like an editor's.
 */
const RUNNER_VARIABLES = new Set(["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "TEST"]);

export function astroEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith("VITEST") && !RUNNER_VARIABLES.has(k)));
}
