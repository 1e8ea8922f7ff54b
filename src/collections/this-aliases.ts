import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, unwrapExpression } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { fieldName } from './long-lived-collections';

/**
 * `var client = this; … client._requests[id] = callback`: older JavaScript (and code written before
 * arrow functions) names the instance through a local alias so that the callbacks a method creates can
 * reach it. Inside the method that declares it, the alias is the instance: `client.<field>` is the
 * instance's field, in that method and in every callback it creates. An alias that is reassigned
 * names something else at some point, and is not followed.
 *
 * `isInstance` says whether a `this` is the instance's (a method's own, not a nested function's).
 */
export function thisAliasReferences(
  scopeManager: ScopeManagerLike,
  owner: Node,
  name: string,
  isInstance: (node: TSESTree.ThisExpression) => boolean,
): TSESTree.MemberExpression[] {
  const found: TSESTree.MemberExpression[] = [];
  for (const alias of aliasesIn(scopeManager, owner)) {
    if (isInstance(alias.self)) found.push(...(alias.fields.get(name) ?? []));
  }
  return found;
}

/** One `const self = this` of a function: its `this`, and the `self.<field>` reads and writes by field name. */
interface ThisAlias {
  readonly self: TSESTree.ThisExpression;
  readonly fields: ReadonlyMap<string, readonly TSESTree.MemberExpression[]>;
}

// Asked once per field of every class (and per method): one walk per function, not per field.
const aliasesByOwner = new WeakMap<Node, readonly ThisAlias[]>();

function aliasesIn(scopeManager: ScopeManagerLike, owner: Node): readonly ThisAlias[] {
  const cached = aliasesByOwner.get(owner);
  if (cached) return cached;
  const aliases: ThisAlias[] = [];
  walk(owner, (node) => {
    if (node !== owner && isFunction(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return undefined;
    const init = unwrapExpression(node.init);
    if (init.type !== AST_NODE_TYPES.ThisExpression) return undefined;
    const fields = new Map<string, TSESTree.MemberExpression[]>();
    for (const variable of scopeManager.getDeclaredVariables(node)) {
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) continue;
      for (const reference of variable.references) {
        if (reference.init) continue;
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || member.computed) continue;
        const field = fieldName(member.property);
        if (field === undefined) continue;
        const members = fields.get(field);
        if (members) members.push(member);
        else fields.set(field, [member]);
      }
    }
    aliases.push({ self: init, fields });
    return undefined;
  });
  aliasesByOwner.set(owner, aliases);
  return aliases;
}
