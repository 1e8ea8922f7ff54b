import { AST_NODE_TYPES } from '../ast/node-types';
import type { FunctionNode } from '../ast/predicates';
import type { Registration } from './execution-role';

export type RequestContextRegistration = Extract<Registration, { via: 'request-context' }>;

/** The names frameworks give the incoming request inside the context object they pass a handler. */
const REQUEST_PROPERTIES = new Set(['request', 'req']);

/**
 * `async function loader({ request, params })`, `getServerSideProps({ req, res })`,
 * `async function MongoDBFind({ request, connection })`: a handler that takes its request inside one
 * context object, the shape of Remix / React Router data functions, SvelteKit and Astro endpoints,
 * Next.js data functions and plugin request resolvers (lowdefy's connection requests). Whatever
 * registers it (often a framework, by file or by name), it runs once per request. Read from the
 * destructuring pattern of the first parameter, so it needs no types.
 */
export function requestContextRegistration(fn: FunctionNode): RequestContextRegistration | undefined {
  const first = fn.params[0];
  const pattern = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    if (REQUEST_PROPERTIES.has(property.key.name)) return { via: 'request-context', property: property.key.name };
  }
  return undefined;
}
