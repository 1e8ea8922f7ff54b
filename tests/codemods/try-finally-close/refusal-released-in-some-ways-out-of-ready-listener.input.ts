import { createClient } from 'redis';

export function run(url: string, operation: string, done: (error: unknown, value?: unknown) => void): void {
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
