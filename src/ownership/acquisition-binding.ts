import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { TypeOracle } from '../oracle/type-oracle';
import type { ResourceEntry } from '../registry/resource-entry';

/** What the code does with a freshly acquired value. */
export type AcquisitionBinding =
  /** `const fh = await open(p)` or `fh = await open(p)` for a local `let fh`. */
  | {
      readonly kind: 'variable';
      readonly variable: VariableLike;
      readonly target: TSESTree.Identifier;
      /** Set when acquired by a declaration: `const fh = …`. */
      readonly declarator: TSESTree.VariableDeclarator | undefined;
    }
  /** Nobody keeps it: `fs.createWriteStream(p);`, `(await open(p)).readFile()`. */
  | { readonly kind: 'discarded' }
  /** `using`, `await using`, or released in the same expression. */
  | { readonly kind: 'released' }
  /** Returned, stored, passed on, or a shape we do not follow: not this function's to release. */
  | { readonly kind: 'escapes' };

/** Methods that return the stream itself: chaining them keeps the handle alive elsewhere. */
const CHAINING_METHODS = new Set([
  'pipe',
  'on',
  'once',
  'addListener',
  'prependListener',
  'setEncoding',
  'setTimeout',
  'setNoDelay',
  'setKeepAlive',
  'ref',
  'unref',
  'pause',
  'resume',
  'cork',
]);

/**
 * Whether the value could stay with this function at all, judged from its position alone: an
 * argument, a return value, an element of a literal … escapes whatever it is. Detectors ask this
 * before the (typed, costly) question of what the expression acquires.
 */
export function couldBeOwnedHere(acquisition: Node): boolean {
  const node = outermostWrapper(acquisition);
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node;
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void';
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    default:
      return false;
  }
}

/** `value.method(…)`: the method's name, when `value` is the receiver of a call. */
function calledMethod(value: Node): string | undefined {
  const member = value.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.object === value ? staticPropertyName(member) : undefined;
}

/** `handle.sort(…)` where `sort` is one of the entry's chaining methods: the call, which is the handle again. */
export function chainedCall(value: Node, entry: ResourceEntry): Node | undefined {
  const member = value.parent;
  if (!entry.chainingMethods || member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return undefined;
  const method = staticPropertyName(member);
  const callee = outermostWrapper(member);
  const call = callee.parent;
  return method !== undefined && entry.chainingMethods.includes(method) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee
    ? call
    : undefined;
}

/**
 * `handle.method()` that evaluates to the handle again: one of the entry's chaining methods, or (typed)
 * a method returning `this` or a promise of its receiver (`await new MongoClient(url).connect()`).
 * Returns the expression that now holds the handle: the call, or the `await` of it.
 */
export function sameHandleCall(value: Node, entry: ResourceEntry, oracle: Pick<TypeOracle, 'returnsReceiver'> | undefined): Node | undefined {
  const chained = chainedCall(value, entry);
  if (chained) return awaitedOrItself(chained);
  const member = value.parent;
  if (!oracle || member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return undefined;
  const callee = outermostWrapper(member);
  const call = callee.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee || !oracle.returnsReceiver(call)) return undefined;
  const method = staticPropertyName(member);
  // A release that returns its receiver (`end()`) still releases it; the caller checks releases first.
  if (method !== undefined && entry.releases.some((release) => 'method' in release && release.method === method)) return undefined;
  const held = outermostWrapper(call);
  return held.parent?.type === AST_NODE_TYPES.AwaitExpression ? held.parent : call;
}

/** `await client.connect()` for a chaining method that resolves to the handle: the `await`; else the call. */
export function awaitedOrItself(call: Node): Node {
  const held = outermostWrapper(call);
  return held.parent?.type === AST_NODE_TYPES.AwaitExpression ? held.parent : call;
}

export function bindingOf(
  acquisition: Node,
  owner: FunctionNode,
  entry: ResourceEntry,
  scopeManager: ScopeManagerLike,
  oracle?: Pick<TypeOracle, 'returnsReceiver'>,
): AcquisitionBinding {
  let node = outermostWrapper(acquisition);
  // `collection.find(q).sort(s).limit(n)`, `await new MongoClient(url).connect()`: still the one handle.
  for (let same = sameHandleCall(node, entry, oracle); same && !CHAINING_METHODS.has(calledMethod(node) ?? ''); same = sameHandleCall(node, entry, oracle)) {
    node = outermostWrapper(same);
  }
  const parent = node.parent;
  if (!parent) return { kind: 'escapes' };
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier) return { kind: 'escapes' };
      const declaration = parent.parent;
      if (declaration.kind === 'using' || declaration.kind === 'await using') return { kind: 'released' };
      const variable = scopeManager.getDeclaredVariables(parent).find((candidate) => candidate.name === (parent.id as TSESTree.Identifier).name);
      return variable ? { kind: 'variable', variable, target: parent.id, declarator: parent } : { kind: 'escapes' };
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== node || parent.operator !== '=' || parent.left.type !== AST_NODE_TYPES.Identifier) {
        return { kind: 'escapes' };
      }
      const variable = findVariable(scopeManager, parent.left);
      const definition = variable?.defs[0];
      // Only a local of this function is ours; an outer or module variable keeps the handle longer. A
      // parameter given a fresh value (`runner = dataSource.createQueryRunner()` when the caller passed
      // none) is a local too: the caller still holds what it passed, not what this function acquired.
      if (!variable || !definition || enclosingFunction(definition.name) !== owner || (definition.type !== 'Variable' && definition.type !== 'Parameter')) {
        return { kind: 'escapes' };
      }
      return { kind: 'variable', variable, target: parent.left, declarator: undefined };
    }
    case AST_NODE_TYPES.ExpressionStatement:
      return { kind: 'discarded' };
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void' ? { kind: 'discarded' } : { kind: 'escapes' };
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return { kind: 'escapes' };
      const method = staticPropertyName(parent);
      const callee = outermostWrapper(parent);
      const isCall = callee.parent?.type === AST_NODE_TYPES.CallExpression && callee.parent.callee === callee;
      if (!isCall || method === undefined) return { kind: 'escapes' };
      if (entry.releases.some((release) => 'method' in release && release.method === method)) return { kind: 'released' };
      if (CHAINING_METHODS.has(method)) return { kind: 'escapes' };
      return { kind: 'discarded' };
    }
    default:
      return { kind: 'escapes' };
  }
}
