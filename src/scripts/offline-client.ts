/**
 * The pages' questions to the service worker (src/scripts/service-worker.ts), which alone knows what is on the
 * device: each question goes over its own message channel and resolves with the worker's answer.
 */
export type WorkerQuestion =
  /** How many search index fetches have failed so far, as `<worker instance>:<count>`. */
  | { type: "search-misses" }
  /** For each address, whether its page opens offline. */
  | { type: "on-device"; urls: string[] };

/** An answer comes in milliseconds; a worker from an older build may not know the question. */
const PATIENCE_MS = 2000;

async function ask<T>(question: WorkerQuestion): Promise<T | undefined> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return undefined;
  const channel = new MessageChannel();
  const answer = new Promise<T | undefined>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<T>) => resolve(event.data);
    setTimeout(() => resolve(undefined), PATIENCE_MS);
  });
  worker.postMessage(question, [channel.port2]);
  return answer;
}

/**
 * A token that changes whenever a search index fetch fails (Pagefind carries on without the chunk, so its results
 * alone cannot tell an empty answer from a missing index). Without a worker, nothing is ever served from the device.
 */
export async function searchMisses(): Promise<string> {
  return (await ask<string>({ type: "search-misses" })) ?? "";
}

/** Which of these addresses open offline. Without a worker, none do. */
export async function onDevice(urls: string[]): Promise<boolean[]> {
  if (urls.length === 0) return [];
  return (await ask<boolean[]>({ type: "on-device", urls })) ?? urls.map(() => false);
}
