import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { findVariable } from '../ast/scopes';

/**
 * `databaseUri` after `const { databaseUri, options } = connection`: the property path it stands for
 * (`connection.databaseUri`) and that path's root, so that a map of clients can be keyed by it as if
 * the code had written the path. Only a `const` picking a top-level property by its plain name (no
 * default, no rest, no nesting) out of a variable nothing assigns after it is declared: then the local
 * and the path read the same value wherever the root is in scope.
 */
export function destructuredPath(analysis: Analysis, identifier: TSESTree.Identifier): { path: string; root: TSESTree.Identifier } | undefined {
  const variable = findVariable(analysis.scopeManager, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node;
  if (definition?.type !== 'Variable' || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent.kind !== 'const') return undefined;
  const root = declarator.init;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || root?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const property = definition.name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.parent !== declarator.id || property.computed || property.value !== definition.name) return undefined;
  if (property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const rootVariable = findVariable(analysis.scopeManager, root);
  if (!rootVariable || rootVariable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return { path: `${root.name}.${property.key.name}`, root };
}
