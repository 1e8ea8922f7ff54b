import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike, VariableLike } from '../ast/scopes';
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
}

export function callbackAcquisition(
  call: TSESTree.CallExpression,
  context: { ast: TSESTree.Program; registry: Registry; scopeManager: ScopeManagerLike },
): CallbackAcquisition | undefined {
  const callback = call.arguments[call.arguments.length - 1];
  if (!callback || !isFunction(callback) || callback.params.length < 2) return undefined;
  const parameter = callback.params[1];
  if (parameter.type !== AST_NODE_TYPES.Identifier) return undefined;
  // The promise form's `await` is what acquires; a bare call with a callback is the same acquisition.
  if (outermostWrapper(call).parent?.type === AST_NODE_TYPES.AwaitExpression) return undefined;
  const member = resolveModuleMember(call.callee, moduleBindings(context.ast));
  if (!member) return undefined;
  const name = member.path.join('.');
  const entry = context.registry.entries.find(
    (candidate) =>
      candidate.kind === 'client' &&
      candidate.factories?.some((factory) => 'from' in factory && factory.async === true && factory.package === member.module && factory.name === name),
  );
  const variable = entry && context.scopeManager.getDeclaredVariables(callback).find((candidate) => candidate.name === parameter.name);
  return entry && variable ? { entry, callback, parameter, variable } : undefined;
}
