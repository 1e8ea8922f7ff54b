import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, outermostWrapper, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike, isModuleScope } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import type { EventSourceKind, TypeOracle } from '../oracle/type-oracle';
import { memberName, thisOwner } from './reference-keys';
import { programOf } from '../ast/program-of';

/**
 * An event source that outlives the code adding a listener to it, and why: the process-wide globals
 * (`process`, `window`, `document`), an emitter made at module level or imported (an event bus), a
 * field of a long-lived instance that only its constructor sets, or an `AbortSignal` the caller
 * passed in (it may be one signal for a thousand calls).
 */
export interface LongLivedTarget {
  readonly lifetime: 'global' | 'module' | 'imported' | 'instance-field' | 'caller-signal';
  readonly api: 'emitter' | 'event-target' | 'abort-signal';
}

const GLOBAL_EMITTERS: Readonly<Record<string, LongLivedTarget['api']>> = {
  process: 'emitter',
  window: 'event-target',
  document: 'event-target',
  globalThis: 'event-target',
  self: 'event-target',
};

const EMITTER_CLASSES = new Set(['EventEmitter', 'EventTarget']);

function isGlobal(identifier: TSESTree.Identifier, scopeManager: ScopeManagerLike): boolean {
  const variable = findVariable(scopeManager, identifier);
  return !variable || variable.defs.length === 0;
}

/** `new EventEmitter()`, `new events.EventEmitter()`, `new EventTarget()`: made here, as an event source. */
function constructsEventSource(init: Node | null | undefined, program: TSESTree.Program): boolean {
  if (!init) return false;
  const made = unwrapExpression(init);
  if (made.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = unwrapExpression(made.callee);
  const member = resolveModuleMember(callee, moduleBindings(program));
  if (member) return (member.module === 'events' && (member.path.length === 0 || EMITTER_CLASSES.has(member.path.at(-1)!))) || member.module === 'eventemitter3';
  return callee.type === AST_NODE_TYPES.Identifier && EMITTER_CLASSES.has(callee.name);
}

function apiOf(kind: EventSourceKind | undefined, fallback: LongLivedTarget['api']): LongLivedTarget['api'] {
  return kind === 'emitter' || kind === 'event-target' || kind === 'abort-signal' ? kind : fallback;
}

/**
 * A parameter of a function around `site` that its callers hand in: an API of this code, which a
 * caller may call a thousand times with one signal. A callback's parameter (`new Worker(q, async
 * (job, token, signal) => …)`) is what a framework made for that one invocation.
 */
function isCallerParameter(variable: VariableLike, site: Node): boolean {
  const definition = variable.defs[0];
  if (definition?.type !== 'Parameter') return false;
  const fn = definition.node;
  if (!isFunction(fn) || !isInside(site, fn)) return false;
  const holder = outermostWrapper(fn).parent;
  return !((holder?.type === AST_NODE_TYPES.CallExpression || holder?.type === AST_NODE_TYPES.NewExpression) && holder.arguments.includes(outermostWrapper(fn) as TSESTree.CallExpressionArgument));
}

/**
 * `req.signal`, `request.signal`: a fetch-API handler's request (graphql-sse, hono, route handlers)
 * carries its own signal, made for that one request and aborted when it ends — the request's end,
 * not a caller's long-lived signal.
 */
const REQUEST_NAMES = new Set(['req', 'request']);

/** `options.signal`, `opts?.signal`, `init.signal`: the signal a caller passed inside its options. */
function isCallerSignalMember(node: Node, scopeManager: ScopeManagerLike): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== 'signal') return false;
  const root = unwrapExpression(node.object);
  if (root.type !== AST_NODE_TYPES.Identifier || REQUEST_NAMES.has(root.name)) return false;
  const variable = findVariable(scopeManager, root);
  return variable !== undefined && isCallerParameter(variable, node);
}

/**
 * The field's writes are all in the constructor or its initialiser: the same object for the
 * instance's whole life (an injected bus, `this.socket = socket`). A field a method reassigns
 * (`connect()` making a new socket) may be a new emitter each time, whose listeners die with it.
 */
function isConstructorOnlyField(member: TSESTree.MemberExpression, name: string): boolean {
  const owner = thisOwner(member);
  if (owner?.type !== AST_NODE_TYPES.ClassDeclaration && owner?.type !== AST_NODE_TYPES.ClassExpression) return false;
  let assignedElsewhere = false;
  let declared = false;
  walk(owner.body, (node) => {
    if (assignedElsewhere) return false;
    if ((node.type === AST_NODE_TYPES.PropertyDefinition && !node.static) || node.type === AST_NODE_TYPES.TSParameterProperty) {
      const key = node.type === AST_NODE_TYPES.PropertyDefinition ? node.key : node.parameter.type === AST_NODE_TYPES.Identifier ? node.parameter : undefined;
      const keyName = key?.type === AST_NODE_TYPES.Identifier ? key.name : key?.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : undefined;
      if (keyName === name) declared = true;
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const left = unwrapExpression(node.left);
      if (left.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(left.object).type === AST_NODE_TYPES.ThisExpression && memberName(left) === name) {
        const fn = enclosingFunction(node);
        const method = methodHolding(fn);
        if (method?.kind !== 'constructor') assignedElsewhere = true;
        else declared = true;
      }
    }
    return undefined;
  });
  return declared && !assignedElsewhere;
}

