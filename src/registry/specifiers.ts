/**
 * How the registry names a type or a function: by where it is declared, like typescript-eslint's
 * TypeOrValueSpecifier, so that a user's `class BillingClient extends grpc.Client` or a generated
 * subclass matches through its base classes. Package names match exactly (`grpc` does not match
 * `@grpc/grpc-js`); node built-ins match with or without the `node:` prefix.
 */
export type DeclarationSpecifier =
  | { readonly from: 'package'; readonly package: string; readonly name: string }
  | { readonly from: 'lib'; readonly name: string }
  | { readonly from: 'file'; readonly name: string; readonly path?: string };

/** A call that produces a resource: an exported function or class of a package, or a method on a resource type. */
export type FactorySpecifier =
  /** `async`: the call resolves a promise, so only `await call()` acquires. */
  | { readonly from: 'package'; readonly package: string; readonly name: string; readonly async?: boolean }
  | { readonly method: string; readonly receiver: DeclarationSpecifier; readonly async?: boolean };

/** How a resource is given back: a method on it (`fh.close()`), or a function taking it (`fs.closeSync(fd)`). */
export type ReleaseSpecifier =
  | { readonly method: string; readonly async?: boolean }
  | { readonly function: { readonly package: string; readonly name: string }; readonly async?: boolean }
  /** Registering a listener for this event hands the resource's end to that listener (e.g. a Worker's `exit`). */
  | { readonly listener: string };

export function stripNodePrefix(moduleName: string): string {
  return moduleName.startsWith('node:') ? moduleName.slice('node:'.length) : moduleName;
}

/**
 * Drop-in replacements of Node's `fs` that re-export all of it under the same names (fs-extra adds
 * helpers, graceful-fs queues `open` calls on EMFILE; mz/fs and fs-promise return a promise where no
 * callback is given): `fs.createReadStream` from any of them opens the same file stream, and the
 * registry's `fs` entries apply. `await fsp.open(path)` resolves to the descriptor `fs.open`'s
 * callback receives, which is what the awaited `fs.open` factory describes; a bare promise of one
 * acquires nothing until it is awaited or continued.
 */
const FS_DROP_INS: ReadonlySet<string> = new Set(['fs-extra', 'graceful-fs', 'mz/fs', 'fs-promise']);

/** `fs` + `promises.open` and `fs/promises` + `open` name the same function; fs-extra's `createReadStream` is fs's. */
export function canonicalModulePath(moduleName: string, path: readonly string[]): { module: string; path: string[] } {
  const stripped = stripNodePrefix(moduleName);
  const module = FS_DROP_INS.has(stripped) ? 'fs' : stripped;
  if (path[0] === 'promises' && (module === 'fs' || module === 'dns' || module === 'stream' || module === 'readline')) {
    return { module: `${module}/promises`, path: path.slice(1) };
  }
  return { module, path: [...path] };
}

/**
 * Module functions that return the module itself: `require('sqlite3').verbose()` is sqlite3 with long
 * stack traces (its README's first line), so `new sqlite3.Database(file)` after it is sqlite3's.
 */
const MODULE_RETURNING_FUNCTIONS: ReadonlyMap<string, readonly string[]> = new Map([['sqlite3', ['verbose']]]);

/** Does calling `path` of `moduleName` (with no arguments) give back the module itself? */
export function returnsItsModule(moduleName: string, path: readonly string[]): boolean {
  return path.length === 1 && (MODULE_RETURNING_FUNCTIONS.get(moduleName)?.includes(path[0]) ?? false);
}
