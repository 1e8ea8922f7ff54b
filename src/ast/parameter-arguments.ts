import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { calledLocalFunction } from './local-functions';
import { nodeIndexOf } from './node-index';
import { unwrapExpression, type FunctionNode } from './predicates';
import { findVariable, type ScopeManagerLike } from './scopes';
import type { Node } from './traverse';

/** Per file: the calls of each of its functions (and the `new` expressions of each of its classes) that the source names. */
const callsByFunction = new WeakMap<TSESTree.Program, Map<Node, (TSESTree.CallExpression | TSESTree.NewExpression)[]>>();

/** `new Renderer(…)`: the class of this file that the expression constructs, when its callee names one. */
function constructedClass(made: TSESTree.NewExpression, scopeManager: ScopeManagerLike): Node | undefined {
  const callee = unwrapExpression(made.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(scopeManager, callee);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0].node;
  if (definition.type === AST_NODE_TYPES.ClassDeclaration) return definition;
  if (definition.type === AST_NODE_TYPES.VariableDeclarator && definition.init?.type === AST_NODE_TYPES.ClassExpression) return definition.init;
  return undefined;
}

function localCalls(program: TSESTree.Program, scopeManager: ScopeManagerLike): Map<Node, (TSESTree.CallExpression | TSESTree.NewExpression)[]> {
  const known = callsByFunction.get(program);
  if (known) return known;
  const calls = new Map<Node, (TSESTree.CallExpression | TSESTree.NewExpression)[]>();
  const add = (target: Node | undefined, call: TSESTree.CallExpression | TSESTree.NewExpression) => {
    if (target) calls.set(target, [...(calls.get(target) ?? []), call]);
  };
  for (const candidate of nodeIndexOf(program).acquisitionCandidates) {
    const node = candidate.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(candidate.argument) : candidate;
    if (node.type === AST_NODE_TYPES.CallExpression) add(calledLocalFunction(node, scopeManager), node);
    else if (node.type === AST_NODE_TYPES.NewExpression) add(constructedClass(node, scopeManager), node);
  }
  callsByFunction.set(program, calls);
  return calls;
}

/** The class whose constructor `fn` is, if it is one. */
function classOfConstructor(fn: FunctionNode): Node | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') return undefined;
  return method.parent?.parent;
}

/**
 * `constructor(browser) { this.browser = browser }` with `new Renderer(await puppeteer.launch())` in
 * the same file, or `function run(pool) { … }` called as `run(new Pool())`: what this file's own
 * callers pass for `parameter` of `fn` — the untyped stand-in for a parameter's declared type. Empty
 * when the function is also called in ways the source does not name (it is exported or handed out:
 * then other callers may pass anything, and what this file passes is only part of the story — still
 * the values it does pass are real, so they are returned; callers decide how much to read into them).
 */
export function argumentsPassedTo(parameter: TSESTree.Identifier, fn: FunctionNode, program: TSESTree.Program, scopeManager: ScopeManagerLike): Node[] {
  const position = fn.params.indexOf(parameter);
  if (position < 0) return [];
  const target = classOfConstructor(fn) ?? fn;
  const values: Node[] = [];
  for (const call of localCalls(program, scopeManager).get(target) ?? []) {
    const argument = call.arguments[position];
    if (!argument || call.arguments.slice(0, position + 1).some((passed) => passed.type === AST_NODE_TYPES.SpreadElement)) continue;
    values.push(argument);
  }
  return values;
}
