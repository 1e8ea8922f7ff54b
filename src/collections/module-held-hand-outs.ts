import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { calledLocalFunction } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { lifetimeExecutionOf } from '../lifetime/execution';
import { classifyUse, type CollectionUse } from './collection-uses';
import type { LongLivedCollection } from './long-lived-collections';

/**
 * `return { jobs, startJob }` from a factory this module calls once and keeps
 * (`const manager = createInstanceManager()`, not exported): the handed-out collection is reachable
 * only as `manager.jobs` in this file, so what this file does to it there is all that is ever done
 * to it. Returns those uses (followed into this file's functions it is passed to, `{ jobs }`
 * parameters included), or undefined when it may reach code this file does not show: the result is
 * exported or passed on whole, the collection is handed out some other way, or goes to a function
 * of another module.
 */
export interface ModuleHeldUses {
  readonly uses: readonly CollectionUse[];
  /** A function it is given declares the parameter's type (`{ jobs }: { jobs: Map<…> }`): a replacement must fit it. */
  readonly typedReceiver: boolean;
}

export function usesThroughModuleHeldResult(analysis: Analysis, collection: LongLivedCollection, handOuts: readonly CollectionUse[]): ModuleHeldUses | undefined {
  const holder = collection.holder;
  if (holder.kind !== 'closure' || holder.lifetime !== 'called-at-load') return undefined;
  const names = new Set<string>();
  for (const handOut of handOuts) {
    const property = handOut.site.type === AST_NODE_TYPES.Property ? handOut.site : outermostWrapper(handOut.reference).parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== outermostWrapper(handOut.reference)) return undefined;
    const object = property.parent;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression || object.parent?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
    const name = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (name === undefined) return undefined;
    names.add(name);
  }
  const results = resultVariables(analysis, holder.fn);
  if (!results) return undefined;
  const uses: CollectionUse[] = [];
  let typedReceiver = false;
  for (const variable of results) {
    for (const reference of variable.references) {
      if (reference.init) continue;
      const value = outermostWrapper(reference.identifier);
      const member = value.parent;
      // `manager.startJob(…)` is a call of what it returns; `manager.jobs` is the collection.
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return undefined;
      const name = staticPropertyName(member);
      if (name === undefined) return undefined;
      if (!names.has(name)) continue;
      const followed = followedUses(analysis, collection, member);
      if (!followed) return undefined;
      uses.push(...followed.uses);
      typedReceiver ||= followed.typedReceiver;
    }
  }
  return { uses, typedReceiver };
}

/** The module-level `const`s that keep the factory's results; undefined if a result goes anywhere else. */
function resultVariables(analysis: Analysis, factory: Node) {
  const declared = factory.type === AST_NODE_TYPES.FunctionDeclaration ? factory : factory.parent?.type === AST_NODE_TYPES.VariableDeclarator ? factory.parent : undefined;
  const variable = declared && analysis.scopeManager.getDeclaredVariables(declared)[0];
  if (!variable) return undefined;
  const results = [];
  for (const reference of variable.references) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
    // Calls made per call of something else make instances that die with it.
    if (lifetimeExecutionOf(call, analysis.scopeManager).kind !== 'once') continue;
    const declarator = outermostWrapper(call).parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
    const kept = analysis.scopeManager.getDeclaredVariables(declarator)[0];
    if (!kept) return undefined;
    results.push(kept);
  }
  return results.length > 0 ? results : undefined;
}

/** What `manager.jobs` is used for: directly, or as `{ jobs: manager.jobs }` given to a function of this file. */
function followedUses(analysis: Analysis, collection: LongLivedCollection, member: TSESTree.MemberExpression): ModuleHeldUses | undefined {
  const use = classifyUse(collection.kind, member);
  if (use.kind !== 'escape') return use.kind === 'export' ? undefined : { uses: [use], typedReceiver: false };
  const value = outermostWrapper(member);
  const property = value.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== value || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = property.parent;
  const call = object?.parent;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const position = call.arguments.indexOf(object);
  const fn = calledLocalFunction(call, analysis.scopeManager);
  const parameter = fn?.params[position];
  const pattern = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (!fn || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const key = property.key.name;
  const bound = pattern.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === key,
  );
  const local = bound && unwrapExpression(bound.value.type === AST_NODE_TYPES.AssignmentPattern ? bound.value.left : bound.value);
  if (local?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(fn).find((candidate) => candidate.name === local.name);
  if (!variable) return undefined;
  const uses = variable.references.filter((reference) => reference.identifier !== local).map((reference) => classifyUse(collection.kind, reference.identifier));
  // One level only: handed on again, it may go anywhere.
  if (uses.some((inner) => inner.kind === 'escape' || inner.kind === 'export') || uses.some((inner) => enclosingFunction(inner.site) === undefined)) return undefined;
  return { uses, typedReceiver: pattern.typeAnnotation !== undefined };
}
