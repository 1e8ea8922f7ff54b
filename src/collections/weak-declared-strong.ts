import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import type { Node } from '../ast/traverse';
import { annotatedKind, constructedKind } from './collection-kind';

/**
 * `private readonly contexts: WeakMap<Page, BlockingContext> = new Map()`: declared weak, made
 * strong. The declaration says each entry ends when the rest of the program drops its key (a closed
 * page, a finished request); the `Map` keeps every key reachable until someone deletes it, so the
 * entries of keys nobody deletes stay — and with them what they hold (ghostery/adblocker #1449: every
 * page a crawler enabled blocking on, with its listeners). The declaration is the author's bound;
 * deletes written for an explicit disable end only the entries someone disables. The type checker
 * accepts it: a `Map` has every method a `WeakMap` declares.
 */
export function strongValueDeclaredWeak(analysis: Analysis, init: Node, declared: Node, annotation: TSESTree.TypeNode | undefined): 'map' | 'set' | undefined {
  const made = constructedKind(init);
  if (made !== 'map' && made !== 'set') return undefined;
  const declaredKind = annotation ? annotatedKind(annotation) : analysis.oracle.typed ? analysis.oracle.collectionKind(declared) : undefined;
  return declaredKind === 'weak' ? made : undefined;
}
