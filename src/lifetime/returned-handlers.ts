import { functionName } from '../ast/function-name';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, type FunctionNode } from '../ast/predicates';
import type { Registration } from './execution-role';
import { hasRequestSignature } from './request-objects';

export type HandlerFactoryRegistration = Extract<Registration, { via: 'handler-factory' }>;

/**
 * `function simpleQueryResponder(sql) { return function (req, res) { … } }`,
 * `const requireRole = (role) => (req, res, next) => …`: a handler factory. What it returns is handed
 * to a router (often in another module, `app.get('/x', simpleQueryResponder(sql))`) and runs once per
 * request; the `(req, res[, next])` / `(request, reply)` signature says so without types, and the
 * factory around it says it is no plain helper that happens to take those names. Metis opened a pg
 * client per dashboard request in such a responder.
 */
export function handlerFactoryRegistration(fn: FunctionNode): HandlerFactoryRegistration | undefined {
  if (!hasRequestSignature(fn)) return undefined;
  const factory = returningFunction(fn);
  return factory ? { via: 'handler-factory', factory: functionName(factory) } : undefined;
}

/** The function that returns `fn`: `return function (…) {…}`, or an arrow whose body is `fn`. */
function returningFunction(fn: FunctionNode): FunctionNode | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === fn) return parent;
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  return enclosingFunction(parent);
}
