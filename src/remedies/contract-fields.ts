import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName } from '../ast/predicates';
import { sameFileTypeDeclaration } from '../collections/collection-kind';
import type { LongLivedCollection } from '../collections/long-lived-collections';
import type { Node } from '../ast/traverse';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The interface or base class of this file that declares the collection's field too (`class
 * MemoryStore implements Store` with `interface Store { data: Map<string, string> }`): its type is
 * the contract's, and an LRUCache — not a Map — would break it. The name of that contract, if any.
 */
export function contractDeclaringField(collection: LongLivedCollection): string | undefined {
  const found = fieldOf(collection);
  if (!found) return undefined;
  const { cls, field } = found;
  const heritage: Node[] = [...(cls.implements ?? []).map((clause) => clause.expression), ...(cls.superClass ? [cls.superClass] : [])];
  for (const reference of heritage) {
    if (reference.type !== AST_NODE_TYPES.Identifier) continue;
    if (declaresMember(reference, reference.name, field, new Set())) return reference.name;
  }
  return undefined;
}

/** The class and field name of a collection kept in a field (`data = new Map()`, `this.data = new Map()` in its constructor). */
function fieldOf(collection: LongLivedCollection): { cls: ClassNode; field: string } | undefined {
  const declaration = collection.declaration;
  if (declaration.type === AST_NODE_TYPES.PropertyDefinition) {
    const field = declaration.key.type === AST_NODE_TYPES.Identifier && !declaration.computed ? declaration.key.name : undefined;
    const cls = declaration.parent.parent;
    return field && (cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression) ? { cls, field } : undefined;
  }
  if (declaration.type !== AST_NODE_TYPES.AssignmentExpression || declaration.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const field = staticPropertyName(declaration.left);
  for (let current: Node | undefined = declaration.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return field ? { cls: current, field } : undefined;
  }
  return undefined;
}

/** Whether the same-file interface or class `name` (or one it extends) declares `field`. */
function declaresMember(at: Node, name: string, field: string, visited: Set<string>): boolean {
  if (visited.has(name)) return false;
  visited.add(name);
  const declaration = sameFileTypeDeclaration(at, name) ?? sameFileClass(at, name);
  if (!declaration) return false;
  if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
    if (declaration.body.body.some((member) => memberName(member) === field)) return true;
    return declaration.extends.some((clause) => clause.expression.type === AST_NODE_TYPES.Identifier && declaresMember(at, clause.expression.name, field, visited));
  }
  if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration) {
    return declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral && declaration.typeAnnotation.members.some((member) => memberName(member) === field);
  }
  if (declaration.type === AST_NODE_TYPES.ClassDeclaration) {
    if (declaration.body.body.some((member) => memberName(member) === field)) return true;
    return declaration.superClass?.type === AST_NODE_TYPES.Identifier ? declaresMember(at, declaration.superClass.name, field, visited) : false;
  }
  return false;
}

function memberName(member: Node): string | undefined {
  if (
    member.type !== AST_NODE_TYPES.TSPropertySignature &&
    member.type !== AST_NODE_TYPES.TSMethodSignature &&
    member.type !== AST_NODE_TYPES.PropertyDefinition &&
    member.type !== AST_NODE_TYPES.MethodDefinition
  ) {
    return undefined;
  }
  return member.key.type === AST_NODE_TYPES.Identifier && !member.computed ? member.key.name : undefined;
}

function sameFileClass(at: Node, name: string): TSESTree.ClassDeclaration | undefined {
  let root: Node = at;
  while (root.parent) root = root.parent;
  if (root.type !== AST_NODE_TYPES.Program) return undefined;
  for (const statement of root.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id?.name === name) return declaration;
  }
  return undefined;
}
