import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { findVariable } from '../ast/scopes';
import { statementListOf } from '../ast/statement-lists';
import { walk, type Node } from '../ast/traverse';

/** Nodes whose value is not fixed by the values they read: evaluating them twice could differ or act twice. */
const UNSETTLED = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.Super,
  AST_NODE_TYPES.SpreadElement,
]);

/**
 * No call, `new`, `await`, assignment, function or `this` anywhere in `expression`: written out again
 * in a getter, it reads the same values and does nothing else.
 */
export function isSettledExpression(expression: Node): boolean {
  let settled = true;
  walk(expression, (node) => {
    if (!settled) return false;
    if (UNSETTLED.has(node.type)) settled = false;
    return undefined;
  });
  return settled;
}

/**
 * `const transporterConfig = { host: cfg.host, auth: { user: cfg.user } }` and then
 * `createTransport(transporterConfig)`: the options a function assembles from values of the call
 * before making a client. A `const` declared once as a statement of its own, whose initialiser is
 * settled (see isSettledExpression), or a call `settledCall` vouches for (an options helper that only
 * arranges its arguments): the keyed getter can write the initialiser in its place and key the map by
 * the values it reads. Its declarator, or undefined.
 */
export function assembledLocal(analysis: Analysis, identifier: TSESTree.Identifier, settledCall?: (init: Node) => boolean): TSESTree.VariableDeclarator | undefined {
  const variable = findVariable(analysis.scopeManager, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  if (declarator.parent.kind !== 'const' || !statementListOf(declarator.parent.parent)) return undefined;
  // Declared before it is used here: the getter is called where the client was made.
  if (declarator.range[1] > identifier.range[0]) return undefined;
  const settled = isSettledExpression(declarator.init) || settledCall?.(declarator.init) === true;
  return settled && !readsReassigned(analysis, declarator.init) ? declarator : undefined;
}

/**
 * `let host = a; const options = { host }; host = b;`: written out again at the site, the
 * initialiser would read `b`. Every variable it reads keeps the value it had when it was declared.
 */
function readsReassigned(analysis: Analysis, init: Node): boolean {
  let reassigned = false;
  walk(init, (node) => {
    if (reassigned) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      reassigned = readsReassigned(analysis, node.object);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Property && !node.computed) {
      reassigned = readsReassigned(analysis, node.value);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(analysis.scopeManager, node);
      reassigned = variable?.references.some((reference) => reference.isWrite() && !reference.init) === true;
    }
    return undefined;
  });
  return reassigned;
}
