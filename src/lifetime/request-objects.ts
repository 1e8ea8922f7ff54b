import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { RequestScopeOracle } from './execution';

const REQUEST_NAMES = new Set(['req', 'request']);
// `h`: hapi's response toolkit, `handler(request, h)`.
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'h']);

function parameterName(parameter: TSESTree.Parameter | undefined): string | undefined {
  const target = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return target?.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
}

/**
 * The parameters of `fn` that are the request and response it serves: by their type (typed, or an
 * annotation), or, without types, by the signature every Node HTTP framework's handlers and
 * middleware share, `(req, res)` / `(req, res, next)` / `(request, reply)`. They live as long as
 * one request.
 */
export function requestObjectParameters(fn: FunctionNode, oracle: RequestScopeOracle): TSESTree.Parameter[] {
  const typed = fn.params.filter((parameter) => {
    const object = oracle.requestScopedType(parameter)?.entry.object;
    return object === 'request' || object === 'response' || object === 'context';
  });
  if (typed.length > 0) return typed;
  return hasRequestSignature(fn) ? [fn.params[0], fn.params[1]] : [];
}

/**
 * `(req, res)`, `(req, res, next)`, `(request, reply)`, `(request, h)`: the signature every Node HTTP
 * framework's handlers and middleware share, read without types.
 */
export function hasRequestSignature(fn: FunctionNode): boolean {
  const [first, second] = fn.params;
  return REQUEST_NAMES.has(parameterName(first) ?? '') && RESPONSE_NAMES.has(parameterName(second) ?? '');
}

/**
 * `req.redisClient = client` in the handler that receives `req`: the value is put on an object that
 * lives no longer than the request, which is over when the handler's work is. Storing it there keeps
 * it no longer than the handler's own variable would: the handler still owns it.
 */
export function isStoredOnRequest(value: Node, owner: FunctionNode, scopeManager: ScopeManagerLike, oracle: RequestScopeOracle): boolean {
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value) return false;
  const target = unwrapExpression(assignment.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(target.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = findVariable(scopeManager, object)?.defs[0];
  if (definition?.type !== 'Parameter' || definition.node !== owner) return false;
  const parameters = requestObjectParameters(owner, oracle);
  return parameters.some((parameter) => parameter === definition.name || (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left === definition.name));
}
