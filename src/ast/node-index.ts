import type { TSESTree } from '@typescript-eslint/utils';
import { isAcquisitionCandidate } from '../ownership/acquisition-candidate';
import { AST_NODE_TYPES } from './node-types';
import { walk, type Node } from './traverse';

/**
 * What the detectors and planners look up across a whole file, collected by one walk. Each rule used
 * to walk the file itself (and the singleton planner once more): on a typed lint run those walks
 * were a fifth of leakguard's time. Lists are in source (pre-order) order, so findings keep it.
 */
export interface NodeIndex {
  /** `await f()`, `f()`, `new X()` that can produce an acquired value (see isAcquisitionCandidate). */
  readonly acquisitionCandidates: readonly Node[];
  readonly identifiers: readonly TSESTree.Identifier[];
  /**
   * Emitted code must be TypeScript: the file is named `.ts`/`.tsx`/`.mts`/`.cts` (annotation-free or
   * not: `noImplicitAny` judges what we add), or, name unknown, it writes TypeScript syntax (annotations,
   * `as`, generics …).
   */
  readonly writesTypeScript: boolean;
}

// Keyed by the Program node: ESLint gives every rule of one file the same AST, and a codemod pass
// parses a new one, so an entry can never describe text that changed.
const indexes = new WeakMap<TSESTree.Program, NodeIndex>();

/** `file.ts`, `view.tsx`, `esm.mts`, `cjs.cts`. */
export function isTypeScriptFileName(fileName: string | undefined): boolean {
  return fileName !== undefined && /\.[cm]?tsx?$/i.test(fileName);
}

/** The file's index; `fileName`, when the caller knows it, is read the first time only (one AST, one file). */
export function nodeIndexOf(ast: TSESTree.Program, fileName?: string): NodeIndex {
  let index = indexes.get(ast);
  if (!index) {
    index = buildIndex(ast, false, isTypeScriptFileName(fileName));
    indexes.set(ast, index);
  }
  return index;
}

/**
 * For a fresh typescript-estree `parse`, which leaves `parent` unset (ESLint sets it; the engine
 * relies on it): sets every node's parent and indexes the file in the same walk.
 */
export function linkAndIndex(ast: TSESTree.Program, fileName?: string): void {
  indexes.set(ast, buildIndex(ast, true, isTypeScriptFileName(fileName)));
}

function buildIndex(ast: TSESTree.Program, linkParents: boolean, typeScriptFile: boolean): NodeIndex {
  const acquisitionCandidates: Node[] = [];
  const identifiers: TSESTree.Identifier[] = [];
  let writesTypeScript = typeScriptFile;
  walk(ast, (node, parent) => {
    // ESLint leaves Program.parent undefined too; detectors treat it as the root.
    if (linkParents) (node as { parent?: Node }).parent = parent;
    if (node.type === AST_NODE_TYPES.Identifier) identifiers.push(node);
    else if (isAcquisitionCandidate(node)) acquisitionCandidates.push(node);
    else if (!writesTypeScript && node.type.startsWith('TS')) writesTypeScript = true;
  });
  return { acquisitionCandidates, identifiers, writesTypeScript };
}
