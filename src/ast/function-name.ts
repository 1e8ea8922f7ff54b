import { AST_NODE_TYPES } from './node-types';
import type { FunctionNode } from './predicates';

/**
 * How code calls a function: its own name (`function load()`), else the variable it is assigned to
 * (`const load = () => …`), else its method or property key (`load() {}`, `{ load: () => … }`,
 * `#load() {}`, `'load'() {}`). Undefined for an anonymous callback or a computed key.
 */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const holder = fn.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator) return holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : undefined;
  if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.Property || holder?.type === AST_NODE_TYPES.PropertyDefinition) {
    if (holder.value !== fn) return undefined;
    const key = holder.key;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
    if (holder.computed) return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  }
  return undefined;
}
