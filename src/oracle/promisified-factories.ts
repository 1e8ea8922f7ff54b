import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { ModuleMember } from './module-bindings';

/** `util.promisify`, pify, Bluebird's `promisify`, when.js's `node.lift`: what turns a callback API into a promise one. */
function isPromisifier(member: ModuleMember): boolean {
  const module = member.module.startsWith('node:') ? member.module.slice('node:'.length) : member.module;
  const path = member.path.join('.');
  if (module === 'util') return path === 'promisify';
  if (module === 'pify') return path === '' || path === 'default';
  if (module === 'bluebird') return path === 'promisify' || path === 'Promise.promisify';
  if (module === 'when/node') return path === 'lift';
  return false;
}

/**
 * `const open = util.promisify(fs.open)` at module level: the import it wraps, marked as called
 * through a promise. `await open(path, 'r')` is then the descriptor `fs.open(path, 'r', (err, fd) =>
 * …)` hands its callback, which is what the registry's awaited `fs.open` factory describes, and
 * `close(fd)` is `fs.close`. A method bound first (`promisify(pool.getConnection.bind(pool))`) is not
 * followed: its receiver is a value, not an import. `resolve` reads an expression through the
 * module's bindings made so far (module-bindings passes its own resolver: no import cycle).
 */
export function promisifiedMember(value: Node, resolve: (expression: Node) => ModuleMember | undefined): ModuleMember | undefined {
  const call = unwrapExpression(value);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
  const promisifier = resolve(call.callee);
  // `Promise.promisify` on a Bluebird import reads as `bluebird` + `promisify` or a member of it.
  const callee = unwrapExpression(call.callee);
  const named = promisifier ?? (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'promisify' ? resolve(callee.object) : undefined);
  if (!named) return undefined;
  const isKnown = promisifier ? isPromisifier(promisifier) : named.module === 'bluebird';
  if (!isKnown) return undefined;
  const wrapped = call.arguments[0];
  const member = wrapped.type === AST_NODE_TYPES.SpreadElement ? undefined : resolve(wrapped);
  return member && { ...member, promisified: true };
}
