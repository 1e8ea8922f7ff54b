import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';

/** Shrinks that remove one named key (kept here to avoid a cycle with bounding-shrinks). */
const KEYED = new Set(['delete', 'index-delete']);

/**
 * `const timer = setTimeout(() => { delete pending[id]; reject(…) }, ms);
 * pending[id] = (error, result) => { clearTimeout(timer); resolve(result) }`: the timeout's delete is
 * the only removal, and the other way an entry completes — its answer — cancels the timer without
 * removing the entry. Every request answered in time stays; only the ones that time out go. The
 * mirror image of a delete only on the answer (`answered-entries`). It bounds when some other keyed
 * delete removes entries too (where the answer arrives, in a settle callback), or the timer is never
 * cancelled (it then fires for every entry).
 */
export function deletedOnlyByCancelledTimer(keyedDelete: CollectionUse, uses: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  const growth = uses.filter((use) => use.kind === 'grow');
  if (growth.length === 0 || !growth.every((use) => use.key !== undefined && keyOrigins.of(use.key) === 'generated')) return false;
  const callback = timerCallbackAround(keyedDelete.site);
  if (!callback) return false;
  if (uses.some((use) => use !== keyedDelete && use.kind === 'shrink' && (!KEYED.has(use.operation) || !isInside(use.site, callback.fn)))) return false;
  return isCancelled(callback.call);
}

/** The `setTimeout(fn, ms)` whose callback the delete runs in (directly, or under a test in it). */
function timerCallbackAround(site: Node): { fn: Node; call: TSESTree.CallExpression } | undefined {
  const fn = enclosingFunction(site);
  const call = fn?.parent;
  if (!fn || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  return name === 'setTimeout' ? { fn, call } : undefined;
}

/**
 * Whether the code clears this timer: `clearTimeout(timer)` for the variable it is kept in (in the
 * function that declares it, callbacks included), or `clearTimeout(entry.timer)` for the property of
 * an object literal it is kept under.
 */
function isCancelled(call: TSESTree.CallExpression): boolean {
  const holder = outermost(call).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return clears(enclosingFunction(holder) ?? root(holder), holder.id.name, 'variable');
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.Identifier) return clears(root(holder), holder.left.name, 'variable');
  if (holder?.type === AST_NODE_TYPES.Property && !holder.computed && holder.key.type === AST_NODE_TYPES.Identifier) return clears(root(holder), holder.key.name, 'property');
  return false;
}

function clears(scope: Node, name: string, held: 'variable' | 'property'): boolean {
  let found = false;
  walk(scope, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    const calleeName = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    if (calleeName !== 'clearTimeout' || !node.arguments[0]) return undefined;
    const argument = unwrapExpression(node.arguments[0]);
    if (held === 'variable' && argument.type === AST_NODE_TYPES.Identifier && argument.name === name) found = true;
    if (held === 'property' && argument.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(argument) === name) found = true;
    return undefined;
  });
  return found;
}

function outermost(node: Node): Node {
  let current = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.AwaitExpression)) current = current.parent;
  return current;
}

function root(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

