import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/**
 * What a long-lived value is, as far as growth goes:
 * - `map`, `set`, `array`, `record` (an object with an index signature): grow without limit unless
 *   something removes entries;
 * - `weak`: WeakMap/WeakSet/WeakRef, bounded by the lifetime of their keys;
 * - `bounded`: a registry-declared bounded cache (lru-cache's `LRUCache` …).
 */
export type CollectionKind = 'map' | 'set' | 'array' | 'record' | 'weak' | 'bounded';

export type GrowingKind = Exclude<CollectionKind, 'weak' | 'bounded'>;

export function isGrowingKind(kind: CollectionKind | undefined): kind is GrowingKind {
  return kind === 'map' || kind === 'set' || kind === 'array' || kind === 'record';
}

const CONSTRUCTED: Readonly<Record<string, CollectionKind>> = {
  Map: 'map',
  Set: 'set',
  Array: 'array',
  WeakMap: 'weak',
  WeakSet: 'weak',
  WeakRef: 'weak',
};

/** `new Map()`, `new Set(…)`, `[]`, `new Array()`, `new WeakMap()`: what the syntax alone says. */
export function constructedKind(expression: Node): CollectionKind | undefined {
  const node = unwrapExpression(expression);
  if (node.type === AST_NODE_TYPES.ArrayExpression) return 'array';
  if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
    return CONSTRUCTED[node.callee.name];
  }
  return undefined;
}

/**
 * `Map<K, V>`, `Set<T>`, `T[]`, `Array<T>`, `Record<string, V>`, `{ [key: string]: V }` in an annotation,
 * or a same-file alias or interface of one (`interface Sessions { [id: string]: Session }`): without
 * types, what the file writes down is all there is.
 */
export function annotatedKind(annotation: TSESTree.TypeNode | undefined, followed: ReadonlySet<string> = new Set()): CollectionKind | undefined {
  if (!annotation) return undefined;
  if (annotation.type === AST_NODE_TYPES.TSArrayType) return 'array';
  if (annotation.type === AST_NODE_TYPES.TSTypeLiteral) return indexSignaturesOnly(annotation.members) ? 'record' : undefined;
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = annotation.typeName.name;
  if (name === 'Record') {
    const key = annotation.typeArguments?.params[0];
    // `Record<'a' | 'b', V>` has properties, not an index signature: it cannot grow.
    return key && (key.type === AST_NODE_TYPES.TSStringKeyword || key.type === AST_NODE_TYPES.TSNumberKeyword) ? 'record' : undefined;
  }
  if (name === 'Array') return 'array';
  if (Object.hasOwn(CONSTRUCTED, name)) return CONSTRUCTED[name];
  if (annotation.typeArguments || followed.has(name)) return undefined;
  const declaration = sameFileTypeDeclaration(annotation, name);
  if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && !declaration.typeParameters) return annotatedKind(declaration.typeAnnotation, new Set([...followed, name]));
  if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && !declaration.typeParameters && declaration.extends.length === 0) {
    return indexSignaturesOnly(declaration.body.body) ? 'record' : undefined;
  }
  return undefined;
}

function indexSignaturesOnly(members: readonly TSESTree.TypeElement[]): boolean {
  return members.length > 0 && members.every((member) => member.type === AST_NODE_TYPES.TSIndexSignature);
}

/** `{} as Record<K, V>`, `<Record<K, V>>{}`: the type the code gives an empty object it makes. */
export function assertedObjectType(init: Node): TSESTree.TypeNode | undefined {
  if (init.type !== AST_NODE_TYPES.TSAsExpression && init.type !== AST_NODE_TYPES.TSTypeAssertion) return undefined;
  return init.expression.type === AST_NODE_TYPES.ObjectExpression && init.expression.properties.length === 0 ? init.typeAnnotation : undefined;
}

/** A literal type or a union of them (`'a' | 'b'`, `1 | 2`, `boolean`): a key of this type bounds the map. */
export function isFiniteKeyTypeNode(node: TSESTree.TypeNode | undefined, followed: ReadonlySet<string> = new Set()): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.TSLiteralType || node.type === AST_NODE_TYPES.TSBooleanKeyword) return true;
  if (node.type === AST_NODE_TYPES.TSUnionType) return node.types.every((member) => isFiniteKeyTypeNode(member, followed));
  // Without types, a same-file `type Region = 'eu' | 'us'` or `enum Status` is as finite as written out.
  if (node.type === AST_NODE_TYPES.TSTypeReference && node.typeName.type === AST_NODE_TYPES.Identifier && !node.typeArguments) {
    const name = node.typeName.name;
    if (followed.has(name)) return false;
    const declaration = sameFileTypeDeclaration(node, name);
    if (declaration?.type === AST_NODE_TYPES.TSEnumDeclaration) return true;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return isFiniteKeyTypeNode(declaration.typeAnnotation, new Set([...followed, name]));
  }
  return false;
}

type TypeDeclaration = TSESTree.TSTypeAliasDeclaration | TSESTree.TSEnumDeclaration | TSESTree.TSInterfaceDeclaration;

/** The module-level `type <name> = …`, `interface <name>` or `enum <name>` of the file `node` is in, exported or not. */
export function sameFileTypeDeclaration(node: Node, name: string): TypeDeclaration | undefined {
  let root: Node = node;
  while (root.parent) root = root.parent;
  if (root.type !== AST_NODE_TYPES.Program) return undefined;
  for (const statement of root.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (
      (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration || declaration?.type === AST_NODE_TYPES.TSEnumDeclaration || declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) &&
      declaration.id.name === name
    ) {
      return declaration;
    }
  }
  return undefined;
}

/** The type arguments written on `new Map<K, V>()` or on the annotation `Map<K, V>`. */
export function writtenTypeArguments(
  construction: Node | undefined,
  annotation: TSESTree.TypeNode | undefined,
): readonly TSESTree.TypeNode[] | undefined {
  const node = construction ? unwrapExpression(construction) : undefined;
  if (node?.type === AST_NODE_TYPES.NewExpression && node.typeArguments) return node.typeArguments.params;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeArguments) return annotation.typeArguments.params;
  return undefined;
}
