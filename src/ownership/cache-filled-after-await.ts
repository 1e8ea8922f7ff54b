import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

/** Where a get-or-create function keeps the client it made, and the code that names that place. */
export interface LateCacheFill {
  readonly store: Node;
  readonly slot: string;
  /** A cache of one client per key (`clients[uri]`, `clients.set(uri, …)`), not a single slot (`this.client`). */
  readonly keyed: boolean;
}

/** A place that outlives the call: `this.…`, or a variable declared outside `owner`. */
function outlivesCall(object: Node, owner: FunctionNode, scopeManager: ScopeManagerLike): boolean {
  let root = unwrapExpression(object);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = findVariable(scopeManager, root)?.defs[0];
  return definition !== undefined && enclosingFunction(definition.name) !== owner && definition.type === 'Variable';
}

/**
 * The slot a reference to the client is stored into: `clients[uri] = client` → `clients`,
 * `this.client = client` → `this.client`, `clients.set(uri, client)` → `clients`, `shared = client`
 * for a variable outside the function → `shared`.
 */
function storedSlot(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier, owner: FunctionNode, scopeManager: ScopeManagerLike, text: (node: Node) => string) {
  const value = outermostWrapper(identifier);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value && parent.operator === '=') {
    const target = unwrapExpression(parent.left);
    if (target.type === AST_NODE_TYPES.Identifier) return outlivesCall(target, owner, scopeManager) ? { store: parent, slot: target.name, keyed: false } : undefined;
    if (target.type !== AST_NODE_TYPES.MemberExpression || !outlivesCall(target.object, owner, scopeManager)) return undefined;
    return { store: parent, slot: target.computed ? text(target.object) : text(target), keyed: target.computed };
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === value) {
    const callee = unwrapExpression(parent.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'set' || !outlivesCall(callee.object, owner, scopeManager)) return undefined;
    return { store: parent, slot: text(callee.object), keyed: true };
  }
  return undefined;
}

/**
 * `if (clients[uri]) return clients[uri]; const client = await MongoClient.connect(uri);
 * clients[uri] = client;`: a get-or-create that looks its cache up, awaits the connection, and only
 * then fills the cache. Every caller that arrives while the first one is still connecting finds the
 * slot empty and connects a client of its own; the last one stored wins and the others are never
 * closed (mongood#95). The cache must hold the pending promise before the first `await`.
 * Undefined unless the slot is read before the client is made and an `await` lies between.
 */
export function cacheFilledAfterAwait(
  acquisition: Node,
  variable: VariableLike,
  owner: FunctionNode,
  scopeManager: ScopeManagerLike,
  sourceText: string,
): LateCacheFill | undefined {
  if (!owner.async || owner.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const text = (node: Node) => sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
  for (const reference of variable.references) {
    if (reference.init || reference.isWrite()) continue;
    const fill = storedSlot(reference.identifier, owner, scopeManager, text);
    if (!fill || enclosingFunction(fill.store) !== owner) continue;
    const held = outermostWrapper(acquisition);
    const start = (held.parent?.type === AST_NODE_TYPES.AwaitExpression ? held.parent : held).range[0];
    if (!awaitsBetween(owner, start, fill.store.range[0])) continue;
    const before = sourceText.slice(owner.body.range[0], start).replace(/\s+/g, '');
    const escaped = fill.slot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`${escaped}(?![\\w$])`).test(before)) return fill;
  }
  return undefined;
}

/** An `await` of this function (not of a callback) from `start` up to `end`: the acquisition's own one counts. */
function awaitsBetween(owner: FunctionNode, start: number, end: number): boolean {
  let found = false;
  walkSameFunction(owner.body, (node) => {
    if (found || node.range[1] < start || node.range[0] > end) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression && node.range[0] >= start && node.range[1] <= end) found = true;
    return undefined;
  });
  return found;
}
