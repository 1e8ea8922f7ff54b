import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { functionName } from '../ast/function-name';
import { enclosingFunction, isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { isLoop } from '../ast/loops';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import { prototypeMethodName } from './key-origin';

/**
 * What a pass-through delete is for, as the file shows it:
 * - `caller`: `async delete(key) { records.delete(key) }`, a method (or a function of the store's
 *   API) that deletes the key its caller names, and that nothing in the file calls: entries go when
 *   a caller asks, one named key at a time;
 * - `expiry`: `MemoryBackend.prototype.clear = function (key, cb) { delete this._cache[key] … }`,
 *   called in the file only under a test of a clock or an expiry (`if (item.ttl * 1000 < Date.now() -
 *   item.timestamp) return this.clear(item.key, …)`): the expiry of an entry read again, one method away.
 * Undefined for any other delete, and for a pass-through the file also calls elsewhere (a close
 * handler's `this.remove(id)` ends entries the file can see ending).
 */
export type PassThroughDelete = 'caller' | 'expiry';

export function passThroughDelete(shrink: CollectionUse, uses: readonly CollectionUse[], guardedByTime: (site: Node) => boolean): PassThroughDelete | undefined {
  const key = shrink.key ? unwrapExpression(shrink.key) : undefined;
  const fn = enclosingFunction(shrink.site);
  if (key?.type !== AST_NODE_TYPES.Identifier || !fn || !isOwnParameter(fn, key.name)) return undefined;
  const name = prototypeMethodName(fn) ?? functionName(fn) ?? assignedPropertyName(fn);
  if (name === undefined) return undefined;
  const calls = callsByName(fn, name, new Set(uses.map((use) => use.reference)));
  if (calls.length === 0) return 'caller';
  return calls.every((call) => guardedByTime(call) && !sweepsOrRunsOnATimer(call)) ? 'expiry' : undefined;
}

/** `module.exports.removeCache = function (url) { … }`, `store.forget = (key) => …`: the property it is called by. */
function assignedPropertyName(fn: FunctionNode): string | undefined {
  const assignment = fn.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== fn || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return staticPropertyName(assignment.left);
}

const TIMERS = new Set(['setTimeout', 'setInterval']);

/**
 * `for (const [key, item] of this.items) if (item.expires < now) this.remove(key)`, or the same in a
 * `forEach` or a timer callback: expired entries are swept, whoever reads them — a bound.
 */
function sweepsOrRunsOnATimer(call: Node): boolean {
  for (let current = call.parent; current; current = current.parent) {
    if (isLoop(current)) return true;
    if (!isFunction(current)) continue;
    const outer = current.parent;
    if (outer?.type !== AST_NODE_TYPES.CallExpression || !outer.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
    const callee = unwrapExpression(outer.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    return name === 'forEach' || (name !== undefined && TIMERS.has(name));
  }
  return false;
}

function isOwnParameter(fn: FunctionNode, name: string): boolean {
  return fn.params.some((parameter) => {
    const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    return target.type === AST_NODE_TYPES.Identifier && target.name === name;
  });
}

/**
 * In-file calls that may reach `fn`: `<name>(…)`, and `<anything>.<name>(…)` (`this.clear(key)`,
 * `self.clear(key)` through an alias, `store.delete(id)` on an instance) — but the collection's own
 * method (`records.delete(key)` is the delete itself). Counting a same-named call on another object
 * makes a delete look called, which only keeps it counting as a bound.
 */
function callsByName(fn: FunctionNode, name: string, collection: ReadonlySet<Node>): TSESTree.CallExpression[] {
  let program: Node = fn;
  while (program.parent) program = program.parent;
  const calls: TSESTree.CallExpression[] = [];
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || isInsideFunction(node, fn)) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === name) calls.push(node);
    if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === name && !collection.has(callee.object)) calls.push(node);
    return undefined;
  });
  return calls;
}

/** A recursive call inside the function itself is not a caller. */
function isInsideFunction(node: Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current; current = current.parent) if (current === fn) return true;
  return isFunction(node) && node === fn;
}