function methodHolding(fn: FunctionNode | undefined): TSESTree.MethodDefinition | undefined {
  for (let current = fn; current; current = enclosingFunction(current)) {
    if (current.parent?.type === AST_NODE_TYPES.MethodDefinition) return current.parent;
    if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  }
  return undefined;
}

/** A variable declared inside the functions around `site` that is neither a parameter nor `x = options.signal`. */
function isPlainLocal(identifier: TSESTree.Identifier, site: Node, scopeManager: ScopeManagerLike): boolean {
  const variable = findVariable(scopeManager, identifier);
  const definition = variable?.defs[0];
  if (!variable || !definition || definition.type === 'Parameter') return false;
  if (isModuleScope(variable.scope)) return false;
  if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init && isCallerSignalMember(unwrapExpression(definition.node.init), scopeManager)) return false;
  return isInside(site, variable.scope.block);
}

/**
 * The target of `target.on(…)` / `target.addEventListener(…)` at `site`, when it outlives the code
 * there. Typed: the target's type must be an event source (EventEmitter, EventTarget, AbortSignal)
 * — a jQuery set or an RxJS subject is not judged. Untyped: the shapes above, with an emitter only
 * when this module makes it (`new EventEmitter()`), and a signal by its name.
 */
export function longLivedTargetOf(target: Node, site: Node, scopeManager: ScopeManagerLike, oracle: Pick<TypeOracle, 'typed' | 'eventSourceKind'>): LongLivedTarget | undefined {
  const node = unwrapExpression(target);
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  // A local made in the function (most `x.on(…)` calls) is judged without asking the checker.
  if (node.type === AST_NODE_TYPES.Identifier && isPlainLocal(node, site, scopeManager)) return undefined;
  const kind = oracle.eventSourceKind(node);
  if (kind === 'other') return undefined;
  const program = programOf(node);
  if (!program) return undefined;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeManager, node);
    if (isGlobal(node, scopeManager)) {
      const api = GLOBAL_EMITTERS[node.name];
      return api ? { lifetime: 'global', api: apiOf(kind, api) } : undefined;
    }
    if (!variable) return undefined;
    const definition = variable.defs[0];
    // CommonJS wraps the module in a function scope whose block is the Program.
    const scopeType = variable.scope.type;
    if (scopeType === 'module' || scopeType === 'global' || variable.scope.block.type === AST_NODE_TYPES.Program) {
      if (definition?.type === 'ImportBinding' || (definition?.type === 'Variable' && moduleBindings(program).has(node.name))) {
        // Untyped, an imported name could be anything with an `on` method (an app, a router).
        return kind ? { lifetime: 'imported', api: kind } : undefined;
      }
      if (definition?.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
        if (kind) return { lifetime: 'module', api: kind };
        return constructsEventSource(definition.node.init, program) ? { lifetime: 'module', api: 'emitter' } : undefined;
      }
      return undefined;
    }
    if (isCallerParameter(variable, site)) {
      if (kind === 'abort-signal' || (!oracle.typed && /signal$/i.test(node.name))) return { lifetime: 'caller-signal', api: 'abort-signal' };
      return undefined;
    }
    // `const signal = options.signal`: still the caller's.
    if (definition?.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
      const init = unwrapExpression(definition.node.init);
      if (isCallerSignalMember(init, scopeManager) && (kind === 'abort-signal' || !oracle.typed)) return { lifetime: 'caller-signal', api: 'abort-signal' };
    }
    return undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (isCallerSignalMember(node, scopeManager) && (kind === 'abort-signal' || !oracle.typed)) return { lifetime: 'caller-signal', api: 'abort-signal' };
  const object = unwrapExpression(node.object);
  const name = memberName(node);
  if (name === undefined) return undefined;
  // `window.document`, `globalThis.process`.
  if (object.type === AST_NODE_TYPES.Identifier && isGlobal(object, scopeManager) && (object.name === 'window' || object.name === 'globalThis') && GLOBAL_EMITTERS[name]) {
    return { lifetime: 'global', api: apiOf(kind, GLOBAL_EMITTERS[name]) };
  }
  if (object.type === AST_NODE_TYPES.ThisExpression && kind && isConstructorOnlyField(node, name)) return { lifetime: 'instance-field', api: kind };
  return undefined;
}
