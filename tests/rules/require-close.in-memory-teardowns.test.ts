import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A package's value that the registry does not know and the function ends with `destroy()`: the name
 * ends in-memory objects (a Yjs document, a feature-flag evaluator) as often as handles, so the value
 * is judged on the paths the code takes — a `return` that skips the teardown — and not on exceptions,
 * which leave such an object to the garbage collector (hocuspocus' scratch `Y.Doc`, growthbook's
 * in-memory `GrowthBook`). A value ended by `dispose()` (subscriptions on longer-lived emitters,
 * WebAssembly memory), `close()`, `end()`, `quit()` … still is. Same verdicts in both modes (the
 * packages' types are not installed).
 */
const valid = [
  {
    name: 'a scratch document destroyed in the finally, a constructor call before the try (hocuspocus)',
    code: `
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
export function applyScratch(update: Uint8Array, apply: (doc: unknown, awareness: unknown) => void): void {
  const scratchDoc = new Y.Doc();
  const awareness = new Awareness(scratchDoc);
  try {
    apply(scratchDoc, awareness);
  } finally {
    awareness.destroy();
    scratchDoc.destroy();
  }
}`,
  },
];

const invalid = [
  {
    name: 'an early return skips the destroy',
    code: `
import * as Y from 'yjs';
export function sizeOf(update: Uint8Array, limit: number): number {
  const doc = new Y.Doc();
  doc.getMap('root').set('update', update);
  if (update.length > limit) return -1;
  const size = doc.getMap('root').size;
  doc.destroy();
  return size;
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import * as Y from 'yjs';
export function sizeOf(update: Uint8Array, limit: number): number {
  const doc = new Y.Doc();
  try {
    doc.getMap('root').set('update', update);
    if (update.length > limit) return -1;
    const size = doc.getMap('root').size;
    return size;
  } finally {
    doc.destroy();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a watcher disposed only after the navigation settles: its listeners stay on the session (puppeteer)',
    code: `
import { Watcher } from 'navigation-watch';
export async function navigate(url: string, check: (url: string) => void): Promise<unknown> {
  const watcher = new Watcher(url);
  check(url);
  try {
    return await watcher.response();
  } finally {
    watcher.dispose();
  }
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        suggestions: [
          {
            messageId: 'moveIntoTry' as const,
            output: `
import { Watcher } from 'navigation-watch';
export async function navigate(url: string, check: (url: string) => void): Promise<unknown> {
  const watcher = new Watcher(url);
  try {
    check(url);
    return await watcher.response();
  } finally {
    watcher.dispose();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client ended by close() only after the transfer succeeds',
    code: `
import * as ftp from 'basic-ftp';
export async function upload(path: string): Promise<void> {
  const client = new ftp.Client();
  await client.access({ host: 'ftp.example.com' });
  await client.uploadFrom(path, 'remote.bin');
  client.close();
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import * as ftp from 'basic-ftp';
export async function upload(path: string): Promise<void> {
  const client = new ftp.Client();
  try {
    await client.access({ host: 'ftp.example.com' });
    await client.uploadFrom(path, 'remote.bin');
  } finally {
    client.close();
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (in-memory teardowns, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (in-memory teardowns, untyped)', rule, { valid, invalid });
