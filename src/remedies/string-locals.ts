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
  return primitiveLocalType(analysis, identifier) === 'string';
}

/** Methods that answer yes or no on every standard type that has them (`hosts.includes(h)`, `url.startsWith('https')`). */
const PREDICATE_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'some', 'every', 'test']);
const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'in', 'instanceof']);

/** A comparison, a negation, `true`/`false`, a predicate method's answer, or `&&`/`||`/`??` of those. */
function isBooleanExpression(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.ChainExpression) return isBooleanExpression(node.expression);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'boolean';
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator === '!';
  if (node.type === AST_NODE_TYPES.BinaryExpression) return COMPARISONS.has(node.operator);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return isBooleanExpression(node.left) && isBooleanExpression(node.right);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = node.callee;
    return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && PREDICATE_METHODS.has(callee.property.name);
  }
  return false;
}

/**
 * The primitive a local written once can only hold, read from its declaration: `'string'` for a
 * string expression, `'boolean'` for a comparison or a predicate's answer (`const secure =
 * url.protocol === 'https:'`). Such a value compares by content, so it keys a map of clients as it is.
 */
export function primitiveLocalType(analysis: Analysis, identifier: TSESTree.Identifier): 'string' | 'boolean' | undefined {
  const variable = findVariable(analysis.scopeManager, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const declarator = variable.defs[0].node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  if (isStringExpression(declarator.init)) return 'string';
  return isBooleanExpression(declarator.init) ? 'boolean' : undefined;
}
