import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { Registration } from './execution-role';

/** The export name serverless platforms invoke by convention (AWS Lambda's `index.handler`, Netlify functions). */
const HANDLER_EXPORT = 'handler';

/** `exports` or `module.exports`. */
function isCommonJsExports(node: Node): boolean {
  const object = unwrapExpression(node);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'exports';
  return (
    object.type === AST_NODE_TYPES.MemberExpression &&
    unwrapExpression(object.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(object.object) as { name: string }).name === 'module' &&
    staticPropertyName(object) === 'exports'
  );
}

/** The name `fn` is exported under: `export function handler`, `export const handler = …`, `exports.handler = …`. */
function exportedName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn.id?.name : undefined;
  const holder = fn.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === fn && holder.id.type === AST_NODE_TYPES.Identifier) {
    return holder.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? holder.id.name : undefined;
  }
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === fn && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    return isCommonJsExports(holder.left.object) ? staticPropertyName(holder.left) : undefined;
  }
  return undefined;
}

/**
 * `exports.handler = async (event, context) => …`, `export const handler = async (event) => …`: the
 * function a serverless platform (AWS Lambda, Netlify) invokes once per event. A warm instance keeps
 * the module — and whatever the module holds — between invocations, which is why the platforms' own
 * advice is to create clients outside the handler (w3infra's billing functions: a DynamoDB and an SQS
 * client per invocation).
 */
export function serverlessRegistration(fn: FunctionNode): Extract<Registration, { via: 'serverless-export' }> | undefined {
  if (exportedName(fn) !== HANDLER_EXPORT) return undefined;
  return { via: 'serverless-export', name: HANDLER_EXPORT };
}
