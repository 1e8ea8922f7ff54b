import type { TSESTree } from '@typescript-eslint/utils';

/** Replace a client made per call by one lazily created module-level client (`singleton-client`). */
export interface SingletonClientPlan {
  readonly kind: 'singleton-client';
  /** The `new X(…)` or factory call that runs per call; its text moves into the getter. */
  readonly acquisition: TSESTree.Node;
  /**
   * The text the getter creates the client with: the acquisition's, with function-local constants
   * computed from module-level values only (`const url = \`mongodb://${config.host}\``) written out.
   */
  readonly acquisitionText: string;
  /**
   * The arguments depend on values of the call (a server from the caller, a connection string from
   * configuration): one client per distinct value, kept in a module-level `Map` by the getter, which
   * takes those values' variables as parameters. In TypeScript the parameters keep the annotations
   * their declarations wrote (`parameterTypes`, `server: ServerConfig`) and the map is typed by `keyType`.
   */
  readonly keyed?: {
    readonly parameters: readonly string[];
    readonly key: string;
    readonly multiple: boolean;
    readonly parameterTypes: readonly string[] | undefined;
    readonly keyType: string | undefined;
  };
  /** Those constants' declarations, when nothing else reads them: they go with the per-call client. */
  readonly inlinedDeclarations: readonly TSESTree.VariableDeclaration[];
  /**
   * The site awaits it (`await MongoClient.connect(url)`): the module keeps the promise, the getter
   * returns it (forgetting a rejected one so the next call retries), and the site awaits the getter.
   */
  readonly awaited: boolean;
  /**
   * The function connected the client itself (`const c = new Client(); await c.connect()`), and its
   * `connect()` rejects a second call: the getter's promise makes, sets up and connects the client
   * once (`acquisitionText` is that async function, called), and the site becomes `await getX()`.
   */
  readonly connectsOnce?: true;
  /**
   * The site received the client in a callback (`MongoClient.connect(url, (err, db) => …)`): the getter
   * keeps the promise form's client, and the site, up to its callback, becomes
   * `callbackify(() => getX(url))(` so that the same callback receives it.
   */
  readonly deliversToCallback?: true;
  /** The module-level statement the shared declarations go above (with its leading comments). */
  readonly anchor: TSESTree.Node;
  readonly names: { readonly variable: string; readonly getter: string; readonly closer: string };
  /** The file already declares this getter (a second site of the same client): only the site changes. */
  readonly reuse: boolean;
  /** TypeScript: the client's type for `let x: <type> | undefined`; undefined in JavaScript. */
  readonly typeText: string | undefined;
  /**
   * The registry's release, called by the exported `close<Name>()`. Undefined for a client leakguard
   * knows no close method of (a project's own model class that opens a pool in its constructor): one
   * shared instance for the process still ends the per-call connections, and no closer is written.
   */
  readonly release: { readonly method: string; readonly async: boolean } | undefined;
  readonly site: SingletonClientSite;
  /** The per-call release statements to delete: closing a shared client breaks every other caller. */
  readonly removals: readonly TSESTree.ExpressionStatement[];
  /**
   * Picks of destructuring patterns that only what the plan removes read: the caller's pick of a
   * client a factory returned inside an object (`client` in `const { collection, client } = await
   * getCollection(…)`, read only by its removed closes), and locals that keyed the map as the paths
   * they pick out (`databaseUri` in `const { databaseUri } = connection`, read only by the
   * acquisition). They go from their patterns; a pattern would never be left empty.
   */
  readonly unusedPicks?: readonly TSESTree.Property[];
  readonly moduleSystem: 'esm' | 'commonjs';
  readonly semicolons: boolean;
}

export type SingletonClientSite =
  /** `const c = new X()` first in a named function: becomes a trailing parameter `c = getX()`. */
  | { readonly kind: 'parameter'; readonly declaration: TSESTree.VariableDeclaration; readonly function: TSESTree.FunctionLike; readonly parameter: string }
  /** In an instance method: `const c = this.<field>`, the field initialised from the getter. */
  | {
      readonly kind: 'field';
      readonly initializer: TSESTree.Node;
      readonly classBody: TSESTree.ClassBody;
      readonly field: string;
      /** The class already has a field initialised from this getter (another method's site): only the site changes. */
      readonly existing: boolean;
    }
  /**
   * Made from the instance's own state in one of its methods: the acquisition becomes
   * `(this.<field> ??= …)`, the class gets the field and a `close<Field>()` method; nothing at module level.
   */
  | { readonly kind: 'per-instance'; readonly classBody: TSESTree.ClassBody; readonly field: string }
  /**
   * Made in a callback from values fixed when the callback was made (a router factory's `config`): a
   * `let` in the function that made the callback holds one client, filled on first use
   * (`(client ??= getClient(config))`), declared right above the statement that holds the callback.
   */
  | { readonly kind: 'closure-slot'; readonly before: TSESTree.Node; readonly name: string }
  /**
   * The file keeps clients in a map it looks up first elsewhere (`this.clients.get(name) ||
   * this.createClient(name)`), but this call goes straight to the creating function: it becomes
   * `(this.clients.get(name) ?? this.createClient(name))`. Nothing else changes.
   */
  | { readonly kind: 'look-up-first'; readonly call: TSESTree.CallExpression; readonly text: string }
  /**
   * A local function that looks `map.has(key)` up first returns a wrapper built around a new client
   * without storing it (`return new RateLimiterRedis({ storeClient })`): the `return` becomes
   * `const <name> = <value>; <map>.set(<key>, <name>); return <name>;` (see keep-wrapper-in-cache).
   */
  | { readonly kind: 'keep-in-cache'; readonly statement: TSESTree.ReturnStatement; readonly value: string; readonly name: string; readonly map: string; readonly key: string }
  /** Anywhere else (callbacks, loop bodies): the acquisition becomes `getX()`. */
  | { readonly kind: 'in-place' };
