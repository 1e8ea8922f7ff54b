import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { nodeIndexOf } from '../ast/node-index';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Registry } from '../registry/registry';
import { resolveRegistry } from '../registry/settings';
import type { Analysis } from './analysis';
import { createOracle } from './create-oracle';

/**
 * ESLint runs every rule of a file over the same AST: the rules of one file share one Analysis (and
 * its oracles' module bindings) per registry, instead of building one each.
 */
const analyses = new WeakMap<TSESTree.Program, WeakMap<Registry, Analysis>>();

/** The engine's input from inside ESLint: the AST and scopes ESLint built, typed when the parser has a program. */
export function analysisFromRuleContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Analysis {
  const sourceCode = context.sourceCode;
  // Resolved (and validated) for every rule, so a bad setting is reported by each, as before.
  const registry = resolveRegistry((context.settings as { leakguard?: unknown }).leakguard);
  let byRegistry = analyses.get(sourceCode.ast);
  if (!byRegistry) {
    byRegistry = new WeakMap();
    analyses.set(sourceCode.ast, byRegistry);
  }
  const known = byRegistry.get(registry);
  if (known) return known;
  // The file's name decides what syntax suggestions write (a `.ts` file gets TypeScript).
  nodeIndexOf(sourceCode.ast, context.filename);
  const scopeManager = sourceCode.scopeManager as unknown as ScopeManagerLike;
  const services = sourceCode.parserServices;
  const analysis: Analysis = {
    ast: sourceCode.ast,
    scopeManager,
    sourceText: sourceCode.text,
    oracle: createOracle(sourceCode.ast, scopeManager, registry, services?.program ? services : undefined),
    registry,
  };
  byRegistry.set(registry, analysis);
  return analysis;
}
