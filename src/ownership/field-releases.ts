import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';

/** `this.db` (or, for `any`, `req.db`, `ctx.state.db`) naming the field `field`. */
function namesField(node: Node, field: string, holder: 'this' | 'any'): boolean {
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = member.property.type === AST_NODE_TYPES.PrivateIdentifier && !member.computed ? `#${member.property.name}` : staticPropertyName(member);
  if (name !== field) return false;
  return holder === 'any' || unwrapExpression(member.object).type === AST_NODE_TYPES.ThisExpression;
}

/**
 * Does code under `root` (callbacks included) end the client kept in `field`: `this.db.quit()`,
 * `req.knex.destroy()`, or a release called on a local given the field (`const db = this.db; …
 * db.quit()`)? One such release anywhere means the holder manages the client's end.
 */
export function endsField(root: Node, field: string, entry: ResourceEntry, holder: 'this' | 'any'): boolean {
  const releaseMethods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  if (releaseMethods.size === 0) return false;
  const aliases = new Set<string>();
  let ends = false;
  walk(root, (node) => {
    if (ends) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init && namesField(node.init, field, holder)) {
      aliases.add(node.id.name);
    }
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticPropertyName(node);
    const callee = outermostWrapper(node);
    const call = callee.parent;
    if (method === undefined || !releaseMethods.has(method) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return undefined;
    const receiver = unwrapExpression(node.object);
    if (namesField(receiver, field, holder) || (receiver.type === AST_NODE_TYPES.Identifier && aliases.has(receiver.name))) ends = true;
    return undefined;
  });
  return ends;
}
