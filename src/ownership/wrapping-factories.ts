import type { TSESTree } from '@typescript-eslint/utils';
import { calledLocalFunction, returnedValues } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { usedOnlyThroughOwnMethods } from './own-method-uses';

/**
 * A function of this file that makes a client and returns it inside something else: the object it
 * returns owns the client, and each call of the function makes a new one.
 * - `return new RateLimiterRedis({ storeClient: redisClient })`: a package's object built around it
 *   (nango's rate limiter built a node-redis client per API request this way and never kept it);
 * - `return { client, collection: db.collection(name) }`: a plain object carrying it next to a view of
 *   it (lowdefy's MongoDB requests each connected and closed a client from such a helper).
 */
export type WrappedClient =
  /** The returned object is built by `wrapper`: whoever holds it holds the client. */
  | { readonly kind: 'constructed'; readonly entry: ResourceEntry; readonly factory: FunctionNode; readonly wrapper: string }
  /** The returned literal carries the client under `property`: a caller picks it out by destructuring. */
  | { readonly kind: 'carried'; readonly entry: ResourceEntry; readonly factory: FunctionNode; readonly property: string };

/**
 * What the call `node` (or the `await` of it) of a local function returns around a client the
 * function acquires, judged by `acquisition` (the detector's own question). An `async` function
 * returns a promise of the object: only its `await` holds it. Undefined when the function keeps the
 * client or the object anywhere else (a cache makes it a get-or-create, not a factory).
 */
export function wrappedClientOf(node: Node, scopeManager: ScopeManagerLike, acquisition: (value: Node) => ResourceEntry | undefined): WrappedClient | undefined {
  const outer = unwrapExpression(node);
  const awaited = outer.type === AST_NODE_TYPES.AwaitExpression;
  const call = awaited ? unwrapExpression(outer.argument) : outer;
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const factory = calledLocalFunction(call, scopeManager);
  if (!factory || (factory.async && !awaited)) return undefined;
  for (const value of returnedValues(factory, scopeManager)) {
    const returned = unwrapExpression(value);
    if (returned.type === AST_NODE_TYPES.NewExpression) {
      // The object is itself a client (a subclass, a registry entry): the local-factory path judges it.
      if (acquisition(returned)) continue;
      const entry = returned.arguments.map((argument) => carriedClient(argument, factory, scopeManager, acquisition)).find(Boolean);
      if (entry) return { kind: 'constructed', entry, factory, wrapper: calleeText(returned.callee) };
    }
    if (returned.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of returned.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const name = keyName(property);
        const entry = name === undefined ? undefined : ownClient(property.value, factory, scopeManager, acquisition);
        if (entry && name !== undefined) return { kind: 'carried', entry, factory, property: name };
      }
    }
  }
  return undefined;
}

/** `new W(client)`, `new W({ storeClient: client, …opts })`: the client an argument hands the wrapper. */
function carriedClient(argument: Node, factory: FunctionNode, scopeManager: ScopeManagerLike, acquisition: (value: Node) => ResourceEntry | undefined): ResourceEntry | undefined {
  const direct = ownClient(argument, factory, scopeManager, acquisition);
  if (direct) return direct;
  if (argument.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of argument.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const entry = ownClient(property.value, factory, scopeManager, acquisition);
    if (entry) return entry;
  }
  return undefined;
}

/**
 * `client` as a value, where `const client = <acquisition of a client>` is declared in `factory` and
 * used there only through its own methods (`client.connect()`, `client.on('error', …)`, `client.db(…)`)
 * besides the one place that hands it to the returned object.
 */
function ownClient(value: Node, factory: FunctionNode, scopeManager: ScopeManagerLike, acquisition: (value: Node) => ResourceEntry | undefined): ResourceEntry | undefined {
  const local = ownLocalValue(value, factory, scopeManager);
  const entry = local && acquisition(local.made);
  return entry?.kind === 'client' ? entry : undefined;
}

/**
 * `conn` as a value handed over, where `const conn = <made>` is declared in `factory` and used there
 * only through its own methods (closures of the factory included) besides this one hand-over: the
 * local and what made it. Whatever the hand-over puts it in is then its only holder.
 */
export function ownLocalValue(value: Node, factory: FunctionNode, scopeManager: ScopeManagerLike): { variable: VariableLike; made: Node } | undefined {
  const identifier = unwrapExpression(value);
  if (identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(scopeManager, identifier);
  const declarator = variable?.defs.length === 1 ? variable.defs[0].node : undefined;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (declarator.range[0] < factory.range[0] || declarator.range[1] > factory.range[1]) return undefined;
  if (!usedOnlyThroughOwnMethods(variable!, identifier)) return undefined;
  return { variable: variable!, made: declarator.init };
}

/** `{ client }`, `{ client: c }`, `{ 'client': c }`: the key's name. */
export function keyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

function calleeText(callee: Node): string {
  const unwrapped = unwrapExpression(callee);
  if (unwrapped.type === AST_NODE_TYPES.Identifier) return unwrapped.name;
  if (unwrapped.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(unwrapped) ?? 'object';
  return 'object';
}

/**
 * `const { collection, client } = await getCollection(…)`: the variable that picks `property` out of
 * the object the call returns, and its identifier.
 */
export function destructuredProperty(held: Node, property: string, scopeManager: ScopeManagerLike): { variable: VariableLike; target: TSESTree.Identifier } | undefined {
  const declarator = outermostWrapper(held).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  if (declarator.parent.kind !== 'const' && declarator.parent.kind !== 'let') return undefined;
  for (const element of declarator.id.properties) {
    if (element.type !== AST_NODE_TYPES.Property || element.computed || keyName(element) !== property) continue;
    if (element.value.type !== AST_NODE_TYPES.Identifier) return undefined;
    const target = element.value;
    const variable = scopeManager.getDeclaredVariables(declarator).find((candidate) => candidate.name === target.name);
    return variable ? { variable, target } : undefined;
  }
  return undefined;
}
