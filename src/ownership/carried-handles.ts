import type { TSESTree } from '@typescript-eslint/utils';
import { calledLocalFunction, returnedValues } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { destructuredProperty, keyName, ownLocalValue } from './wrapping-factories';

/**
 * `const { conn, done } = await openDb()` where `openDb`, a function of this file, acquires `conn`
 * and returns it inside an object literal (`return { conn, done: () => conn.release() }`): the
 * helper keeps nothing, so the caller that picks `conn` out owns it from then on, and a closure of
 * the same literal that releases it (`done`) is one of its releases. Real code rarely acquires a
 * pool connection, a page or a file where it uses it; a helper opens it and hands it over.
 */
export interface CarriedHandle {
  /** The helper that acquires it. */
  readonly factory: FunctionNode;
  /** What makes it in the helper (`await pool.getConnection()`), and the helper's local holding it. */
  readonly made: Node;
  readonly local: VariableLike;
  /** The caller's variable that picks it out of the returned object, and its identifier. */
  readonly variable: VariableLike;
  readonly target: TSESTree.Identifier;
  /** Closures of the same literal that the caller picks out too, with the methods they call on it. */
  readonly closures: readonly CarriedClosure[];
}

export interface CarriedClosure {
  /** The caller's variable holding the closure (`done`). */
  readonly variable: VariableLike;
  /** Methods the closure calls on the handle (`release`): whether it releases it is the entry's question. */
  readonly calls: ReadonlySet<string>;
}

/**
 * The handles that the local call `held` (or the `await` of it) returns inside object literals and
 * that its caller destructures. An `async` helper returns a promise of the object: only its `await`
 * holds it.
 */
export function carriedHandlesOf(held: Node, scopeManager: ScopeManagerLike): CarriedHandle[] {
  const outer = unwrapExpression(held);
  const awaited = outer.type === AST_NODE_TYPES.AwaitExpression;
  const call = awaited ? unwrapExpression(outer.argument) : outer;
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  const declarator = outermostWrapper(held).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  const factory = calledLocalFunction(call, scopeManager);
  if (!factory || (factory.async && !awaited)) return [];
  const carried = new Map<string, CarriedHandle>();
  for (const value of returnedValues(factory, scopeManager)) {
    const returned = unwrapExpression(value);
    if (returned.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of returned.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || isFunction(property.value)) continue;
      const key = keyName(property);
      const local = key === undefined || carried.has(key) ? undefined : ownLocalValue(property.value, factory, scopeManager);
      const picked = local && destructuredProperty(held, key!, scopeManager);
      if (!local || !picked || isFunction(unwrapExpression(local.made))) continue;
      const closures = releasingClosures(returned, local.variable, held, scopeManager);
      carried.set(key!, { factory, made: local.made, local: local.variable, variable: picked.variable, target: picked.target, closures });
    }
  }
  return [...carried.values()];
}

/** The literal's function-valued properties that call methods of `local`, as the caller picks them out. */
function releasingClosures(literal: TSESTree.ObjectExpression, local: VariableLike, held: Node, scopeManager: ScopeManagerLike): CarriedClosure[] {
  const closures: CarriedClosure[] = [];
  for (const property of literal.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = keyName(property);
    const fn = closureOf(property.value, scopeManager);
    if (key === undefined || !fn) continue;
    const calls = new Set<string>();
    for (const reference of local.references) {
      if (!isInside(reference.identifier, fn)) continue;
      const member = outermostWrapper(reference.identifier).parent;
      const method = member?.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(member) : undefined;
      if (method !== undefined && outermostWrapper(member!).parent?.type === AST_NODE_TYPES.CallExpression) calls.add(method);
    }
    const picked = calls.size > 0 ? destructuredProperty(held, key, scopeManager) : undefined;
    if (picked) closures.push({ variable: picked.variable, calls });
  }
  return closures;
}

/** `() => conn.release()`, `release() { … }`, or `done` naming a function the helper declares. */
function closureOf(value: Node, scopeManager: ScopeManagerLike): FunctionNode | undefined {
  const unwrapped = unwrapExpression(value);
  if (isFunction(unwrapped)) return unwrapped;
  if (unwrapped.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(scopeManager, unwrapped)?.defs[0]?.node;
  if (definition && isFunction(definition)) return definition;
  const init = definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init ? unwrapExpression(definition.init) : undefined;
  return init && isFunction(init) ? init : undefined;
}
