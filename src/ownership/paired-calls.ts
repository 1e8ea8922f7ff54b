import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isInside, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { referenceKey } from '../lifetime/reference-keys';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * Paired calls: an API that hands something out and takes it back on the same object. `const fd =
 * fs.allocDescriptor(ofd)` … `fs.releaseDescriptor(fd)`; `const conn = await pool.acquire()` …
 * `pool.release(conn)` (generic-pool); `const release = await mutex.acquire()` … `release()`
 * (async-mutex). The function that takes it back says, in its own code, that what it took is its to
 * give back: every path out of it must do so (filer left a descriptor allocated when the write failed).
 * The verbs are the API's own words for lending and returning; anything else stays unjudged.
 */

const HANDS_OUT = /^(?:acquire|alloc|allocate|checkout|checkOut|borrow|lease|lock|reserve|claim|obtain)(?=$|[A-Z_])/;
const TAKES_BACK = /^(?:release|free|dealloc|deallocate|checkin|checkIn|unlock|unreserve|relinquish|giveBack|destroy)(?=$|[A-Z_])/;

/** A cheap text check before any tree walk: no handing-out call, nothing paired to judge. */
const MENTIONS_HANDING_OUT = /\.\s*(?:acquire|alloc|allocate|checkout|checkOut|borrow|lease|lock|reserve|claim|obtain)\w*\s*\(/;

export function mayMentionPairedCalls(sourceText: string): boolean {
  return MENTIONS_HANDING_OUT.test(sourceText);
}

export interface PairedRelease {
  readonly entry: ResourceEntry;
  /** The calls that give it back: `pool.release(conn)`, or the handed-out function itself, `release()`. */
  readonly calls: readonly TSESTree.CallExpression[];
}

export function pairedRelease(analysis: Analysis, acquisition: Node, owner: FunctionNode): PairedRelease | undefined {
  const produced = unwrapExpression(acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition);
  if (produced.type !== AST_NODE_TYPES.CallExpression || produced.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const handsOut = staticPropertyName(produced.callee);
  if (handsOut === undefined || !HANDS_OUT.test(handsOut)) return undefined;
  const lender = referenceKey(produced.callee.object, analysis.scopeManager);
  if (lender === undefined) return undefined;
  const declarator = outermostWrapper(acquisition).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init !== outermostWrapper(acquisition)) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (identifier === declarator.id || !isInside(identifier, owner)) continue;
    const value = outermostWrapper(identifier);
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) continue;
    // `release()`: what was handed out is the way to give it back.
    if (call.callee === value) {
      calls.push(call);
      continue;
    }
    if (call.arguments[0] !== value || call.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const takesBack = staticPropertyName(call.callee);
    if (takesBack !== undefined && TAKES_BACK.test(takesBack) && referenceKey(call.callee.object, analysis.scopeManager) === lender) calls.push(call);
  }
  if (calls.length === 0) return undefined;
  const lenderText = analysis.sourceText.slice(produced.callee.range[0], produced.callee.range[1]).replace(/\s+/g, ' ');
  return {
    entry: { description: `\`${declarator.id.name}\` from \`${lenderText}()\``, kind: 'handle', releases: [] },
    calls,
  };
}
