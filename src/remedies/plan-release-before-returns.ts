import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, type FunctionNode } from '../ast/predicates';
import { standaloneStatementOf } from '../ast/standalone-statement';
import { statementListOf } from '../ast/statement-lists';
import type { Node } from '../ast/traverse';
import { usesSemicolons } from '../fix/source-style';
import type { Remedy } from '../findings/finding';
import type { LeakPath } from '../flow/release-paths';
import type { WrapInTryFinallyPlan } from './try-finally-plan';

/**
 * The fix for a Node-style callback that returns with the handle open: the release goes right before
 * each such `return` (`if (!valid) { connection.release(); return res.status(400).end(); }`), the
 * shape the projects' own fixes take; and where control runs off the end of the callback with it
 * open, at the end of the callback (pesy's prompt asked again on an invalid answer and left the
 * interface open). Only `return` statements and callback ends, in code that releases synchronously.
 */
export function planReleaseBeforeReturns(
  analysis: Analysis,
  leaks: readonly LeakPath[],
  releaseCall: string | undefined,
  owner: FunctionNode,
  releases: readonly Node[],
): Remedy<WrapInTryFinallyPlan> | undefined {
  if (!releaseCall) return undefined;
  const statements: TSESTree.ReturnStatement[] = [];
  const ends: TSESTree.BlockStatement[] = [];
  for (const leak of leaks) {
    if (leak.kind === 'return' && leak.node.type === AST_NODE_TYPES.ReturnStatement) statements.push(leak.node);
    else if (leak.kind === 'end' && endsOnlyOpen(leak.node, releases)) ends.push(leak.node as TSESTree.BlockStatement);
    else return undefined;
  }
  const unique = [...new Set(statements)];
  const first = unique[0] ?? ends[0].body[ends[0].body.length - 1];
  const semicolon = (unique[0] ? analysis.sourceText.slice(first.range[0], first.range[1]).trimEnd().endsWith(';') : usesSemicolons(analysis.ast, analysis.sourceText)) ? ';' : '';
  return {
    kind: 'wrap-in-try-finally',
    declaration: undefined,
    first,
    last: first,
    removals: [],
    release: `${releaseCall}${semicolon}`,
    disposal: undefined,
    inAsyncFunction: owner.async,
    releaseBeforeSettles: { statements: unique, release: `${releaseCall}${semicolon}`, returns: true, ...(ends.length > 0 ? { ends } : {}) },
  };
}

/**
 * A callback body that control runs off with the handle open, where no path that released it gets
 * there: each release in it is directly followed by a `return` or `throw`. A release appended to
 * its end then runs once, on the paths that had none.
 */
function endsOnlyOpen(scope: Node, releases: readonly Node[]): boolean {
  if (scope.type !== AST_NODE_TYPES.BlockStatement || !isFunction(scope.parent) || scope.body.length === 0) return false;
  const last = scope.body[scope.body.length - 1];
  if (last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement) return false;
  const callback = scope.parent;
  return releases
    .filter((release) => isInside(release, scope))
    .every((release) => {
      const statement = standaloneStatementOf(release);
      const list = statement && enclosingFunction(statement) === callback ? statementListOf(statement.parent) : undefined;
      const next = list?.[list.indexOf(statement!) + 1];
      return next?.type === AST_NODE_TYPES.ReturnStatement || next?.type === AST_NODE_TYPES.ThrowStatement;
    });
}
