// humanwhocodes/retry, src/retrier.js (Retrier#retry, as published in 0.4.3): every failed call
// queued for a retry adds an `abort` listener to the caller's signal and never removes it, so one
// long-lived signal passed to many `retry()` calls keeps every attempt's task, resolve and reject
// alive until it aborts. Found by leakguard's false-positive hunt over node_modules; the after file
// is our fix (remove the listener when the call settles).
// Rule: leakguard/no-leaked-listener
export class Retrier {
  readonly #queue: Array<() => void> = [];

  retry<T>(fn: () => Promise<T>, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      fn().then(resolve, (error: unknown) => {
        signal?.addEventListener('abort', () => reject(signal.reason));
        this.#queue.push(() => void this.retry(fn, { signal }).then(resolve, reject));
        console.debug('queued for retry', error);
      });
    });
  }
}
