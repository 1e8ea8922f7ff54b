export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    /* leakguard-todo(cleanup-on-close): the codemod cannot tell where this work ends: call `signal.removeEventListener('abort', onAbort)` (keep the listener in a variable `onAbort` first) when the call settles: where the promise it hands back is resolved and rejected (a `finally` here would run before that) */
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
