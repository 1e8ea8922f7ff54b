import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import type { SubscriptionRelease, TypeOracle } from '../oracle/type-oracle';
import { programOf } from '../ast/program-of';

/**
 * A subscription to a source that outlives the code subscribing (a module-level or imported
 * subject or bus, an RxJS `interval`/`fromEvent`), and how it is ended. The incident: an event-bus
 * subscription added per request and never removed, each keeping its request's objects alive.
 */
export interface Subscription {
  readonly release: SubscriptionRelease;
  /** The source as written: `orders$`, `interval(1000)`. */
  readonly source: Node;
}

/** RxJS creation functions whose observables never complete by themselves. */
const ENDLESS_RXJS_SOURCES = new Set(['interval', 'fromEvent', 'fromEventPattern']);

/** Operators that end a subscription by themselves: it completes after them. */
const SELF_ENDING = /^(take|takeUntil|takeWhile|first|last|single|find|findIndex|elementAt|timeout|toArray)$/;

function isRxjs(module: string | undefined): boolean {
  return module !== undefined && /^rxjs(\/|$)/.test(module);
}

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

/** `source.pipe(map(…), take(1))`: the chain down to its source, and whether an operator ends it. */
function chainOf(receiver: Node): { root: Node; selfEnding: boolean } {
  let node = unwrapExpression(receiver);
  let selfEnding = false;
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    for (const argument of node.arguments) {
      const operator = unwrapExpression(argument);
      if (operator.type === AST_NODE_TYPES.CallExpression && SELF_ENDING.test(calleeName(operator) ?? '')) selfEnding = true;
    }
    if (SELF_ENDING.test(staticPropertyName(node.callee) ?? '')) selfEnding = true;
    node = unwrapExpression(node.callee.object);
  }
  return { root: node, selfEnding };
}

/** A module-level variable (or import) `root` names, with what it was made by. */
function moduleLevel(root: TSESTree.Identifier, scopeManager: ScopeManagerLike): { init: Node | undefined; imported: boolean } | undefined {
  const variable = findVariable(scopeManager, root);
  const definition = variable?.defs[0];
  if (!variable || !definition) return undefined;
  const scope = variable.scope;
  if (scope.type !== 'module' && scope.type !== 'global' && scope.block.type !== AST_NODE_TYPES.Program) return undefined;
  if (definition.type === 'ImportBinding') return { init: undefined, imported: true };
  if (definition.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator) return { init: definition.node.init ?? undefined, imported: false };
  return undefined;
}

/** Untyped evidence that a value is RxJS's: `new Subject()`, `interval(…)`, `fromEvent(…)` from 'rxjs', or an rxjs import. */
function madeByRxjs(node: Node | undefined, program: TSESTree.Program): boolean {
  if (!node) return false;
  const made = unwrapExpression(node);
  const bindings = moduleBindings(program);
  if (made.type === AST_NODE_TYPES.NewExpression || made.type === AST_NODE_TYPES.CallExpression) {
    const root = chainOf(made).root;
    const maker = root.type === AST_NODE_TYPES.NewExpression || root.type === AST_NODE_TYPES.CallExpression ? root.callee : root;
    return isRxjs(resolveModuleMember(maker, bindings)?.module);
  }
  return false;
}

/**
 * The subscription `call` (`source.subscribe(…)`) makes, when its source outlives the code that
 * subscribes and nothing in the chain ends it (`take(1)`, `first()`, `takeUntil(…)`). Typed: the
 * call's result says how it ends (oracle.subscriptionRelease); untyped: RxJS by its imports.
 */
export function subscriptionAt(call: TSESTree.CallExpression, scopeManager: ScopeManagerLike, oracle: Pick<TypeOracle, 'typed' | 'subscriptionRelease'>): Subscription | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'subscribe') return undefined;
  const program = programOf(call);
  if (!program) return undefined;
  const { root, selfEnding } = chainOf(callee.object);
  if (selfEnding) return undefined;
  const typedRelease = oracle.typed ? oracle.subscriptionRelease(call) : undefined;
  if (oracle.typed && !typedRelease) return undefined;
  const bindings = moduleBindings(program);
  let rxjs = false;
  if (root.type === AST_NODE_TYPES.CallExpression) {
    const member = resolveModuleMember(root.callee, bindings);
    if (!isRxjs(member?.module) || !ENDLESS_RXJS_SOURCES.has(member?.path.at(-1) ?? '')) return undefined;
    rxjs = true;
  } else if (root.type === AST_NODE_TYPES.Identifier) {
    const level = moduleLevel(root, scopeManager);
    if (!level) return undefined;
    rxjs = level.imported ? isRxjs(bindings.get(root.name)?.module) : madeByRxjs(level.init, program);
    // Typed, any module-level or imported source whose subscribe hands back a way to end it.
    if (!rxjs && !typedRelease) return undefined;
  } else if (root.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(root.object).type === AST_NODE_TYPES.ThisExpression) {
    // `this.events$`: a service's long-lived subject. Typed only: the field could be anything.
    if (!typedRelease) return undefined;
  } else {
    return undefined;
  }
  return { release: typedRelease ?? 'unsubscribe', source: root };
}

/**
 * Is the subscription `call` made ended or handed on: kept in a variable that is used at all after
 * (unsubscribed, called, disposed, passed on, added to a composite), stored in a field or returned,
 * or `using`. Dropped (`source.subscribe(…)` as a statement) it can never be ended.
 */
export function isSubscriptionKept(call: TSESTree.CallExpression, scopeManager: ScopeManagerLike): boolean {
  const value = outermostWrapper(call);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return false;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const declaration = parent.parent;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && (declaration.kind === 'using' || declaration.kind === 'await using')) return true;
    const variable = scopeManager.getDeclaredVariables(parent)[0];
    return (variable?.references ?? []).some((reference) => !reference.init);
  }
  return true;
}
