import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

/**
 * `new Session(await pool.connect())` where `Session` is a class of this file whose constructor keeps
 * the argument in a field (`constructor(readonly client: PoolClient)`, `this.client = client`): the
 * session object owns the handle, and `session.client.release()` releases it (drizzle's transaction).
 */
export interface WrapperHolding {
  /** The `new Session(…)` expression. */
  readonly creation: TSESTree.NewExpression;
  /** The field that keeps the handle. */
  readonly field: string;
  /** `const session = …`: the variable that holds the wrapper. */
  readonly declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  readonly variable: VariableLike;
  /**
   * `const session = isPool ? new Session(await pool.connect()) : new Session(this.client)`: a `const`
   * flag whose truth (`present`) or falsity says the handle was acquired; `if (isPool) release()` is then a guard.
   */
  readonly presence: { readonly name: string; readonly when: 'truthy' | 'falsy' } | undefined;
}

export function wrapperHolding(acquisition: Node, scopeManager: ScopeManagerLike): WrapperHolding | undefined {
  const value = outermostWrapper(acquisition);
  const creation = value.parent;
  if (creation?.type !== AST_NODE_TYPES.NewExpression || creation.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const position = (creation.arguments as readonly Node[]).indexOf(value);
  if (position < 0) return undefined;
  const classNode = localClass(creation.callee, scopeManager);
  const field = classNode && storedField(classNode, position);
  if (field === undefined) return undefined;

  let held: Node = outermostWrapper(creation);
  let presence: WrapperHolding['presence'];
  const conditional = held.parent;
  if (conditional?.type === AST_NODE_TYPES.ConditionalExpression && conditional.test !== held) {
    const test = unwrapExpression(conditional.test);
    if (test.type !== AST_NODE_TYPES.Identifier || !isConst(test, scopeManager)) return undefined;
    presence = { name: test.name, when: conditional.consequent === held ? 'truthy' : 'falsy' };
    held = outermostWrapper(conditional);
  }
  const declarator = held.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== held || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (declarator.parent.kind !== 'const' && declarator.parent.kind !== 'let') return undefined;
  const variable = scopeManager.getDeclaredVariables(declarator).find((candidate) => candidate.name === (declarator.id as TSESTree.Identifier).name);
  if (!variable) return undefined;
  return { creation, field, declarator: declarator as WrapperHolding['declarator'], variable, presence };
}

function isConst(identifier: TSESTree.Identifier, scopeManager: ScopeManagerLike): boolean {
  const definition = findVariable(scopeManager, identifier)?.defs[0];
  const declaration = definition?.node.parent;
  return definition?.type === 'Variable' && declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const';
}

function localClass(callee: TSESTree.Identifier, scopeManager: ScopeManagerLike): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const definition = findVariable(scopeManager, callee)?.defs[0];
  const node = definition?.node;
  if (node?.type === AST_NODE_TYPES.ClassDeclaration) return node;
  if (node?.type === AST_NODE_TYPES.VariableDeclarator && node.init?.type === AST_NODE_TYPES.ClassExpression) return node.init;
  return undefined;
}

/** The field the constructor keeps its `position`-th parameter in, if it keeps it as it is. */
function storedField(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, position: number): string | undefined {
  const constructor = classNode.body.body.find(
    (member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
  );
  const parameter = constructor?.value.params[position];
  if (!constructor || !parameter) return undefined;
  if (parameter.type === AST_NODE_TYPES.TSParameterProperty) {
    const inner = parameter.parameter;
    return inner.type === AST_NODE_TYPES.Identifier ? inner.name : undefined;
  }
  if (parameter.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const statement of constructor.value.body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const assignment = statement.expression;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
    const target = assignment.left;
    const right = unwrapExpression(assignment.right);
    if (
      target.type === AST_NODE_TYPES.MemberExpression &&
      target.object.type === AST_NODE_TYPES.ThisExpression &&
      right.type === AST_NODE_TYPES.Identifier &&
      right.name === parameter.name
    ) {
      return staticPropertyName(target);
    }
  }
  return undefined;
}
