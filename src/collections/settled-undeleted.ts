import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';

/** What ends a pending entry's waiter: a promise's settle functions kept in the entry. */
const SETTLES = new Set(['resolve', 'reject']);

/** An entry read in a function that settles its waiter there and never deletes it there. */
export interface SettledUndeleted {
  /** The look-up: `this.pending[id]`, `this.pending.get(id)`. */
  readonly read: CollectionUse;
  /** Each `entry.resolve(…)` / `entry.reject(…)` on what it read. */
  readonly settles: readonly TSESTree.CallExpression[];
}

/**
 * `const pending = this.pending[id]; pending.resolve()` in a function that does not delete `id`:
 * the entry's waiter is settled there and the entry stays. A delete elsewhere (the reply handler,
 * the timeout) ends only the entries settled there; every one settled here — open-rpc's
 * notifications, resolved by `settlePendingRequest` — stays for the life of the holder.
 */
export function settledWithoutDelete(uses: readonly CollectionUse[]): SettledUndeleted | undefined {
  const deletingFunctions = new Set(uses.filter((use) => use.kind === 'shrink').map((use) => enclosingFunction(use.site)));
  for (const use of uses) {
    if (use.kind !== 'read' || (use.operation !== 'get' && use.operation !== 'index-read')) continue;
    const fn = enclosingFunction(use.site);
    if (!fn || deletingFunctions.has(fn) || handsKeyOn(fn, use)) continue;
    const settles = settlesOfReadEntry(use.site, fn);
    if (settles.length > 0) return { read: use, settles };
  }
  return undefined;
}

/**
 * `this.finish(id)`, `cleanup(id)`: the function hands the look-up's key to another call, which may
 * delete the entry; what that call does is not followed (precision first).
 */
function handsKeyOn(fn: Node, read: CollectionUse): boolean {
  const key = read.key && unwrapExpression(read.key);
  if (key?.type !== AST_NODE_TYPES.Identifier) return false;
  let handed = false;
  walk(fn, (node) => {
    if (handed) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || node === read.site) return undefined;
    if (node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === key.name)) handed = true;
    return undefined;
  });
  return handed;
}

/** `entry.resolve(…)` on the value read at `read` (in place, or through the `const` it initialises). */
function settlesOfReadEntry(read: Node, fn: Node): TSESTree.CallExpression[] {
  const value = outermostWrapper(read);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
    const call = settleCall(parent);
    return call ? [call] : [];
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== value || parent.id.type !== AST_NODE_TYPES.Identifier) return [];
  const name = parent.id.name;
  const settles: TSESTree.CallExpression[] = [];
  walk(fn, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const object = unwrapExpression(node.object);
    const call = object.type === AST_NODE_TYPES.Identifier && object.name === name ? settleCall(node) : undefined;
    if (call) settles.push(call);
    return undefined;
  });
  return settles;
}

function settleCall(member: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  const name = staticPropertyName(member);
  const call = member.parent;
  return name !== undefined && SETTLES.has(name) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : undefined;
}
