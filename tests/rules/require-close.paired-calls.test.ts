import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * An API that hands something out and takes it back on the same object (`pool.acquire()` /
 * `pool.release(conn)`, `mutex.acquire()` returning `release`): the function that gives it back owns
 * it, and every path out of it must give it back.
 */
const valid = [
  {
    name: 'a pooled resource given back in a finally',
    code: `
interface Pool<T> {
  acquire(): Promise<T>;
  release(resource: T): Promise<void>;
}
interface Connection {
  query(sql: string): Promise<unknown[]>;
}
export async function count(pool: Pool<Connection>): Promise<number> {
  const connection = await pool.acquire();
  try {
    const rows = await connection.query('select 1');
    return rows.length;
  } finally {
    await pool.release(connection);
  }
}`,
  },
  {
    name: 'a lock released in a finally through the function it handed out',
    code: `
interface Mutex {
  acquire(): Promise<() => void>;
}
export async function exclusive(mutex: Mutex, work: () => Promise<void>): Promise<void> {
  const release = await mutex.acquire();
  try {
    await work();
  } finally {
    release();
  }
}`,
  },
  {
    name: 'a value from a getter that is never given back',
    code: `
interface Cache {
  get(key: string): Promise<string>;
  release(key: string): void;
}
export async function read(cache: Cache, key: string): Promise<string> {
  const value = await cache.get(key);
  return value.trim();
}`,
  },
];

const invalid = [
  {
    name: 'a pooled resource given back only after the query succeeds (generic-pool)',
    code: `
interface Pool<T> {
  acquire(): Promise<T>;
  release(resource: T): Promise<void>;
}
interface Connection {
  query(sql: string): Promise<unknown[]>;
}
export async function count(pool: Pool<Connection>): Promise<number> {
  const connection = await pool.acquire();
  const rows = await connection.query('select 1');
  await pool.release(connection);
  return rows.length;
}`,
    errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: 10 }],
  },
  {
    name: 'a lock released only when the work succeeds (async-mutex)',
    code: `
interface Mutex {
  acquire(): Promise<() => void>;
}
export async function exclusive(mutex: Mutex, work: () => Promise<void>): Promise<void> {
  const release = await mutex.acquire();
  await work();
  release();
}`,
    errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: 6 }],
  },
  {
    name: 'a descriptor freed only when the write callback succeeds (filer)',
    code: `
interface Descriptors {
  allocDescriptor(file: object): number;
  releaseDescriptor(fd: number): void;
}
declare function writeData(file: object, data: string, callback: (error: Error | null) => void): void;
export function writeFile(table: Descriptors, file: object, data: string, callback: (error: Error | null) => void): void {
  const fd = table.allocDescriptor(file);
  writeData(file, data, (err2) => {
    if (err2) {
      return callback(err2);
    }
    table.releaseDescriptor(fd);
    callback(null);
  });
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 8,
        suggestions: [
          {
            messageId: 'releaseBeforeReturn' as const,
            output: `
interface Descriptors {
  allocDescriptor(file: object): number;
  releaseDescriptor(fd: number): void;
}
declare function writeData(file: object, data: string, callback: (error: Error | null) => void): void;
export function writeFile(table: Descriptors, file: object, data: string, callback: (error: Error | null) => void): void {
  const fd = table.allocDescriptor(file);
  writeData(file, data, (err2) => {
    if (err2) {
      table.releaseDescriptor(fd);
      return callback(err2);
    }
    table.releaseDescriptor(fd);
    callback(null);
  });
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (paired calls, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (paired calls, untyped)', rule, { valid, invalid });
