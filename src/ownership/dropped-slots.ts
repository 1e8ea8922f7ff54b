import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { clientSlotOf, slotKey } from './client-slots';

/** A long-lived slot emptied by an error handler while it still holds an open resource. */
export interface DroppedSlot {
  /** The slot as code writes it: `this.process`, `client`. */
  readonly text: string;
  /** `this.process = null;`: the statement that drops the value. */
  readonly drop: TSESTree.ExpressionStatement;
  /** The release method to call on the slot first. */
  readonly method: string;
  readonly async: boolean;
}

/**
 * `try { this.process = spawn(…); await healthy(); } catch (e) { this.process = null; throw e; }`:
 * the error handler resets the instance's state and forgets the resource it just made, open (a
 * child process keeps its port, a client its sockets). The slot is a field of a long-lived
 * instance or a module variable (see clientSlotOf); the drop is a `null`/`undefined` assignment
 * or `delete` of the same slot in a `catch` of a `try` that stores the resource. The handler must not
 * release the slot, read it (to release it later or hand it on) or call the instance's own methods
 * (which may release it) before the drop.
 */
export function slotDroppedOnError(acquisition: Node, entry: ResourceEntry, scopeManager: ScopeManagerLike): DroppedSlot | undefined {
  const release = entry.releases.find((candidate): candidate is Extract<typeof candidate, { method: string }> => 'method' in candidate && !candidate.method.startsWith('['));
  if (!release) return undefined;
  const slot = clientSlotOf(acquisition, scopeManager);
  if (!slot) return undefined;
  for (let current: Node | undefined = slot.assignment.parent; current && current !== slot.owner; current = current.parent) {
    const tryStatement: Node | undefined = current.parent;
    if (tryStatement?.type !== AST_NODE_TYPES.TryStatement || tryStatement.block !== current || !tryStatement.handler) continue;
    const drop = firstDropBeforeAnyUse(tryStatement.handler.body, slot.text, scopeManager);
    if (drop) return { text: slot.text, drop, method: release.method, async: release.async === true };
  }
  return undefined;
}

function firstDropBeforeAnyUse(handler: TSESTree.BlockStatement, key: string, scopeManager: ScopeManagerLike): TSESTree.ExpressionStatement | undefined {
  let drop: TSESTree.ExpressionStatement | undefined;
  let used = false;
  walkSameFunction(handler, (node) => {
    if (drop || used) return false;
    if (node.type === AST_NODE_TYPES.ExpressionStatement && isDrop(node.expression, key, scopeManager)) {
      drop = node;
      return false;
    }
    // A read of the slot (`this.process?.kill()`, `const proc = this.process`) or a call of the
    // instance's own method (`this.stop()`) may release it: not judged.
    if (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) {
      if (slotKey(node, scopeManager) === key) used = true;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression && staticPropertyName(callee) !== undefined) used = true;
    }
    return undefined;
  });
  return drop;
}

/** `slot = null`, `slot = undefined`, `delete slot`. */
function isDrop(expression: TSESTree.Expression, key: string, scopeManager: ScopeManagerLike): boolean {
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'delete') return slotKey(expression.argument, scopeManager) === key;
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return false;
  const value = unwrapExpression(expression.right);
  const empty = (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
  return empty && slotKey(outermostWrapper(expression.left), scopeManager) === key;
}
