import { builtinModules } from 'node:module';
import type { ResourceEntry } from './resource-entry';
import type { DeclarationSpecifier } from './specifiers';
import { stripNodePrefix } from './specifiers';

/** The resolved registry: user entries first (they win ties), then the defaults. */
export interface Registry {
  readonly entries: readonly ResourceEntry[];
  /** Functions that take ownership of a resource passed to them (`stream.pipeline`). */
  readonly owners: readonly OwnerFunction[];
  /**
   * Functions that give gRPC calls a deadline (`grpc-call-deadline`): a client made by or passed
   * through one, a call made inside an argument of one. Absent: none.
   */
  readonly deadlineWrappers?: readonly DeadlineWrapper[];
}

/** `{ name }`: a function of that name however it is reached; with `package`, only that package's export. */
export interface DeadlineWrapper {
  readonly name: string;
  readonly package?: string;
}

export interface OwnerFunction {
  readonly package: string;
  readonly name: string;
}

export function sameDeclaration(a: DeclarationSpecifier, b: DeclarationSpecifier): boolean {
  if (a.from !== b.from || a.name !== b.name) return false;
  if (a.from === 'package' && b.from === 'package') return samePackage(a.package, b.package);
  return true;
}

/**
 * `mysql2/promise` re-exports `mysql2`'s types under the same names, so an entry point of a package
 * names the package's types. Node built-ins are separate modules (`fs/promises` is not `fs`).
 */
export function samePackage(a: string, b: string): boolean {
  const left = stripNodePrefix(a);
  const right = stripNodePrefix(b);
  if (left === right) return true;
  const root = (name: string) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
  return !isNodeBuiltin(left) && root(left) === root(right);
}

const nodeBuiltins = new Set<string>(builtinModules);

export function isNodeBuiltin(name: string): boolean {
  return nodeBuiltins.has(stripNodePrefix(name));
}

/** Destroy-on-completion consumers: they own the stream from then on, errors included. */
export const defaultOwners: readonly OwnerFunction[] = [
  { package: 'stream', name: 'pipeline' },
  { package: 'stream', name: 'finished' },
  { package: 'stream/promises', name: 'pipeline' },
  { package: 'stream/promises', name: 'finished' },
];
