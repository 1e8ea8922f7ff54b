import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, isInside, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { LoopNode } from '../ast/loops';
import { walk, type Node } from '../ast/traverse';

/**
 * `while (true) { … if (denied) { this.leases.delete(this.leaseKey(tenantId, sessionId)); return } … }`:
 * a delete in a loop whose key is the same on every iteration removes one key, the one the function
 * works on; it does not walk the entries (open-cowork's worker, #908: the loop processes a session's
 * commands, and the delete runs when a quota is denied). A key varies with the loop when it names a
 * variable the loop declares or writes (`for (const key of …)`, `const oldest = keys.next().value`),
 * a field the loop writes, the collection itself, or calls a method of anything but `this` (an
 * iterator's `next()`, a queue's `shift()`), or when the loop walks or tests the collection: those are
 * the sweeps and evictions a loop makes.
 */
export function keyIsLoopInvariant(key: Node, loop: LoopNode, collectionReferences: readonly Node[]): boolean {
  // `while (cache.size > MAX) cache.delete(oldest())`, `for (const [k] of cache)`: the loop is about the collection.
  const head = loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement ? loop.right : loop.test;
  if (collectionReferences.some((reference) => isInside(reference, key) || (head && isInside(reference, head)))) return false;
  const names = new Set<string>();
  const fields = new Set<string>();
  let varies = false;
  walk(key, (node) => {
    if (varies) return false;
    if (isFunction(node)) {
      varies = true;
      return false;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      const onThis = callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression;
      if (callee.type !== AST_NODE_TYPES.Identifier && !onThis) varies = true;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = node.computed ? undefined : staticPropertyName(node);
      if (name !== undefined && unwrapExpression(node.object).type === AST_NODE_TYPES.ThisExpression) fields.add(name);
    }
    if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) names.add(node.name);
    return varies ? false : undefined;
  });
  return !varies && !declaresOrWrites(loop, names, fields);
}

/** `b` in `a.b` (not computed) and object keys: names of properties, not variables. */
function isPropertyName(identifier: Node): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.property === identifier && !parent.computed;
  return parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed;
}

/** Whether the loop (its head included) declares or writes one of `names`, or writes `this.<field>`. */
function declaresOrWrites(loop: LoopNode, names: ReadonlySet<string>, fields: ReadonlySet<string>): boolean {
  let found = false;
  const target = (node: Node): boolean => {
    const written = unwrapExpression(node);
    if (written.type === AST_NODE_TYPES.Identifier) return names.has(written.name);
    if (written.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(written.object).type === AST_NODE_TYPES.ThisExpression) {
      return fields.has(staticPropertyName(written) ?? '');
    }
    // Destructuring writes every name in the pattern.
    let inPattern = false;
    walk(written, (inner) => {
      if (inner.type === AST_NODE_TYPES.Identifier && names.has(inner.name) && !isPropertyName(inner)) inPattern = true;
    });
    return inPattern;
  };
  walk(loop, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && target(node.id)) found = true;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && target(node.left)) found = true;
    if (node.type === AST_NODE_TYPES.UpdateExpression && target(node.argument)) found = true;
    if ((node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.ForInStatement) && node.left.type !== AST_NODE_TYPES.VariableDeclaration && target(node.left)) found = true;
    return found ? false : undefined;
  });
  return found;
}
