import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { Registration } from './execution-role';

/**
 * The export names a platform or framework calls by convention, once per event or request:
 * - `handler`: AWS Lambda's `index.handler`, Netlify functions;
 * - `GET`, `POST` … : route handlers named after their HTTP method (Next.js App Router `route.ts`,
 *   SvelteKit `+server.ts`, Astro endpoints);
 * - `loader`, `action`: Remix / React Router data functions; `getServerSideProps`: Next.js pages.
 */
const INVOKED_EXPORTS: ReadonlyMap<string, InvokedExport['convention']> = new Map([
  ['handler', 'serverless'],
  ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map((name) => [name, 'route'] as const),
  ...['loader', 'action', 'getServerSideProps'].map((name) => [name, 'data-function'] as const),
]);

export type InvokedExport = Extract<Registration, { via: 'invoked-export' }>;

/** `exports` or `module.exports`. */
function isCommonJsExports(node: Node): boolean {
  const object = unwrapExpression(node);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'exports';
  if (object.type !== AST_NODE_TYPES.MemberExpression) return false;
  const module = unwrapExpression(object.object);
  return module.type === AST_NODE_TYPES.Identifier && module.name === 'module' && staticPropertyName(object) === 'exports';
}

/** The name `fn` is exported under: `export function GET`, `export const handler = …`, `exports.handler = …`. */
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
 * `exports.handler = async (event) => …`, `export async function GET(request) { … }`: a function the
 * platform or framework invokes by its exported name, once per event or request, while the module
 * (and whatever it holds) stays loaded between invocations — which is why AWS's and Next.js's own
 * advice is to create clients outside them (w3infra's billing Lambdas made a DynamoDB and an SQS
 * client per invocation; serverless-pg replaced its pg client on every `connect()` in the handler).
 */
export function invokedExport(fn: FunctionNode): InvokedExport | undefined {
  const name = exportedName(fn);
  const convention = name === undefined ? undefined : INVOKED_EXPORTS.get(name);
  return name === undefined || convention === undefined ? undefined : { via: 'invoked-export', name, convention };
}
