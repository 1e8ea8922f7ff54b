import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import type { Node } from '../ast/traverse';
import { isSettledExpression } from './assembled-locals';
import { topLevelFunction } from './top-level-functions';

/**
 * What an options helper reads of each argument: the properties it destructures or reads off it
 * (`settings?.timeout`: `optional`, read with `?.` because the argument may be missing), or the whole value.
 */
export type HelperParameter = { readonly properties: readonly string[]; readonly optional?: boolean } | { readonly whole: true };

/**
 * `createTransport(getTransport(user))` with `const getTransport = ({ email, password }) => ({ host,
 * auth: { user: email, pass: password } })` at module level: a helper that only arranges its
 * arguments into options. Its result is fixed by the properties it destructures (`user.email`,
 * `user.password`) or reads off a parameter it uses only that way (`settings?.timeoutSeconds` in
 * `agentOptionsFor(settings)`), so those key a map of clients, and calling it again in the getter
 * does nothing else. A helper declared once at the top of the module (see top-level-functions), never reassigned, whose body is one settled
 * expression (see isSettledExpression) and whose parameters are plain names or `{ a, b: c }`
 * patterns. What it reads of each argument, or undefined.
 */
export function optionsHelperParameters(analysis: Analysis, call: TSESTree.CallExpression): readonly HelperParameter[] | undefined {
  if (call.callee.type !== AST_NODE_TYPES.Identifier || call.optional) return undefined;
  const found = topLevelFunction(analysis, call.callee);
  if (!found || found.variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const helper = found.fn;
  if (!helper || helper.async || helper.generator) return undefined;
  const result = onlyResult(helper.body);
  if (!result || !isSettledExpression(result)) return undefined;
  if (call.arguments.length > helper.params.length) return undefined;
  const parameters: HelperParameter[] = [];
  for (const parameter of helper.params) {
    if (parameter.type === AST_NODE_TYPES.Identifier) parameters.push(propertiesReadOff(analysis, parameter) ?? { whole: true });
    else if (parameter.type === AST_NODE_TYPES.ObjectPattern) {
      const properties = destructured(parameter);
      if (!properties) return undefined;
      parameters.push({ properties });
    } else return undefined;
  }
  return parameters;
}

/**
 * `settings?.timeoutSeconds`, `settings.strictTls`: the properties a helper reads off its parameter,
 * when it does nothing else with it (no whole use, no computed or nested-call read). Undefined otherwise.
 */
function propertiesReadOff(analysis: Analysis, parameter: TSESTree.Identifier): { properties: string[]; optional: boolean } | undefined {
  const variable = analysis.scopeManager.getDeclaredVariables(parameter.parent).find((declared) => declared.name === parameter.name);
  const references = variable?.references.filter((reference) => !reference.init) ?? [];
  if (references.length === 0) return undefined;
  const properties: string[] = [];
  let optional = false;
  for (const reference of references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (reference.isWrite()) return undefined;
    // `settings.retry.count` reads an object off it: keyed by that object, a new key per call.
    const outer = member.parent;
    if (outer?.type === AST_NODE_TYPES.MemberExpression && outer.object === member) return undefined;
    if (outer?.type === AST_NODE_TYPES.CallExpression && outer.callee === member) return undefined;
    optional ||= member.optional;
    if (!properties.includes(member.property.name)) properties.push(member.property.name);
  }
  return { properties, optional };
}

/** `=> expression` or `{ return expression; }`. */
function onlyResult(body: Node): Node | undefined {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  const [statement, ...rest] = body.body;
  return rest.length === 0 && statement?.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? statement.argument : undefined;
}

/** `{ email, password: pass }`: the property names; undefined for computed keys, defaults, nesting or a rest. */
function destructured(pattern: TSESTree.ObjectPattern): string[] | undefined {
  const names: string[] = [];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (property.value.type !== AST_NODE_TYPES.Identifier) return undefined;
    names.push(property.key.name);
  }
  return names;
}
