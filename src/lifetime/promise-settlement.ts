import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import { enclosingFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import type { VariableLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { findLeakPaths } from '../flow/release-paths';

/**
 * A resource made inside a `new Promise((resolve, reject) => …)` executor lives until the promise
 * settles: the executor wires it to callbacks (a reply, a timeout, an 'error' event, a
 * subsystem's answer), and each callback that calls `resolve` or `reject` ends the promise's work.
 * Every such settling path is an exit of the resource's owner: it must release the resource or
 * hand it on (store it, resolve with it). A socket closed in the reply listener but not in the
 * timeout that rejects stays bound (node-ntp-sync); an SSH connection kept on success but not
 * ended when the subsystem request fails stays open (ssh2-sftp-client).
 */

/** `new Promise((resolve, reject) => …)`: the executor's settle functions, when `fn` is one. */
export function promiseExecutorSettles(fn: FunctionNode): ReadonlySet<string> | undefined {
  const creation = fn.parent;
  if (creation?.type !== AST_NODE_TYPES.NewExpression || creation.arguments[0] !== fn) return undefined;
  if (creation.callee.type !== AST_NODE_TYPES.Identifier || creation.callee.name !== 'Promise') return undefined;
  const names = new Set<string>();
  for (const parameter of fn.params) if (parameter.type === AST_NODE_TYPES.Identifier) names.add(parameter.name);
  return names.size > 0 ? names : undefined;
}

/** One settle call on a path that leaves the resource open, or a settle function handed over bare. */
export interface UnreleasedSettlement {
  /** `reject(err)` — the call, or the bare `reject` passed as a callback (`setTimeout(reject, ms)`). */
  readonly settle: Node;
  /** The callback (or the executor) the settle call runs in; undefined for a bare reference. */
  readonly callback: FunctionNode | undefined;
}

/** Events after which a resource is broken or gone already: its own listener for them need not release it. */
const ENDING_EVENTS: ReadonlySet<string> = new Set(['error', 'close', 'end', 'exit']);

/**
 * `handle.once('error', (err) => reject(err))`: many resources destroy themselves on error (streams,
 * sockets, LDAP and SSH clients report and then close), so settling from their own ending events is
 * not judged; the other settling paths (a timeout, a failed step) still are.
 */
function isOwnEndingListener(callback: FunctionNode, names: ReadonlySet<string>): boolean {
  const call = outermostWrapper(callback).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !isOwnListener(callback, names)) return false;
  const event = call.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && ENDING_EVENTS.has(event.value);
}

/**
 * `const onClose = () => reject(…); … socket.once('close', onClose)`: the names of the functions the
 * executor registers as the resource's own ending listeners, which are judged like inline ones.
 */
function namedEndingListeners(executor: FunctionNode, names: ReadonlySet<string>): ReadonlySet<string> {
  const registered = new Set<string>();
  walk(executor, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const [event, listener] = node.arguments;
    if (
      listener?.type === AST_NODE_TYPES.Identifier &&
      event?.type === AST_NODE_TYPES.Literal &&
      typeof event.value === 'string' &&
      ENDING_EVENTS.has(event.value) &&
      isOwnListener(listener, names)
    ) {
      registered.add(listener.name);
    }
    return undefined;
  });
  return registered;
}

/** The name a function is bound to: `function onError() {}`, `const onClose = () => {}`. */
function boundName(callback: FunctionNode): string | undefined {
  if (callback.type === AST_NODE_TYPES.FunctionDeclaration) return callback.id?.name;
  const declarator = outermostWrapper(callback).parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : undefined;
}

function isSettleCall(node: Node, settles: ReadonlySet<string>): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  return callee.type === AST_NODE_TYPES.Identifier && settles.has(callee.name);
}

/** `handle.on('error', reject)`: a listener of the resource's own events. */
function isOwnListener(reference: Node, names: ReadonlySet<string>): boolean {
  const call = outermostWrapper(reference).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  let receiver = unwrapExpression(call.callee.object);
  // `conn.on('ready', …).on('error', …)`: registering a listener returns the emitter itself.
  while (receiver.type === AST_NODE_TYPES.CallExpression && receiver.callee.type === AST_NODE_TYPES.MemberExpression && isEmitterListenerMethod(staticPropertyName(receiver.callee) ?? '')) {
    receiver = unwrapExpression(receiver.callee.object);
  }
  return receiver.type === AST_NODE_TYPES.Identifier && names.has(receiver.name);
}

