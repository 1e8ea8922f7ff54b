import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Fire and forget: the worker exits once it reads the `null` that ends its queue. */
export function prewarmCaches(keys: readonly string[]): void {
  const worker = new Worker(path.join(__dirname, 'prewarm-worker.js'));
  worker.unref();
  for (const key of keys) {
    worker.postMessage(key);
  }
  worker.postMessage(null);
}
