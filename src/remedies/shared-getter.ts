import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { unwrapExpression } from '../ast/predicates';
import type { SingletonClientPlan } from './singleton-client-plan';

const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * A getter `singleton-client` wrote earlier for the same client — `function getX() { return (x ??= <text>); }`
 * at module level — so that a second site reuses it instead of declaring a second client.
 */
export function findSharedGetter(analysis: Analysis, normalizedText: string): SingletonClientPlan['names'] | undefined {
  for (const statement of analysis.ast.body) {
    if (statement.type !== AST_NODE_TYPES.FunctionDeclaration || !statement.id || statement.body.body.length !== 1) continue;
    const only = statement.body.body[0];
    if (only.type !== AST_NODE_TYPES.ReturnStatement || !only.argument) continue;
    const returned = unwrapExpression(only.argument);
    if (returned.type !== AST_NODE_TYPES.AssignmentExpression || returned.operator !== '??=' || returned.left.type !== AST_NODE_TYPES.Identifier) continue;
    const text = analysis.sourceText.slice(...sharedExpression(returned.right).range);
    if (normalize(text) !== normalizedText) continue;
    const variable = returned.left.name;
    return { variable, getter: statement.id.name, closer: `close${upperFirst(variable)}` };
  }
  return undefined;
}

/** Acquisition texts compare without layout: a getter re-indents the expression it moves. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').replace(/,\s*\)/g, ')');
}

/** `connect(url).catch(…)` in a getter of an awaited client: the shared expression is `connect(url)`. */
function sharedExpression(value: TSESTree.Expression): TSESTree.Node {
  const callee = value.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(value.callee) : undefined;
  return callee?.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'catch'
    ? callee.object
    : value;
}

/**
 * A keyed getter `singleton-client` wrote earlier for the same client and key — `function getX(url) {
 * const key = url; let x = xs.get(key); if (!x) { x = <text>; xs.set(key, x); } return x; }` — so that
 * a second site (another route connecting to the same servers) shares its map.
 */
export function findSharedKeyedGetter(
  analysis: Analysis,
  normalizedText: string,
  keyed: { readonly parameters: readonly string[]; readonly key: string },
): SingletonClientPlan['names'] | undefined {
  for (const statement of analysis.ast.body) {
    if (statement.type !== AST_NODE_TYPES.FunctionDeclaration || !statement.id || statement.body.body.length !== 4) continue;
    const parameters = statement.params.map((parameter) => (parameter.type === AST_NODE_TYPES.Identifier ? parameter.name : ''));
    if (parameters.join(',') !== keyed.parameters.join(',')) continue;
    const [keyDeclaration, lookUp, fill] = statement.body.body;
    const keyInit = keyDeclaration.type === AST_NODE_TYPES.VariableDeclaration ? keyDeclaration.declarations[0]?.init : undefined;
    if (!keyInit || normalize(analysis.sourceText.slice(...keyInit.range)) !== normalize(keyed.key)) continue;
    const lookUpInit = lookUp.type === AST_NODE_TYPES.VariableDeclaration ? lookUp.declarations[0]?.init : undefined;
    const map =
      lookUpInit?.type === AST_NODE_TYPES.CallExpression && lookUpInit.callee.type === AST_NODE_TYPES.MemberExpression && lookUpInit.callee.object.type === AST_NODE_TYPES.Identifier
        ? lookUpInit.callee.object.name
        : undefined;
    if (!map || fill.type !== AST_NODE_TYPES.IfStatement || fill.consequent.type !== AST_NODE_TYPES.BlockStatement) continue;
    const created = fill.consequent.body[0];
    if (created?.type !== AST_NODE_TYPES.ExpressionStatement || created.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const text = analysis.sourceText.slice(...sharedExpression(created.expression.right).range);
    if (normalize(text) !== normalizedText) continue;
    return { variable: map, getter: statement.id.name, closer: `close${upperFirst(map)}` };
  }
  return undefined;
}
