import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName } from '../ast/predicates';
import type { VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * Where a value starts holding what it must release: for one that opens nothing when made (see
 * `ResourceEntry.opensWith`: pg's `Client` before `connect()`), the first call of an opening method
 * on one of its names — a throw before it leaves nothing open; for every other value, and when no
 * opening call is in sight, the acquisition itself.
 */
export function openedAt(acquisition: Node, entry: ResourceEntry | undefined, variables: readonly VariableLike[]): Node {
  const opening = new Set(entry?.opensWith ?? []);
  if (opening.size === 0) return acquisition;
  let first: Node | undefined;
  for (const variable of variables) {
    for (const reference of variable.references) {
      const member = outermostWrapper(reference.identifier).parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(reference.identifier)) continue;
      const call = outermostWrapper(member).parent;
      const name = staticPropertyName(member);
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(member) || name === undefined || !opening.has(name)) continue;
      if (!first || call.range[0] < first.range[0]) first = call;
    }
  }
  // An opening call before the acquisition (a reassigned name) tells nothing about this value, and one
  // in another function (a callback) is not on the paths the acquiring function takes.
  return first && first.range[0] > acquisition.range[1] && enclosingFunction(first) === enclosingFunction(acquisition) ? first : acquisition;
}
