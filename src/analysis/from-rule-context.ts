import type { TSESLint } from '@typescript-eslint/utils';
import type { ScopeManagerLike } from '../ast/scopes';
import { resolveRegistry } from '../registry/settings';
import type { Analysis } from './analysis';
import { createOracle } from './create-oracle';

/** The engine's input from inside ESLint: the AST and scopes ESLint built, typed when the parser has a program. */
export function analysisFromRuleContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Analysis {
  const sourceCode = context.sourceCode;
  const registry = resolveRegistry((context.settings as { leakguard?: unknown }).leakguard);
  const scopeManager = sourceCode.scopeManager as unknown as ScopeManagerLike;
  const services = sourceCode.parserServices;
  return {
    ast: sourceCode.ast,
    scopeManager,
    sourceText: sourceCode.text,
    oracle: createOracle(sourceCode.ast, scopeManager, registry, services?.program ? services : undefined),
    registry,
  };
}
