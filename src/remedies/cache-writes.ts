import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { isInside, outermostWrapper, unwrapExpression } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import { normalize } from './shared-getter';
import type { LateCacheFill } from '../ownership/cache-filled-after-await';
import type { Node } from '../ast/traverse';

/** Map and Set methods that change what they hold. */
const MUTATORS = new Set(['set', 'delete', 'clear', 'add']);

/** `clients` in `clients[uri] = client`, `clients.set(uri, client)`; `this` for `this.client = client`. */
function cacheRoot(store: Node): Node | undefined {
  let target: Node | undefined;
  if (store.type === AST_NODE_TYPES.AssignmentExpression) target = unwrapExpression(store.left);
  else if (store.type === AST_NODE_TYPES.CallExpression) target = unwrapExpression(store.callee);
  let root = target;
  while (root?.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  return root;
}

/**
 * Code other than the late fill itself that writes the cache (`delete clients[uri]`, `clients =
 * {}`, `clients.clear()`): with it, a client shared by a getter could outlive its removal from the
 * cache. Its text, or undefined when the fill is the only write. A cache on `this` is not followed.
 */
export function otherCacheWrite(analysis: Analysis, fill: LateCacheFill): string | undefined {
  const root = cacheRoot(fill.store);
  if (root?.type !== AST_NODE_TYPES.Identifier) return normalize(analysis.sourceText.slice(...fill.store.range));
  const variable = findVariable(analysis.scopeManager, root);
  if (!variable) return normalize(analysis.sourceText.slice(...fill.store.range));
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (reference.init || isInside(identifier, fill.store)) continue;
    if (reference.isWrite()) return normalize(analysis.sourceText.slice(...(identifier.parent ?? identifier).range));
    // Climb `clients[uri].x` to the outermost member: what is done with it decides.
    let value: Node = outermostWrapper(identifier);
    while (value.parent?.type === AST_NODE_TYPES.MemberExpression && value.parent.object === value) value = outermostWrapper(value.parent);
    const parent = value.parent;
    const written =
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === value) ||
      (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') ||
      (parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.callee === value &&
        value.type === AST_NODE_TYPES.MemberExpression &&
        value.property.type === AST_NODE_TYPES.Identifier &&
        MUTATORS.has(value.property.name));
    if (written) return normalize(analysis.sourceText.slice(...parent.range));
  }
  return undefined;
}
