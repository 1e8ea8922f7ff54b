import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import type { LongLivedCollection } from './long-lived-collections';

/** The type its values are written with: `Map<K, V>` / `new Map<K, V>()`, `Record<K, V>`, `{ [k: string]: V }`. */
function writtenValueType(collection: LongLivedCollection): TSESTree.TypeNode | undefined {
  const annotation = collection.annotation;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference) return annotation.typeArguments?.params[1];
  if (annotation?.type === AST_NODE_TYPES.TSTypeLiteral) {
    const signature = annotation.members.find((member): member is TSESTree.TSIndexSignature => member.type === AST_NODE_TYPES.TSIndexSignature);
    return signature?.typeAnnotation?.typeAnnotation;
  }
  const init = unwrapExpression(collection.init);
  return init.type === AST_NODE_TYPES.NewExpression ? init.typeArguments?.params[1] : undefined;
}

/** Names declared at the top of the module as classes, interfaces or object-literal type aliases. */
function declaredObjectTypes(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (!declaration) continue;
    if ((declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) && declaration.id) names.add(declaration.id.name);
    if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) names.add(declaration.id.name);
  }
  return names;
}

/**
 * The values are objects of a type this module declares (`new Map<string, Game>()` with `class Game`
 * here): a `push` or `add` on one is that type's own method, not a nested collection growing. An
 * interface or class that extends a collection (`class Queue extends Array`) is left to the usual
 * reading.
 */
export function valuesAreDeclaredObjects(program: TSESTree.Program, collection: LongLivedCollection): boolean {
  const valueType = writtenValueType(collection);
  if (valueType?.type !== AST_NODE_TYPES.TSTypeReference || valueType.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const name = valueType.typeName.name;
  if (!declaredObjectTypes(program).has(name)) return false;
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id?.name === name && declaration.superClass) return false;
    if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === name && (declaration.extends?.length ?? 0) > 0) return false;
  }
  return true;
}
