import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, staticPropertyName, unwrapExpression, walkSameFunction } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';

/**
 * `const helper = helpers[name]; if (!helper) throw new ReferenceError('Unknown helper'); data[name] = …`:
 * before it grows, the function refuses every key that another table does not already have. The
 * collection then has at most as many keys as that table (Babel's helper data, keyed by helper
 * names), whatever callers pass. The table must be something else than the collection, and the
 * refusal must leave the function (`throw`, `return`) before the growth.
 */
export function keyCheckedAgainstTable(use: CollectionUse): boolean {
  const key = unwrapExpression(use.key ?? use.site);
  if (key.type !== AST_NODE_TYPES.Identifier) return false;
  const fn = enclosingFunction(use.site);
  if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  if (calledFromTableFirst(fn.body, key.name, use)) return true;
  let checked = false;
  walkSameFunction(fn.body, (node) => {
    if (checked) return false;
    if (node.range[0] >= use.site.range[0]) return false;
    if (node.type !== AST_NODE_TYPES.IfStatement || !leaves(node.consequent)) return undefined;
    const test = unwrapExpression(node.test);
    if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return undefined;
    const looked = lookedUpTable(unwrapExpression(test.argument), key.name, fn);
    if (looked && !sameText(looked, use.reference)) checked = true;
    return undefined;
  });
  return checked;
}

/**
 * `const adapter = registry[type](); instances.set(type, adapter);`: a statement of the function's
 * own body, run before the growth on every path, calls the entry another table has under the key —
 * a key the table lacks throws a TypeError there (not `registry[type]?.()`, which does not).
 */
function calledFromTableFirst(body: TSESTree.BlockStatement, key: string, use: CollectionUse): boolean {
  for (const statement of body.body) {
    if (statement.range[1] > use.site.range[0]) return false;
    const expressions =
      statement.type === AST_NODE_TYPES.ExpressionStatement ? [statement.expression] : statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations.flatMap((declarator) => (declarator.init ? [declarator.init] : [])) : [];
    for (const expression of expressions) {
      const value = unwrapExpression(expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression);
      if (value.type !== AST_NODE_TYPES.CallExpression || value.optional) continue;
      const callee = value.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && callee.computed && !callee.optional && isKey(callee.property, key) && !sameText(callee.object, use.reference)) return true;
    }
  }
  return false;
}

/** `throw …`, `return …`, or a block that ends with one. */
function leaves(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement || statement.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body.at(-1);
  return last !== undefined && (last.type === AST_NODE_TYPES.ThrowStatement || last.type === AST_NODE_TYPES.ReturnStatement);
}

/**
 * The table `test` looks `key` up in: `table[key]`, `table.get(key)`, `table.has(key)`, or a local
 * `const found = table[key]` (the same forms) tested by name.
 */
function lookedUpTable(test: Node, key: string, fn: Node): Node | undefined {
  if (test.type === AST_NODE_TYPES.MemberExpression && test.computed && isKey(test.property, key)) return test.object;
  if (test.type === AST_NODE_TYPES.CallExpression && test.callee.type === AST_NODE_TYPES.MemberExpression && test.arguments.length === 1 && isKey(test.arguments[0], key)) {
    const method = staticPropertyName(test.callee);
    return method === 'get' || method === 'has' ? test.callee.object : undefined;
  }
  if (test.type !== AST_NODE_TYPES.Identifier) return undefined;
  let table: Node | undefined;
  walkSameFunction((fn as { body: Node }).body, (node) => {
    if (table) return false;
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.id.name === test.name && node.init) {
      const init = unwrapExpression(node.init);
      if (init.type !== AST_NODE_TYPES.Identifier) table = lookedUpTable(init, key, fn);
    }
    return undefined;
  });
  return table;
}

function isKey(node: Node, key: string): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Identifier && value.name === key;
}

function sameText(a: Node, b: Node): boolean {
  const left = unwrapExpression(a);
  const right = unwrapExpression(b);
  if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) return left.name === right.name;
  if (left.type === AST_NODE_TYPES.MemberExpression && right.type === AST_NODE_TYPES.MemberExpression) {
    return staticPropertyName(left) === staticPropertyName(right) && sameText(left.object, right.object);
  }
  return left.type === AST_NODE_TYPES.ThisExpression && right.type === AST_NODE_TYPES.ThisExpression;
}
