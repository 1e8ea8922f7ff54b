import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { Node } from './traverse';

/**
 * The part of a scope manager the engine uses. ESLint hands rules either typescript-eslint's scope
 * manager or eslint-scope's (plain JS parsed by espree); the codemods use typescript-eslint's.
 * Both have this shape.
 */
export interface ScopeLike {
  readonly set: ReadonlyMap<string, VariableLike>;
  readonly upper: ScopeLike | null;
  readonly block: Node;
  readonly type: string;
}

export interface DefinitionLike {
  readonly type: string;
  readonly name: TSESTree.Identifier;
  readonly node: Node;
}

export interface ReferenceLike {
  readonly identifier: TSESTree.Identifier | TSESTree.JSXIdentifier;
  readonly from: ScopeLike;
  isWrite(): boolean;
  readonly init?: boolean | null;
}

export interface VariableLike {
  readonly name: string;
  readonly references: readonly ReferenceLike[];
  readonly defs: readonly DefinitionLike[];
  readonly scope: ScopeLike;
}

export interface ScopeManagerLike {
  acquire(node: Node, inner?: boolean): ScopeLike | null;
  getDeclaredVariables(node: Node): readonly VariableLike[];
}

/**
 * A module's own top-level scope: `module` for ES modules, `global` for scripts, and for CommonJS the
 * `function` scope ESLint wraps the file in (`nodejsScope`), whose block is the Program itself.
 */
export function isModuleScope(scope: ScopeLike): boolean {
  return scope.type === 'module' || scope.type === 'global' || scope.block.type === AST_NODE_TYPES.Program;
}

/** The innermost scope containing `node`. */
export function scopeOf(scopeManager: ScopeManagerLike, node: Node): ScopeLike | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    const scope = scopeManager.acquire(current, true);
    if (scope) {
      // A function's own name and parameters live in its scope; the node itself opens it.
      return scope;
    }
  }
  return undefined;
}

export function findVariable(scopeManager: ScopeManagerLike, identifier: TSESTree.Identifier): VariableLike | undefined {
  for (let scope = scopeOf(scopeManager, identifier) ?? null; scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return undefined;
}
