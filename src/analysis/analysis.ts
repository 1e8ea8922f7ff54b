import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManagerLike } from '../ast/scopes';
import type { TypeOracle } from '../oracle/type-oracle';
import type { Registry } from '../registry/registry';

/** Everything a detector reads: built from an ESLint rule context or from a codemod's own parse. */
export interface Analysis {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
  readonly sourceText: string;
  readonly oracle: TypeOracle;
  readonly registry: Registry;
}