/**
 * The settling paths that leave the resource open. `ends` are the nodes that release it or hand it
 * on. Each callback that settles is walked with release-paths, its settle calls as stops: a settle
 * call reached with the resource open, and not followed by a release, leaves it open. Throws are
 * left out: in a callback they are uncaught exceptions, not settlements.
 */
export function unreleasedSettlements(
  executor: FunctionNode,
  settles: ReadonlySet<string>,
  acquisition: Node,
  variable: VariableLike,
  ends: readonly Node[],
): UnreleasedSettlement[] {
  const names = new Set([variable.name]);
  const callbacks = new Map<FunctionNode, TSESTree.CallExpression[]>();
  const bare: Node[] = [];
  walk(executor, (node) => {
    if (isSettleCall(node, settles)) {
      const callback = enclosingFunction(node);
      if (callback) callbacks.set(callback, [...(callbacks.get(callback) ?? []), node]);
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.Identifier && settles.has(node.name) && node.parent?.type === AST_NODE_TYPES.CallExpression && (node.parent.arguments as readonly Node[]).includes(node)) {
      if (!isOwnListener(node, names)) bare.push(node);
    }
    return undefined;
  });
  const found: UnreleasedSettlement[] = [];
  const namedListeners = namedEndingListeners(executor, names);
  for (const [callback, calls] of callbacks) {
    if (isOwnEndingListener(callback, names)) continue;
    const name = boundName(callback);
    if (name !== undefined && namedListeners.has(name)) continue;
    const own = ends.filter((end) => isInside(end, callback));
    const openAtEntry = callback !== executor;
    const leaks = findLeakPaths(callback, {
      acquisition: openAtEntry ? callback : acquisition,
      scope: callback.body,
      names,
      openAtEntry,
      releases: new Set(own),
      stops: new Set(calls),
    });
    const open = new Set(leaks.map((leak) => leak.node));
    // `reject(err); socket.close();`: released right after settling is released.
    for (const call of calls) if (open.has(call) && !endFollows(call, callback, own)) found.push({ settle: call, callback });
  }
  // A bare settle function only counts once some path shows the resource is meant to be released.
  for (const reference of bare) found.push({ settle: reference, callback: undefined });
  return found.sort((a, b) => a.settle.range[0] - b.settle.range[0]);
}

const LEAVING: ReadonlySet<string> = new Set([AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement, AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ContinueStatement]);

/** Whether a statement after the one holding `call` (in its block or an enclosing one) ends the resource. */
function endFollows(call: Node, callback: FunctionNode, ends: readonly Node[]): boolean {
  for (let child: Node = call, parent = call.parent; parent && child !== callback; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.SwitchCase) continue;
    const list: readonly Node[] = parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.consequent;
    for (const statement of list.slice(list.indexOf(child) + 1)) {
      if (ends.some((end) => isInside(end, statement))) return true;
      // `reject(err); return;`: what comes after the block is not on this path.
      if (LEAVING.has(statement.type)) return false;
    }
  }
  return false;
}

/**
 * Whether every release of the resource happens on a settling path: a release in a callback that
 * settles nothing (a 'close' listener, a `finally` outside) may run after a timeout rejects, and
 * then the timeout did not leak it.
 */
export function releasesOnlyWhereSettled(releases: readonly Node[], executor: FunctionNode, settles: ReadonlySet<string>): boolean {
  return releases.every((release) => {
    const callback = enclosingFunction(release);
    if (!callback || !isInside(callback, executor)) return false;
    let settled = false;
    walkSameFunction(callback.body, (node) => {
      if (settled) return false;
      if (isSettleCall(node, settles)) settled = true;
      return undefined;
    });
    return settled;
  });
}

/** `resolve(handle)`: the resource goes to whoever awaits the promise. */
export function isResolvedWith(reference: Node, settles: ReadonlySet<string>): boolean {
  const value = outermostWrapper(reference);
  const call = value.parent;
  return call !== undefined && isSettleCall(call, settles) && call.arguments[0] === value;
}

/** The statement a settle call is, when it is one on its own (`reject(err);`, `return reject(err);`). */
export function settleStatement(settle: Node): TSESTree.ExpressionStatement | TSESTree.ReturnStatement | undefined {
  const value = outermostWrapper(settle);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.ReturnStatement && parent.argument === value)) return parent;
  return undefined;
}
