import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A helper of the file that only reads the handle gives it back: until the real hand-off (stored,
 * returned) the function still owns it, and a throw out of the helper leaves it open (actor-ts's
 * worker after a failed handshake).
 */
const valid = [
  {
    name: 'stored in a registry and returned: two keepers, no loan',
    code: `
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const roots: string[] = [];
export function scratchRoot(prefix: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  roots.push(root);
  return root;
}`,
  },
  {
    name: 'given to a function and registered after the try that terminates it on failure',
    code: `
import { Worker } from 'node:worker_threads';
interface Broker {
  register(address: string, worker: Worker): void;
}
declare function handshake(worker: Worker): Promise<void>;
export async function spawnOne(broker: Broker, address: string, file: URL): Promise<void> {
  const worker = new Worker(file);
  try {
    await handshake(worker);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  broker.register(address, worker);
}`,
  },
  {
    name: 'read by a helper inside the try whose catch closes it, then stored',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
const registry: FileHandle[] = [];
async function readHeader(handle: FileHandle): Promise<number> {
  const { bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
  return bytesRead;
}
export async function track(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await readHeader(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  registry.push(handle);
}`,
  },
];

const invalid = [
  {
    name: 'given to a function that can reject before it is registered (actor-ts)',
    code: `
import { Worker } from 'node:worker_threads';
interface Broker {
  register(address: string, worker: Worker): void;
}
declare function handshake(worker: Worker): Promise<void>;
export async function spawnOne(broker: Broker, address: string, file: URL): Promise<void> {
  const worker = new Worker(file);
  await handshake(worker);
  broker.register(address, worker);
}`,
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 8,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: `
import { Worker } from 'node:worker_threads';
interface Broker {
  register(address: string, worker: Worker): void;
}
declare function handshake(worker: Worker): Promise<void>;
export async function spawnOne(broker: Broker, address: string, file: URL): Promise<void> {
  const worker = new Worker(file);
  try {
    await handshake(worker);
    broker.register(address, worker);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'read by a helper that can throw before it is stored',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
const registry: FileHandle[] = [];
async function readHeader(handle: FileHandle): Promise<number> {
  const { bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
  return bytesRead;
}
export async function track(path: string): Promise<void> {
  const handle = await open(path, 'r');
  await readHeader(handle);
  registry.push(handle);
}`,
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 9,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: `
import { open, type FileHandle } from 'node:fs/promises';
const registry: FileHandle[] = [];
async function readHeader(handle: FileHandle): Promise<number> {
  const { bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
  return bytesRead;
}
export async function track(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await readHeader(handle);
    registry.push(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (borrowed before a hand-off, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (borrowed before a hand-off, untyped)', rule, { valid, invalid });
