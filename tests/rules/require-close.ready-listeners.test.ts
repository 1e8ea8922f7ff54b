import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A client whose work runs in the listener of its own ready event (`client.on('ready', …)`) and that
 * is released only there: the listener must release it on every way out. Binding one of its own
 * methods to it (`promisify(client.get).bind(client)`) is a call on it, not a hand-off.
 */
const valid = [
  {
    name: 'the ready listener quits the client in a finally, whatever the operation',
    code: `
import { createClient } from 'redis';
export function run(url: string, key: string, done: (error: unknown, value?: string | null) => void): void {
  const client = createClient({ url });
  client.on('ready', async () => {
    try {
      done(null, await client.get(key));
    } catch (error) {
      done(error);
    } finally {
      await client.quit();
    }
  });
}`,
  },
];

const invalid = [
  {
    name: 'the ready listener quits the client after one operation and leaves it open after the others',
    code: `
import { createClient } from 'redis';
import { promisify } from 'node:util';
export function run(url: string, operation: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const client = createClient({ url });
    client.on('error', (error: Error) => reject(error));
    client.on('ready', async () => {
      try {
        if (operation === 'info') {
          resolve(await client.info());
          await client.quit();
        } else {
          const get = promisify((client as any).get).bind(client);
          resolve(await get(operation));
        }
      } catch (error) {
        reject(error);
      }
    });
  });
}`,
    errors: [{ messageId: 'notReleasedOnEveryPath' as const, line: 6 }],
  },
];

typedRuleTester().run('require-close (released in its ready listener, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (released in its ready listener, untyped)', rule, { valid, invalid });
