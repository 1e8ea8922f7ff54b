import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, type FunctionNode } from '../ast/predicates';
import { calledLocalFunction } from '../ast/local-functions';
import type { Node } from '../ast/traverse';
import { usedOnlyThroughOwnMethods } from './own-method-uses';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import type { Registry } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * `MongoClient.connect(url, (err, client) => { … })`: the callback form of a promise factory hands the
 * client to its callback's second parameter (Node's error-first convention). The callback owns it
 * then, like a function that awaited the promise.
 */
export interface CallbackAcquisition {
  readonly entry: ResourceEntry;
  readonly callback: FunctionNode;
  readonly parameter: TSESTree.Identifier;
  readonly variable: VariableLike;
  /** Set when a function of this file delivers it (see localCallbackFactory): not a package's callback form. */
  readonly localFactory?: FunctionNode;
}

export interface CallbackContext {
  readonly ast: TSESTree.Program;
  readonly registry: Registry;
  readonly scopeManager: ScopeManagerLike;
  /** What a `new`/call acquires (the detector's oracle): for a client a completion callback is given. */
  readonly acquisition?: (node: Node) => ResourceEntry | undefined;
}

export function callbackAcquisition(call: TSESTree.CallExpression, context: CallbackContext): CallbackAcquisition | undefined {
  const callback = call.arguments[call.arguments.length - 1];
  if (!callback || !isFunction(callback) || callback.params.length < 2) return undefined;
  const parameter = callback.params[1];
  if (parameter.type !== AST_NODE_TYPES.Identifier) return undefined;
  // The promise form's `await` is what acquires; a bare call with a callback is the same acquisition.
  if (outermostWrapper(call).parent?.type === AST_NODE_TYPES.AwaitExpression) return undefined;
  const packaged = packageCallbackFactory(call, context);
  const entry = packaged ?? localCallbackFactory(call, context);
  const variable = entry && context.scopeManager.getDeclaredVariables(callback).find((candidate) => candidate.name === parameter.name);
  if (!entry || !variable) return undefined;
  const localFactory = packaged ? undefined : calledLocalFunction(call, context.scopeManager);
  return localFactory ? { entry, callback, parameter, variable, localFactory } : { entry, callback, parameter, variable };
}

/** `MongoClient.connect(url, callback)`: a registry factory of a client whose promise form also takes a callback. */
function packageCallbackFactory(call: TSESTree.CallExpression, context: CallbackContext): ResourceEntry | undefined {
  const member = resolveModuleMember(call.callee, moduleBindings(context.ast));
  if (!member) return undefined;
  const name = member.path.join('.');
  return context.registry.entries.find(
    (candidate) =>
      candidate.kind === 'client' &&
      candidate.factories?.some((factory) => 'from' in factory && factory.async === true && factory.package === member.module && factory.name === name),
  );
}

/**
 * `getConnection((err, client) => { … })` where the function of this file hands its own last
 * parameter, the completion callback, a new client: it passes it on to a callback-form factory
 * (`MongoClient.connect(url, done)`), or calls it error-first with one it got or built
 * (`MongoClient.connect(url, (err, client) => done(err, client))`, `done(null, client)`). The
 * client is delivered through the callback instead of `return`, and each call makes one. Not when
 * the function also keeps it (`cached = client`): a lazy singleton's.
 */
function localCallbackFactory(call: TSESTree.CallExpression, context: CallbackContext, followed = new Set<FunctionNode>()): ResourceEntry | undefined {
  const factory = calledLocalFunction(call, context.scopeManager);
  const done = factory?.params.at(-1);
  if (!factory || done?.type !== AST_NODE_TYPES.Identifier || followed.has(factory) || followed.size >= MAX_FOLLOWED) return undefined;
  followed.add(factory);
  const variable = context.scopeManager.getDeclaredVariables(factory).find((candidate) => candidate.name === done.name);
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier;
    const parent = use.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression) continue;
    // `MongoClient.connect(url, done)`: handed on as another factory's completion callback.
    if (parent.arguments.at(-1) === use) {
      const entry = packageCallbackFactory(parent, context) ?? localCallbackFactory(parent, context, followed);
      if (entry) return entry;
    }
    // `done(err, client)`: called error-first with a client.
    const delivered = parent.callee === use ? parent.arguments[1] : undefined;
    if (delivered?.type === AST_NODE_TYPES.Identifier) {
      const entry = deliveredClient(delivered, context, followed);
      if (entry) return entry;
    }
  }
  return undefined;
}

/**
 * The client `identifier` holds where it is delivered (to a completion callback, to a promise's
 * `resolve`): a callback-form factory's parameter, or a local built by a client acquisition — used
 * otherwise only through its own methods.
 */
export function deliveredClient(identifier: TSESTree.Identifier, context: CallbackContext, followed = new Set<FunctionNode>()): ResourceEntry | undefined {
  const variable = findVariable(context.scopeManager, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition || !usedOnlyThroughOwnMethods(variable, identifier)) return undefined;
  if (definition.type === 'Parameter') {
    const callback = definition.node;
    const call = callback.parent;
    if (!isFunction(callback) || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.at(-1) !== callback || callback.params[1] !== definition.name) return undefined;
    return packageCallbackFactory(call, context) ?? localCallbackFactory(call, context, followed);
  }
  if (definition.type !== 'Variable' || definition.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init || !context.acquisition) return undefined;
  const entry = context.acquisition(definition.node.init);
  return entry?.kind === 'client' ? entry : undefined;
}

/** Completion callbacks handed through more functions than this are not a pattern. */
const MAX_FOLLOWED = 4;
