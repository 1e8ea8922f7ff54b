import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { resolveTypeName, type ModuleBindings, type ModuleMember } from './module-bindings';

/**
 * Names that say a function value makes something new: `websocketFactory`, `createSocket`,
 * `connect`, `openDatabase`. A getter (`getSocket`) may hand back a shared one.
 */
export const FACTORY_NAME = /(?:^(?:create|connect|open|new)|Factory$|^factory$)/i;

/**
 * `this.websocketFactory(url)`, `socketFactory(url)`: a factory the code was given (a constructor
 * parameter, a field, a parameter — so tests can pass a fake) whose written type says it returns a
 * package's type (`type WebsocketFactory = (url: string) => WebSocket` with WebSocket from 'ws').
 * What it makes is what the package makes: the same judgement as `new WebSocket(url)`, read from the
 * source (typed mode reads the same from the checker). Only function *types* count: a function of
 * the project with a body is followed, or judged, elsewhere.
 */
export function injectedFactoryProduct(call: TSESTree.CallExpression, program: TSESTree.Program, scopeManager: ScopeManagerLike, bindings: ModuleBindings): ModuleMember | undefined {
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  if (name === undefined || !FACTORY_NAME.test(name)) return undefined;
  const written = writtenType(callee, scopeManager);
  const signature = written && functionType(written, program);
  const returned = signature?.returnType?.typeAnnotation;
  if (returned?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const member = resolveTypeName(returned.typeName, bindings);
  return member && !member.module.startsWith('.') && !member.module.startsWith('/') ? member : undefined;
}

/** The annotation of what `callee` names: a parameter, a `this.<field>` (declared or a parameter property). */
function writtenType(callee: Node, scopeManager: ScopeManagerLike): TSESTree.TypeNode | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const definition = findVariable(scopeManager, callee)?.defs[0];
    if (definition?.type !== 'Parameter') return undefined;
    return definition.name.typeAnnotation?.typeAnnotation;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const field = staticPropertyName(callee);
  let classBody: TSESTree.ClassBody | undefined;
  for (let current: Node | undefined = callee.parent; current && !classBody; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) classBody = current;
  }
  for (const element of classBody?.body ?? []) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === field) {
      return element.typeAnnotation?.typeAnnotation;
    }
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') continue;
    for (const parameter of element.value.params) {
      if (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.Identifier && parameter.parameter.name === field) {
        return parameter.parameter.typeAnnotation?.typeAnnotation;
      }
    }
  }
  return undefined;
}

/** `(url: string) => WebSocket`, directly or through a type alias of this file. */
function functionType(typeNode: TSESTree.TypeNode, program: TSESTree.Program): TSESTree.TSFunctionType | undefined {
  if (typeNode.type === AST_NODE_TYPES.TSFunctionType) return typeNode;
  if (typeNode.type !== AST_NODE_TYPES.TSTypeReference || typeNode.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = typeNode.typeName.name;
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name) {
      return declaration.typeAnnotation.type === AST_NODE_TYPES.TSFunctionType ? declaration.typeAnnotation : undefined;
    }
  }
  return undefined;
}
