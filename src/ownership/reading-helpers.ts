import type { TSESTree } from '@typescript-eslint/utils';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import { calledLocalFunction } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { TypeOracle } from '../oracle/type-oracle';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * Borrowing versus transfer, for the project's own helpers. A call hands a resource over only when
 * the callee can keep it: return it, store it, pass it on, or release it. A helper of the same file
 * whose parameter is only the receiver of method calls (`(cursor) => cursor.count()`) reads the
 * resource and gives it back when it returns; the caller still owns it and must release it
 * (sharedb-mongo's cursor operations left every counted cursor, and its implicit session, open).
 * A table of such helpers (`const operations = { $count: (c) => c.count(), … }` called as
 * `operations[name](cursor)`) borrows when every entry does.
 */

/** The functions a call may run, when the file says: a local function, or every function of a local table. */
function candidateFunctions(callee: Node, scopeManager: ScopeManagerLike, call: TSESTree.CallExpression, depth = 0): FunctionNode[] | undefined {
  const target = unwrapExpression(callee);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const local = calledLocalFunction(call, scopeManager);
    if (local) return [local];
    if (depth > 0) return undefined;
    // `const operation = operations[name]; operation(cursor)`
    const variable = findVariable(scopeManager, target);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!definition || definition.type !== 'Variable' || definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    if (!isConstDeclarator(definition.node) || !definition.node.init) return undefined;
    return tableFunctions(definition.node.init, scopeManager);
  }
  return tableFunctions(target, scopeManager);
}

function isConstDeclarator(declarator: TSESTree.VariableDeclarator): boolean {
  return declarator.parent.type === AST_NODE_TYPES.VariableDeclaration && declarator.parent.kind === 'const';
}

/** `operations[name]`, `operations.count`: the functions of a `const` object literal of the file. */
function tableFunctions(member: Node, scopeManager: ScopeManagerLike): FunctionNode[] | undefined {
  const node = unwrapExpression(member);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(scopeManager, node.object);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition || definition.type !== 'Variable' || definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (!isConstDeclarator(definition.node)) return undefined;
  const table = definition.node.init && unwrapExpression(definition.node.init);
  if (table?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  // The table must not change after it is built.
  if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const name = node.computed ? undefined : staticPropertyName(node);
  const functions: FunctionNode[] = [];
  for (const property of table.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !isFunction(property.value)) return undefined;
    if (name !== undefined && (property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== name)) continue;
    functions.push(property.value);
  }
  return functions.length > 0 ? functions : undefined;
}

/**
 * `return cursor.count()`, `await fh.stat()`, `const rows = await c.query(q)`: what the method
 * answers is a value. Passed into another call or stored in an object (`drizzle(client.pool())`), it
 * may be a part of the resource that lives on (a pool, a stream over the descriptor).
 */
function isReadResult(call: TSESTree.CallExpression): boolean {
  let value: Node = outermostWrapper(call);
  if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = outermostWrapper(value.parent);
  const parent = value.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === value;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === value;
    default:
      return false;
  }
}

/** Whether `fn` only calls methods on its parameter at `position`, none of them a release or a hand-back. */
/**
 * `fh.createReadStream()`, `conn.openChannel()`: a method that makes another resource over the
 * receiver (a stream that closes the handle when it ends) hands the receiver on with its result.
 */
const DERIVING_METHOD = /^(?:create|open|new|fork|dup|stream)/;

function onlyReadsParameter(fn: FunctionNode, position: number, scopeManager: ScopeManagerLike, entry: ResourceEntry, oracle: Pick<TypeOracle, 'acquisition'>): boolean {
  const parameter = fn.params[position];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = scopeManager.getDeclaredVariables(fn).find((candidate) => candidate.name === parameter.name);
  if (!variable) return false;
  const releases = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  const chaining = new Set(entry.chainingMethods ?? []);
  return variable.references.every((reference) => {
    if (reference.isWrite()) return false;
    const value = outermostWrapper(reference.identifier);
    const member = value.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return false;
    const method = staticPropertyName(member);
    const call = outermostWrapper(member).parent;
    if (method === undefined || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(member)) return false;
    if (DERIVING_METHOD.test(method) || oracle.acquisition(call) !== undefined) return false;
    if (releases.has(method) || method === 'pipe' || isEmitterListenerMethod(method) || call.arguments.some((argument) => argument === value)) return false;
    // `(cursor) => cursor.sort(s)` hands the resource back; `cursor.map(f).toArray()` goes on to read it.
    if (chaining.has(method)) return outermostWrapper(call).parent?.type === AST_NODE_TYPES.MemberExpression;
    return isReadResult(call);
  });
}

/**
 * Whether `call` only borrows its argument at `position`: every function of this file it may run
 * reads the parameter through method calls and does nothing else with it.
 */
export function onlyBorrowsArgument(
  call: TSESTree.CallExpression,
  position: number,
  context: { readonly scopeManager: ScopeManagerLike; readonly oracle: Pick<TypeOracle, 'acquisition'> },
  entry: ResourceEntry,
): boolean {
  const scopeManager = context.scopeManager;
  // Clients are meant to be lent out; what a helper pulls out of one (its pool) may live on elsewhere.
  if (entry.kind !== 'handle') return false;
  const functions = candidateFunctions(call.callee, scopeManager, call);
  return functions !== undefined && functions.every((fn) => onlyReadsParameter(fn, position, scopeManager, entry, context.oracle));
}
