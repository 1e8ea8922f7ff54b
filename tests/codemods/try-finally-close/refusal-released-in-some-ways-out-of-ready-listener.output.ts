import { createClient } from 'redis';

export function run(url: string, operation: string, done: (error: unknown, value?: unknown) => void): void {
  /* leakguard-todo(try-finally-close): it is released in the listener of its own ready event on some paths only; release it in a `finally` around that listener's work */
  const client = createClient({ url });
  client.on('ready', async () => {
    try {
      if (operation === 'info') {
        done(null, await client.info());
        await client.quit();
      } else {
        done(null, await client.get(operation));
      }
    } catch (error) {
      done(error);
    }
  });
}
