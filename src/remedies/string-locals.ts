import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';

/** A template literal, a string literal, or a `+` with one of those on a side: a string whatever else it adds. */
function isStringExpression(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') return isStringExpression(node.left) || isStringExpression(node.right);
  return false;
}

/**
 * `var url = 'mongodb://' + req.param('host') + ':' + req.param('port')`: a local written once, by
 * a declaration whose value can only be a string. Such a value compares by content, so it can key a
 * map of clients (an object would be a new key on every call) without type information.
 */
export function isStringLocal(analysis: Analysis, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(analysis.scopeManager, identifier);
  if (!variable || variable.defs.length !== 1) return false;
  const declarator = variable.defs[0].node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  return isStringExpression(declarator.init);
}
