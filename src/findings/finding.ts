import type { TSESTree } from '@typescript-eslint/utils';

/**
 * A detector's verdict on one site. Rules report it; codemods apply its `remedy` when it is a plan
 * and explain it when it is a refusal. Detection is never written twice.
 */
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  /** The node the report points at; its range locates the site for the codemod too. */
  readonly node: TSESTree.Node;
  readonly data: Readonly<Record<string, string>>;
  readonly remedy: Remedy;
}

export type Remedy = FixPlan | Refusal;

/** Why the paired codemod leaves this finding alone; shown in the report and as a marker comment. */
export interface Refusal {
  readonly kind: 'refusal';
  readonly reason: string;
}

/** Move the statements after an acquisition into `try { … } finally { <release> }`, or declare it with `using`. */
export interface WrapInTryFinallyPlan {
  readonly kind: 'wrap-in-try-finally';
  /** The `const x = acquire()` statement. */
  readonly declaration: TSESTree.VariableDeclaration;
  /** First and last statement (same statement list as `declaration`) that the `try` block covers. */
  readonly first: TSESTree.Statement;
  readonly last: TSESTree.Statement;
  /** Existing release statements that the `finally` replaces (a second close could close a reused fd). */
  readonly removals: readonly TSESTree.ExpressionStatement[];
  /** The release statement, e.g. `await fh.close();`. */
  readonly release: string;
  /** Typed mode: the handle's type implements disposal, so `using`/`await using` can replace the `try`. */
  readonly disposal: 'async' | 'sync' | undefined;
  /** Whether the owning function is async (`await using` needs it). */
  readonly inAsyncFunction: boolean;
}

/** Replace a client made per call by one lazily created module-level client (`singleton-client`). */
export interface SingletonClientPlan {
  readonly kind: 'singleton-client';
  /** The `new X(…)` or factory call that runs per call; its text moves into the getter. */
  readonly acquisition: TSESTree.Node;
  /** The module-level statement the shared declarations go above (with its leading comments). */
  readonly anchor: TSESTree.Node;
  readonly names: { readonly variable: string; readonly getter: string; readonly closer: string };
  /** The file already declares this getter (a second site of the same client): only the site changes. */
  readonly reuse: boolean;
  /** TypeScript: the client's type for `let x: <type> | undefined`; undefined in JavaScript. */
  readonly typeText: string | undefined;
  /** The registry's release, called by the exported `close<Name>()`. */
  readonly release: { readonly method: string; readonly async: boolean };
  readonly site: SingletonClientSite;
  /** The per-call release statements to delete: closing a shared client breaks every other caller. */
  readonly removals: readonly TSESTree.ExpressionStatement[];
  readonly moduleSystem: 'esm' | 'commonjs';
  readonly semicolons: boolean;
}

export type SingletonClientSite =
  /** `const c = new X()` first in a named function: becomes a trailing parameter `c = getX()`. */
  | { readonly kind: 'parameter'; readonly declaration: TSESTree.VariableDeclaration; readonly function: TSESTree.FunctionLike; readonly parameter: string }
  /** In an instance method: `const c = this.<field>`, the field initialised from the getter. */
  | { readonly kind: 'field'; readonly initializer: TSESTree.Node; readonly classBody: TSESTree.ClassBody; readonly field: string }
  /** Anywhere else (callbacks, loop bodies): the acquisition becomes `getX()`. */
  | { readonly kind: 'in-place' };

/**
 * Bound a long-lived collection: a Map, Set or index-signature object becomes lru-cache's `LRUCache`
 * (records and Sets switch to its Map-like API); an array gets a trim to the newest entries after
 * each growth.
 */
export interface BoundedCachePlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'map' | 'set' | 'record' | 'array';
  /** Map/Set/record: the value that becomes `new LRUCache<K, V>({ max })`. */
  readonly construction: TSESTree.Expression;
  /** Map/Set/record: the written annotation that becomes `LRUCache<K, V>`. */
  readonly annotation: TSESTree.TypeNode | undefined;
  /** `<K, V>` for LRUCache as source text, when the file writes types. */
  readonly typeArguments: string | undefined;
  /** Set/record operations to translate to the LRUCache API (`c[k] = v` → `c.set(k, v)` …). */
  readonly translations: readonly CollectionTranslation[];
  /** Arrays: the growth statements a trim follows. */
  readonly trims: readonly ArrayTrim[];
  /** The file writes TypeScript: record reads keep their type with `!`. */
  readonly typescript: boolean;
}

export type CollectionTranslation =
  | { readonly kind: 'set'; readonly site: TSESTree.Node; readonly receiver: TSESTree.Node; readonly key: TSESTree.Node; readonly value: TSESTree.Node }
  | { readonly kind: 'get' | 'has' | 'delete'; readonly site: TSESTree.Node; readonly receiver: TSESTree.Node; readonly key: TSESTree.Node }
  | { readonly kind: 'size'; readonly site: TSESTree.Node; readonly receiver: TSESTree.Node }
  /** A Set's `.add(k)`: `.set(k, true)`. */
  | { readonly kind: 'add'; readonly site: TSESTree.CallExpression; readonly method: TSESTree.Node; readonly key: TSESTree.Node };

export interface ArrayTrim {
  readonly statement: TSESTree.ExpressionStatement;
  /** The array as the growth statement names it (`samples`, `Metrics.samples`). */
  readonly receiver: string;
  /** `push` appends (newest last); `unshift` prepends (newest first). */
  readonly newest: 'last' | 'first';
}

export type FixPlan = WrapInTryFinallyPlan | SingletonClientPlan | BoundedCachePlan;

/**
 * A finding whose remedy is planned on first read. Planning can cost more than detecting (the
 * singleton planner reads every identifier and scope of the file), and a rule that offers no
 * suggestion never reads it; the codemod reads the remedies in finding order, so plans that share
 * per-file state (names, getters) come out as if planned eagerly.
 */
export function withLazyRemedy(finding: Omit<Finding, 'remedy'>, plan: () => Remedy): Finding {
  let remedy: Remedy | undefined;
  return {
    ...finding,
    get remedy() {
      remedy ??= plan();
      return remedy;
    },
  };
}

export function isRefusal(remedy: Remedy): remedy is Refusal {
  return remedy.kind === 'refusal';
}
