import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { isEmitterListenerMethod } from '../ast/listener-methods';

/**
 * Where a promise callback runs: `p.then(onFulfilled)` only when `p` resolves; `p.then(_, onRejected)`,
 * `p.catch(f)` only when it rejects; `p.finally(f)` either way.
 */
export type ContinuationRole = 'fulfilled' | 'rejected' | 'settled';

export interface Continuation {
  readonly role: ContinuationRole;
  /** The promise the callback continues: what can reject and skip an `onFulfilled`. */
  readonly promise: Node;
  readonly callback: FunctionNode;
}

/** The promise continuation `callback` is, if it is written directly as a `then`/`catch`/`finally` argument. */
export function continuationOf(callback: FunctionNode): Continuation | undefined {
  const call = outermostWrapper(callback).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const position = (call.arguments as readonly Node[]).indexOf(outermostWrapper(callback));
  const method = staticPropertyName(call.callee);
  const promise = call.callee.object;
  if (method === 'then' && position === 0) return { role: 'fulfilled', promise, callback };
  if (method === 'then' && position === 1) return { role: 'rejected', promise, callback };
  if (method === 'catch' && position === 0) return { role: 'rejected', promise, callback };
  if (method === 'finally' && position === 0) return { role: 'settled', promise, callback };
  return undefined;
}

/**
 * Releases that run only in promise continuations of `owner` (`conn.query(q).then((r) => { conn.release(); … })`):
 * when every one is an `onFulfilled` callback, a rejection skips them all (node-mysql-promise released the
 * connection in its success handler only). Returns the promise whose rejection leaks, or undefined when
 * some release also runs on rejection, or a release sits somewhere we cannot place.
 */
export function successOnlyContinuation(releases: readonly Node[], owner: FunctionNode): Node | undefined {
  if (releases.length === 0) return undefined;
  const continuations: Continuation[] = [];
  for (const release of releases) {
    const callback = enclosingFunction(release);
    if (!callback) return undefined;
    const continuation = continuationOf(callback);
    // Continuations of continuations run inside the owner's promise chain too; anything else does not.
    if (!continuation || !isWithin(callback, owner)) return undefined;
    continuations.push(continuation);
  }
  if (continuations.some((continuation) => continuation.role !== 'fulfilled')) return undefined;
  // `.then(onFulfilled).catch(…)` further down the same chain: its handler may release; not judged.
  if (continuations.some((continuation) => chainHandlesRejection(continuation))) return undefined;
  return [...continuations].sort((a, b) => a.promise.range[0] - b.promise.range[0])[0].promise;
}

function isWithin(callback: FunctionNode, owner: FunctionNode): boolean {
  for (let current: Node | undefined = callback.parent; current; current = current.parent) {
    if (current === owner) return true;
  }
  return false;
}

/** Whether the chain that `continuation` is part of goes on with a rejection handler or a `finally`. */
function chainHandlesRejection(continuation: Continuation): boolean {
  let link: Node = outermostWrapper(continuation.callback).parent as TSESTree.CallExpression;
  for (;;) {
    const member: Node | undefined = outermostWrapper(link).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(link)) return false;
    const call: Node | undefined = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
    const method = staticPropertyName(member);
    if (method === 'catch' || method === 'finally' || (method === 'then' && call.arguments.length > 1)) return true;
    if (method !== 'then') return false;
    link = call;
  }
}

/** `(err, rows) => …`, `(err2) => …` nested in another: a Node-style callback, told by its first parameter's name. */
const ERROR_PARAMETER = /^(err|error|e|ex|er)\d*$|[a-z](Err|Error)\d*$/;

export function isErrorFirstCallback(callback: Node | undefined): callback is FunctionNode {
  if (!callback || !isFunction(callback)) return false;
  const first = callback.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && ERROR_PARAMETER.test(first.name);
}

/**
 * Releases that run only inside Node-style callbacks of `owner` (`connection.query(sql, (err, rows) =>
 * { if (err) return callback(err); connection.release(); … })`), or inside the callback of one of the
 * handle's own operations (`rl.question(q, (answer) => { …; rl.close(); })`, named by `names`): the
 * callbacks with a release, each to be walked for a path that ends without it. The operation's
 * callback is where the handle's last use completes, so every way out of it must end the handle
 * (pesy re-asked an invalid answer with a new interface and left the old one reading stdin).
 * Undefined when a release sits anywhere else.
 */
export function errorFirstReleaseCallbacks(releases: readonly Node[], owner: FunctionNode, names?: ReadonlySet<string>): FunctionNode[] | undefined {
  if (releases.length === 0) return undefined;
  const callbacks = new Set<FunctionNode>();
  for (const release of releases) {
    const callback = enclosingFunction(release);
    if (!callback || !(isErrorFirstCallback(callback) || (names !== undefined && isOperationCallback(callback, names))) || !isWithin(callback, owner)) return undefined;
    callbacks.add(callback);
  }
  return [...callbacks];
}

/** `handle.question(q, (answer) => …)`: the last argument of a method call on the handle, not a listener registration. */
function isOperationCallback(callback: FunctionNode, names: ReadonlySet<string>): boolean {
  const call = outermostWrapper(callback).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.at(-1) !== outermostWrapper(callback)) return false;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || !names.has(callee.object.name)) return false;
  const method = staticPropertyName(callee);
  return method !== undefined && !isEmitterListenerMethod(method) && method !== 'then' && method !== 'catch' && method !== 'finally';
}
