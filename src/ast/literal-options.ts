import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

/**
 * The literal value an options object writes for `name` (`{ keepAlive: true }` → true, `{ method:
 * 'HEAD' }` → 'HEAD'), or undefined when it writes none, or not as a literal under a plain key.
 */
export function literalOption(options: TSESTree.ObjectExpression, name: string): TSESTree.Literal['value'] | undefined {
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== name) continue;
    return property.value.type === AST_NODE_TYPES.Literal ? property.value.value : undefined;
  }
  return undefined;
}
