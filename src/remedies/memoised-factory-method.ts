import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { calledLocalFunction, returnedValues } from '../ast/local-functions';
import { staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

/**
 * `this.getClient().send(…)` in every operation of a storage driver, where `getClient()` builds the
 * client from the instance's configuration and returns it (directus' S3 driver): the fix a person
 * writes keeps one client per instance — the factory method fills a field on first use and returns
 * it after. This finds the factory and says whether memoising it is safe.
 */
export interface MemoisableFactory {
  readonly method: TSESTree.MethodDefinition;
  readonly classBody: TSESTree.ClassBody;
  /** The `new X(…)` / `createX(…)` the method returns: it becomes `(this.<field> ??= …)`. */
  readonly made: TSESTree.NewExpression | TSESTree.CallExpression;
}

/** Why a factory method cannot be memoised, for the refusal; or the factory. */
export type FactoryAnswer = { readonly factory: MemoisableFactory } | { readonly refusal: string } | undefined;

/** The `this.<name>` members a function reads. */
function instanceMembersRead(fn: Node): Set<string> {
  const names = new Set<string>();
  walk(fn, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = staticPropertyName(node);
      if (name !== undefined) names.add(node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${name}` : name);
    }
    return undefined;
  });
  return names;
}

/** Members assigned (`this.config = …`, `this.config.x = …` is the same object) outside the constructor. */
function reassignedMembers(classBody: TSESTree.ClassBody): Set<string> {
  const names = new Set<string>();
  for (const member of classBody.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') continue;
    walk(member, (node) => {
      const target =
        node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : undefined;
      if (target?.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = staticPropertyName(target);
        if (name !== undefined) names.add(target.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${name}` : name);
      }
      return undefined;
    });
  }
  return names;
}

/** A name the method reads that lives in a function around the class: a value of some other call. */
function outerLocal(analysis: Analysis, method: TSESTree.FunctionExpression): string | undefined {
  let found: string | undefined;
  walk(method.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (node.name === 'arguments') found = 'arguments';
    const variable = findVariable(analysis.scopeManager, node);
    const definition = variable?.defs[0]?.name;
    if (!variable || !definition) return undefined;
    const inside = definition.range[0] >= method.range[0] && definition.range[1] <= method.range[1];
    if (!inside && variable.scope.type !== 'module' && variable.scope.type !== 'global') found = node.name;
    return undefined;
  });
  return found;
}

/**
 * The factory method a per-call site calls (`this.getClient()`), when memoising it is what fixes the
 * site: an instance method of the same class, no parameters, not async, whose one statement-level
 * `return` hands back the client it makes; built only from module values, its own locals and members
 * the class sets once (in the constructor or a field initialiser). Undefined when the site is no such
 * call; a refusal when it is, but memoising it could hand back a stale or wrong client.
 */
export function memoisableFactory(analysis: Analysis, site: Node): FactoryAnswer {
  const call = unwrapExpression(site);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (call.callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const fn = calledLocalFunction(call, analysis.scopeManager);
  const method = fn?.parent;
  if (!fn || method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.static || method.kind !== 'method') return undefined;
  const name = analysis.sourceText.slice(call.callee.range[0], call.callee.range[1]);
  if (fn.async || fn.generator) return { refusal: `\`${name}()\` makes the client asynchronously; keep its promise in a field of the instance by hand` };
  if (call.arguments.length > 0 || fn.params.length > 0) return { refusal: `\`${name}()\` takes arguments: one client per instance cannot serve every call; keep one per key (a Map) or pass the client in` };
  const returns = returnedValues(fn, analysis.scopeManager);
  const made = returns.length === 1 ? unwrapExpression(returns[0]) : undefined;
  if (
    !made ||
    (made.type !== AST_NODE_TYPES.NewExpression && made.type !== AST_NODE_TYPES.CallExpression) ||
    made.parent?.type !== AST_NODE_TYPES.ReturnStatement ||
    made.parent.parent !== fn.body
  ) {
    return { refusal: `\`${name}()\` does not end by returning the client it makes; keep the client in a field of the instance by hand` };
  }
  const classBody = method.parent;
  const outer = outerLocal(analysis, fn);
  if (outer) return { refusal: `\`${name}()\` reads \`${outer}\`, a value from outside the class; keep one client per key (a Map) or pass the client in` };
  const reassigned = reassignedMembers(classBody);
  const changing = [...instanceMembersRead(fn)].find((member) => reassigned.has(member));
  if (changing) return { refusal: `\`${name}()\` reads \`this.${changing}\`, which the class changes after construction; a client kept per instance would not follow it` };
  return { factory: { method, classBody, made } };
}
