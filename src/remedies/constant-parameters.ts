import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { isFunction, type FunctionNode } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { normalize } from './shared-getter';
import type { Substitution } from './plan-singleton-client';

/** Parameters being resolved: a function that passes its own parameter on to itself proves nothing. */
const resolving = new Set<TSESTree.Identifier>();

/** The module-private function `fn` is: `function f(…)` or `const f = (…) => …` at module level, never exported. */
function moduleFunctionName(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.parent?.type === AST_NODE_TYPES.Program ? (fn.id ?? undefined) : undefined;
  const declarator = fn.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== fn || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  return declaration.kind === 'const' && declaration.parent?.type === AST_NODE_TYPES.Program ? declarator.id : undefined;
}

/**
 * `createUsageStore(conf)` building `new DynamoDBClient(conf)`, where the module's only callers all
 * pass the same value of module-level configuration (`createUsageStore({ region }, …)` after
 * `const region = process.env.AWS_REGION ?? 'us-west-2'`): the parameter is that value on every call,
 * so the client's arguments can say it (`{ region: process.env.AWS_REGION ?? 'us-west-2' }`). Only for
 * a function no other module can call (not exported, every use a direct call) whose parameter is
 * never reassigned; `argumentText` writes a caller's argument out, or says it reads the call.
 */
export function constantParameter(
  analysis: Analysis,
  identifier: TSESTree.Identifier,
  argumentText: (analysis: Analysis, argument: Node) => string | undefined,
): Substitution | undefined {
  const variable = findVariable(analysis.scopeManager, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Parameter' || !isFunction(definition.node)) return undefined;
  const fn = definition.node;
  const index = fn.params.indexOf(definition.name);
  if (index < 0 || variable.references.some((reference) => reference.isWrite())) return undefined;
  const name = moduleFunctionName(fn);
  const declared = name && analysis.scopeManager.getDeclaredVariables(fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent).find((candidate) => candidate.name === name.name);
  if (!name || !declared || resolving.has(definition.name)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of declared.references) {
    if (reference.init || reference.identifier === name) continue;
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return undefined;
    calls.push(call);
  }
  if (calls.length === 0) return undefined;
  resolving.add(definition.name);
  try {
    let text: string | undefined;
    for (const call of calls) {
      const argument = call.arguments[index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || call.arguments.slice(0, index).some((earlier) => earlier.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      const written = argumentText(analysis, argument);
      if (written === undefined || (text !== undefined && normalize(written) !== normalize(text))) return undefined;
      text ??= written;
    }
    if (text === undefined) return undefined;
    const operand = /^[\w$.]+$/.test(text) ? text : `(${text})`;
    return { identifier, declarator: undefined, text: operand, raw: text };
  } finally {
    resolving.delete(definition.name);
  }
}
