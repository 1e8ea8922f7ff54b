import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

/**
 * What an expression names, as a comparable key: `timer` (the variable itself, not every `timer` of
 * the file), `this.#timer` (of this class), `process`, `bus.events`. Two expressions with the same
 * key name the same slot, so a handle stored through one is cleared through the other and a listener
 * added through one is removed through the other. Undefined for anything computed.
 */
export function referenceKey(node: Node, scopeManager: ScopeManagerLike): string | undefined {
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(scopeManager, expression);
      // Globals (`process`, `window`) have no definition in the file, or none at all.
      if (!variable || variable.defs.length === 0) return `global:${expression.name}`;
      return `${expression.name}@${variable.defs[0].name.range[0]}`;
    }
    case AST_NODE_TYPES.ThisExpression: {
      // `this` of plain functions is one key for the file: `Foo.prototype.start = function () { this.timer = … }`
      // and `Foo.prototype.stop` share their object, which the source does not tie together.
      const owner = thisOwner(expression);
      return owner && owner.type !== AST_NODE_TYPES.FunctionDeclaration && owner.type !== AST_NODE_TYPES.FunctionExpression ? `this@${owner.range[0]}` : 'this';
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(expression);
      const object = referenceKey(expression.object, scopeManager);
      return name === undefined || object === undefined ? undefined : `${object}.${name}`;
    }
    default:
      return undefined;
  }
}

/** `a.b`, `a.#b`, `a['b']`: the accessed name, `#` for a private one. */
export function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.property.name}`;
  return staticPropertyName(member);
}

/**
 * What `this` is at `node`: the class, for code in a method, constructor or field (arrows inherit
 * `this`), else the nearest plain function.
 */
export function thisOwner(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent;
    if (isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const holder = current.parent;
      if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) return holder.parent.parent;
      return current;
    }
  }
  return undefined;
}
