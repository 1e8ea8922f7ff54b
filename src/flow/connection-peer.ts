import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';
import { isHandlerRole } from '../lifetime/execution-role';
import type { TypeOracle } from '../oracle/type-oracle';

/** `(req, res, next)`: the shape of an http/Express/Connect handler, as untyped code shows it. */
const REQUEST_NAME = /^(req|request)$/;
const RESPONSE_NAME = /^(res|response|reply)$/;

/**
 * The handler parameter `destination` names, when it stands for the connection's other end: an http
 * response or request, a socket, a grpc-js call. Such a peer can close early (the client went away),
 * and `source.pipe(peer)` then neither destroys `source` nor reports it (ecstatic: one descriptor per
 * aborted download). Typed: the parameter's type; else the handler's registration, or the `(req, res)`
 * parameter names of middleware returned by a factory.
 */
export function connectionPeer(destination: Node, scopeManager: ScopeManagerLike, oracle: TypeOracle): TSESTree.Identifier | undefined {
  const target = unwrapExpression(destination);
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(scopeManager, target)?.defs[0];
  if (definition?.type !== 'Parameter' || !isFunction(definition.node)) return undefined;
  const handler = definition.node;
  const parameter = handler.params.find((candidate) => candidate.type === AST_NODE_TYPES.Identifier && candidate.name === target.name);
  if (!parameter) return undefined;
  if (oracle.requestScopedType(parameter)) return target;
  const role = executionOf(handler.body, oracle).role;
  if (isHandlerRole(role) && role.connection.some((connection) => connection.parameter === parameter)) return target;
  const [first, second] = handler.params;
  const named =
    first?.type === AST_NODE_TYPES.Identifier &&
    second?.type === AST_NODE_TYPES.Identifier &&
    REQUEST_NAME.test(first.name) &&
    RESPONSE_NAME.test(second.name);
  return named && (parameter === first || parameter === second) ? target : undefined;
}

/** `source.pipe(destination)`: the destination, when `reference` is the piped source. */
export function pipeDestination(reference: Node): Node | undefined {
  let value: Node = reference;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.TSAsExpression || value.parent.type === AST_NODE_TYPES.TSNonNullExpression)) value = value.parent;
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value || staticPropertyName(member) !== 'pipe') return undefined;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[0] : undefined;
}
