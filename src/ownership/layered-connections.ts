import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * `tls.connect({ socket, ...options })` over a socket the function was given: the TLS socket is a
 * layer on the caller's connection and ends with it (destroying the raw socket closes the TLS one),
 * so whoever owns that connection owns the layer too. grpc-js's secure connectors upgrade the socket
 * their caller opened and destroys on failure; "leaves it open" there blamed the wrong function.
 * A connection this function opened itself is no such hand-off: the layer is judged as usual.
 */
export function layeredOnGivenConnection(acquisition: Node, entry: ResourceEntry, scopeManager: ScopeManagerLike): boolean {
  const names = entry.layeredOnOptions;
  if (!names || names.length === 0) return false;
  const call = unwrapExpression(acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition);
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return false;
  return call.arguments.some((argument) => {
    const options = optionsObject(argument, scopeManager);
    return options?.properties.some((property) => property.type === AST_NODE_TYPES.Property && names.includes(keyOf(property) ?? '') && isGiven(property.value, scopeManager)) ?? false;
  });
}

/** The object literal an argument is: written inline, or a `const` initialised with one. */
function optionsObject(argument: Node, scopeManager: ScopeManagerLike): TSESTree.ObjectExpression | undefined {
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definitions = findVariable(scopeManager, value)?.defs ?? [];
  const declarator = definitions.length === 1 ? definitions[0].node : undefined;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent?.kind !== 'const' || !declarator.init) return undefined;
  const init = unwrapExpression(declarator.init);
  return init.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

function keyOf(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** A parameter of the function, or a field (`this.socket`): a connection someone else opened. */
function isGiven(value: Node, scopeManager: ScopeManagerLike): boolean {
  const node = unwrapExpression(value);
  if (node.type === AST_NODE_TYPES.MemberExpression) return node.object.type === AST_NODE_TYPES.ThisExpression;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definitions = findVariable(scopeManager, node)?.defs ?? [];
  return definitions.length > 0 && definitions.every((definition) => definition.type === 'Parameter');
}
