export class Retrier {
  readonly #queue: Array<() => void> = [];

  retry<T>(fn: () => Promise<T>, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
    // The listener lives as long as this call: aborting `settled` removes it.
    const settled = new AbortController();
    return new Promise<T>((resolve, reject) => {
      fn().then(resolve, (error: unknown) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { signal: settled.signal });
        this.#queue.push(() => void this.retry(fn, { signal }).then(resolve, reject));
        console.debug('queued for retry', error);
      });
    }).finally(() => settled.abort());
  }
}
