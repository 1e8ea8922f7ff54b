import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';

const NESTED_GROW = new Set(['add', 'push', 'unshift', 'set']);
const NESTED_SHRINK = new Set(['delete', 'clear', 'pop', 'shift', 'splice']);

/** What is done to the value an entry holds: `m.get(k)?.add(v)`, `const s = m.get(k); s.delete(v)`. */
export interface NestedUse {
  readonly kind: 'grow' | 'shrink';
  /** The call on the entry's collection. */
  readonly site: TSESTree.CallExpression;
  readonly method: string;
  readonly key: Node | undefined;
}

/** `<value>.method(…)` where `value` is `node` (through `?.` and `!`). */
function callOn(node: Node): { call: TSESTree.CallExpression; method: string } | undefined {
  const outer = outermostWrapper(node);
  const member = outer.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer) return undefined;
  const method = staticPropertyName(member);
  const call = outermostWrapper(member).parent;
  if (method === undefined || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(member)) return undefined;
  return { call, method };
}

function nestedUse(node: Node): NestedUse | undefined {
  const found = callOn(node);
  if (!found) return undefined;
  if (NESTED_GROW.has(found.method)) return { kind: 'grow', site: found.call, method: found.method, key: found.call.arguments[0] };
  if (NESTED_SHRINK.has(found.method)) return { kind: 'shrink', site: found.call, method: found.method, key: found.call.arguments[0] };
  return undefined;
}

/**
 * The uses of the collections a Map (or a record) keeps as values, through `get` (or `r[k]`): directly (`m.get(k)?.add(v)`)
 * or through a local (`const uuids = m.get(k); uuids.delete(v)`; a `length = 0` or reassignment of
 * the local is not seen, so any other use of it counts as a shrink, to stay on the quiet side).
 */
export function nestedUses(analysis: Analysis, uses: readonly CollectionUse[]): NestedUse[] {
  const found: NestedUse[] = [];
  for (const use of uses) {
    // `m.get(k)`, and a record's `r[k]` (`this.gauges[name].set(tag, value)`).
    const entryRead = (use.operation === 'get' && use.site.type === AST_NODE_TYPES.CallExpression) || use.operation === 'index-read';
    if (!entryRead) continue;
    const direct = nestedUse(use.site);
    if (direct) {
      found.push(direct);
      continue;
    }
    const declarator = outermostWrapper(use.site).parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
    for (const reference of variable?.references ?? []) {
      if (reference.init) continue;
      const through = nestedUse(reference.identifier);
      if (through) found.push(through);
    }
  }
  return found;
}
