import type { ResourceEntry } from './resource-entry';
import type { FactorySpecifier } from './specifiers';

const fromPackage = (pkg: string, ...names: string[]): FactorySpecifier[] =>
  names.map((name) => ({ from: 'package' as const, package: pkg, name }));

/** Resolves a promise: acquired only when awaited (`await open(p)`), never as the bare promise. */
const awaited = (factories: FactorySpecifier[]): FactorySpecifier[] =>
  factories.map((factory) => ({ ...factory, async: true }));

const streamReleases = [{ method: 'destroy' }, { method: 'close' }, { method: 'end' }] as const;

/**
 * What leakguard knows out of the box. Order matters only within one level of a type's hierarchy;
 * the most derived match wins (a pg `PoolClient` is a handle to `release()`, though it extends `Client`).
 */
export const defaultRegistry: readonly ResourceEntry[] = [
  // ---- handles: released by the scope that opened them
  {
    description: 'file handle',
    kind: 'handle',
    types: [{ from: 'package', package: 'fs/promises', name: 'FileHandle' }],
    factories: awaited(fromPackage('fs/promises', 'open')),
    releases: [{ method: 'close', async: true }],
  },
  {
    description: 'file descriptor',
    kind: 'handle',
    factories: fromPackage('fs', 'openSync'),
    releases: [
      { function: { package: 'fs', name: 'closeSync' } },
      { function: { package: 'fs', name: 'close' } },
    ],
  },
  {
    description: 'directory handle',
    kind: 'handle',
    types: [{ from: 'package', package: 'fs', name: 'Dir' }],
    factories: [...awaited(fromPackage('fs/promises', 'opendir')), ...fromPackage('fs', 'opendirSync')],
    releases: [{ method: 'close', async: true }, { method: 'closeSync' }],
  },
  {
    description: 'file stream',
    kind: 'handle',
    types: [
      { from: 'package', package: 'fs', name: 'ReadStream' },
      { from: 'package', package: 'fs', name: 'WriteStream' },
    ],
    factories: fromPackage('fs', 'createReadStream', 'createWriteStream'),
    releases: streamReleases,
  },
  {
    description: 'socket',
    kind: 'handle',
    types: [{ from: 'package', package: 'net', name: 'Socket' }],
    factories: [...fromPackage('net', 'connect', 'createConnection'), ...fromPackage('tls', 'connect')],
    releases: [{ method: 'destroy' }, { method: 'end' }, { method: 'destroySoon' }, { method: 'resetAndDestroy' }],
  },
  {
    description: 'zlib stream',
    kind: 'handle',
    types: [{ from: 'package', package: 'zlib', name: 'Zlib' }],
    factories: fromPackage(
      'zlib',
      'createGzip',
      'createGunzip',
      'createDeflate',
      'createInflate',
      'createDeflateRaw',
      'createInflateRaw',
      'createUnzip',
      'createBrotliCompress',
      'createBrotliDecompress',
    ),
    releases: [{ method: 'close' }, ...streamReleases],
  },
  {
    description: 'readline interface',
    kind: 'handle',
    types: [{ from: 'package', package: 'readline', name: 'Interface' }],
    factories: [...fromPackage('readline', 'createInterface'), ...fromPackage('readline/promises', 'createInterface')],
    releases: [{ method: 'close' }],
  },
  {
    description: 'file watcher',
    kind: 'handle',
    types: [{ from: 'package', package: 'fs', name: 'FSWatcher' }],
    factories: fromPackage('fs', 'watch'),
    releases: [{ method: 'close' }],
  },
  {
    description: 'pg pool client',
    kind: 'handle',
    types: [{ from: 'package', package: 'pg', name: 'PoolClient' }],
    factories: [{ method: 'connect', receiver: { from: 'package', package: 'pg', name: 'Pool' }, async: true }],
    releases: [{ method: 'release' }],
  },
  {
    description: 'mysql2 pool connection',
    kind: 'handle',
    types: [{ from: 'package', package: 'mysql2', name: 'PoolConnection' }],
    factories: [{ method: 'getConnection', receiver: { from: 'package', package: 'mysql2', name: 'Pool' }, async: true }],
    releases: [{ method: 'release' }],
  },
  {
    description: 'worker thread',
    kind: 'handle',
    types: [{ from: 'package', package: 'worker_threads', name: 'Worker' }],
    // Waiting for `exit` means the code already owns the worker's end.
    releases: [{ method: 'terminate', async: true }, { listener: 'exit' }],
  },

  // ---- clients: connection-owning, long-lived (no-client-per-call); listed here so handles
  // acquired from them (`pool.connect()`) are recognised without type information.
  {
    description: 'pg pool',
    kind: 'client',
    types: [{ from: 'package', package: 'pg', name: 'Pool' }],
    releases: [{ method: 'end', async: true }],
  },
  {
    description: 'pg client',
    kind: 'client',
    types: [{ from: 'package', package: 'pg', name: 'Client' }],
    releases: [{ method: 'end', async: true }],
  },
  {
    description: 'mysql2 pool',
    kind: 'client',
    types: [{ from: 'package', package: 'mysql2', name: 'Pool' }],
    factories: [...fromPackage('mysql2', 'createPool'), ...fromPackage('mysql2/promise', 'createPool')],
    releases: [{ method: 'end', async: true }],
  },
];
