import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** NestJS's injection scopes whose providers are built again and again: per request, per injection. */
const PER_USE_SCOPES = new Set(['REQUEST', 'TRANSIENT']);

/** A value a per-request (or per-injection) DI provider builds for each of its instances, and where it keeps it. */
export interface ScopedProviderField {
  readonly provider: ClassNode;
  readonly name: string;
  readonly field: string;
  readonly scope: 'request' | 'transient';
}

/**
 * `@Injectable({ scope: Scope.REQUEST })` (or `Scope.TRANSIENT`): the container builds a new
 * instance for every request (or every class it is injected into, and again per request when that
 * one is request-scoped). A field initialiser or a constructor's `this.f = …` then runs per request,
 * not once: a client made there is a client per request (nodejs-pubsub#2016). NestJS does not call
 * `onModuleDestroy` on such instances, so a close there does not end them.
 */
export function scopedProviderField(value: Node): ScopedProviderField | undefined {
  const held = outermostWrapper(value);
  const parent = held.parent;
  let field: string | undefined;
  let classNode: Node | undefined;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === held && !parent.static && !parent.computed) {
    field = parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : parent.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${parent.key.name}` : undefined;
    classNode = parent.parent?.parent;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === held && parent.operator === '=') {
    const target = unwrapExpression(parent.left);
    if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
    field = target.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${target.property.name}` : staticPropertyName(target);
    const constructor = enclosingConstructor(parent);
    classNode = constructor?.parent?.parent;
  }
  if (field === undefined || (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression)) return undefined;
  const scope = injectionScope(classNode);
  return scope ? { provider: classNode, name: classNode.id?.name ?? 'this provider', field, scope } : undefined;
}

/** The constructor whose own body (not a callback in it) holds `node`. */
function enclosingConstructor(node: Node): TSESTree.MethodDefinition | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const method = current.parent;
      return method?.type === AST_NODE_TYPES.MethodDefinition && method.kind === 'constructor' ? method : undefined;
    }
  }
  return undefined;
}

/** `@Injectable({ scope: Scope.REQUEST })` → `request`; `durable` providers are per tenant, not per request. */
function injectionScope(classNode: ClassNode): ScopedProviderField['scope'] | undefined {
  for (const decorator of classNode.decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const options = call.arguments[0];
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    let scope: string | undefined;
    let durable = false;
    for (const property of options.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) continue;
      const value = unwrapExpression(property.value);
      if (property.key.name === 'durable' && value.type === AST_NODE_TYPES.Literal && value.value === true) durable = true;
      if (property.key.name !== 'scope' || value.type !== AST_NODE_TYPES.MemberExpression) continue;
      const name = staticPropertyName(value);
      if (name !== undefined && PER_USE_SCOPES.has(name)) scope = name;
    }
    if (scope && !durable) return scope === 'REQUEST' ? 'request' : 'transient';
  }
  return undefined;
}
