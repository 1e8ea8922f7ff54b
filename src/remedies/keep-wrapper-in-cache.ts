import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { Remedy } from '../findings/finding';
import { moduleSystemOf, usesSemicolons } from '../fix/source-style';
import type { SingletonClientPlan } from './singleton-client-plan';

/** `M.has(K)` or `M.get(K)` with `M` and `K` plain identifiers: the map and the key. */
function mapCall(node: Node | null | undefined, method: 'has' | 'get'): { map: TSESTree.Identifier; key: TSESTree.Identifier } | undefined {
  const call = node && unwrapExpression(node);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== method) return undefined;
  const [key] = call.arguments;
  if (callee.object.type !== AST_NODE_TYPES.Identifier || key.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { map: callee.object, key };
}

/** `if (M.has(K)) return M.get(K)!;` (or in a block): the function's own look-up, and what it looks up. */
function lookUpOf(statement: Node): { map: TSESTree.Identifier; key: TSESTree.Identifier } | undefined {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return undefined;
  const checked = mapCall(statement.test, 'has');
  const body = statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
  const returned = body.type === AST_NODE_TYPES.ReturnStatement ? mapCall(body.argument, 'get') : undefined;
  if (!checked || !returned || checked.map.name !== returned.map.name || checked.key.name !== returned.key.name) return undefined;
  return checked;
}

/**
 * `limiters` or `limitersByTier` → `limiter`, else the wrapper's name (`rateLimiterRedis`): the first
 * the function does not mention (so it neither clashes nor shadows), or undefined.
 */
function freshName(mapName: string, wrapper: string, functionText: string): string | undefined {
  const collection = mapName.replace(/By[A-Z]\w*$/, '');
  const singular = collection.length > 1 && collection.endsWith('s') ? collection.slice(0, -1) : undefined;
  const named = wrapper.charAt(0).toLowerCase() + wrapper.slice(1);
  return [singular, named, `${named}Kept`].find((candidate) => candidate && !new RegExp(`\\b${candidate}\\b`).test(functionText));
}

/**
 * `getRateLimiter(size)` that looks `limiters.has(size)` up first but returns `new
 * RateLimiterRedis({ storeClient: redisClient, … })` without storing it: each call connects a new client
 * for a new wrapper. The return keeps what it builds under the key it looked up —
 * `const limiter = new RateLimiterRedis(…); limiters.set(size, limiter); return limiter;` — nango's own
 * fix. Only when the look-up is the function's own `if (M.has(K)) return M.get(K)` at its top level,
 * `M` a module-level `const` and `K` a parameter nothing assigns, and the wrapper is built in one
 * `return` statement of its own. Two first callers at the same time may each build one, as the
 * project's fix allows: the later one is kept.
 */
export function planKeepWrapperInCache(analysis: Analysis, site: Node, factory: FunctionNode, wrapper: string, refusal: string): Remedy<SingletonClientPlan> {
  const refuse = (why: string): Remedy<SingletonClientPlan> => ({ kind: 'refusal', reason: `${refusal}${why}` });
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return refuse(' (it has no look-up of its own to keep it in)');
  const body = factory.body.body;
  const lookUpAt = body.findIndex((statement) => lookUpOf(statement));
  const lookUp = lookUpAt >= 0 ? lookUpOf(body[lookUpAt]) : undefined;
  if (!lookUp) return refuse(' (it looks no map up first with `if (map.has(key)) return map.get(key)`: which key tells its clients apart is for a person to choose)');
  const map = findVariable(analysis.scopeManager, lookUp.map);
  const mapDeclarator = map?.defs.length === 1 ? map.defs[0].node : undefined;
  if (map?.scope.type !== 'module' || mapDeclarator?.type !== AST_NODE_TYPES.VariableDeclarator || mapDeclarator.parent.kind !== 'const')
    return refuse(` (\`${lookUp.map.name}\` is not a module-level \`const\`, so what it keeps may not outlive the call)`);
  const key = findVariable(analysis.scopeManager, lookUp.key);
  const isParameter = factory.params.some((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === lookUp.key.name);
  if (!key || !isParameter || key.references.some((reference) => reference.isWrite())) return refuse(` (\`${lookUp.key.name}\` is not a parameter of it that nothing assigns)`);
  const returns: TSESTree.ReturnStatement[] = [];
  walkSameFunction(factory.body, (node) => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return;
    const value = unwrapExpression(node.argument);
    if (value.type === AST_NODE_TYPES.NewExpression && analysis.sourceText.slice(value.callee.range[0], value.callee.range[1]).endsWith(wrapper)) returns.push(node);
  });
  const [statement] = returns;
  if (returns.length !== 1 || statement.parent?.type !== AST_NODE_TYPES.BlockStatement || statement.range[0] < body[lookUpAt].range[1])
    return refuse(` (the \`${wrapper}\` is not built in one \`return\` statement after its look-up)`);
  const source = analysis.sourceText;
  const name = freshName(lookUp.map.name, wrapper, source.slice(factory.range[0], factory.range[1]));
  if (!name) return refuse(' (no free name to keep it under)');
  const value = source.slice(statement.argument!.range[0], statement.argument!.range[1]);
  return {
    kind: 'singleton-client',
    acquisition: site,
    acquisitionText: value,
    inlinedDeclarations: [],
    awaited: false,
    anchor: statement,
    names: { variable: lookUp.map.name, getter: lookUp.map.name, closer: '' },
    reuse: true,
    typeText: undefined,
    release: undefined,
    site: { kind: 'keep-in-cache', statement, value, name, map: lookUp.map.name, key: lookUp.key.name },
    removals: [],
    moduleSystem: moduleSystemOf(analysis.ast, source),
    semicolons: usesSemicolons(analysis.ast, source),
  };
}
