import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type { ScopeManagerLike } from '../ast/scopes';
import { TypedOracle } from '../oracle/typed-oracle';
import type { TypeOracle } from '../oracle/type-oracle';
import { UntypedOracle } from '../oracle/untyped-oracle';
import { programHasTypes } from './program-has-types';
import type { Registry } from '../registry/registry';

type MaybeTypeServices = Partial<Pick<ParserServicesWithTypeInformation, 'program' | 'esTreeNodeToTSNodeMap'>> | undefined;

/** Typed when the parser gave us a program of the project, untyped otherwise: every rule works in both. */
export function createOracle(
  ast: TSESTree.Program,
  scopeManager: ScopeManagerLike,
  registry: Registry,
  services: MaybeTypeServices,
): TypeOracle {
  const untyped = new UntypedOracle(ast, scopeManager, registry);
  if (services?.program && services.esTreeNodeToTSNodeMap && programHasTypes(services.program)) {
    return new TypedOracle({ program: services.program, esTreeNodeToTSNodeMap: services.esTreeNodeToTSNodeMap }, registry, untyped);
  }
  return untyped;
}
