import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, isInside, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { HandOff } from '../ownership/handle-usage';

/** Names a Node-style callback gives its error: `(err, stream) => …`. */
const ERROR_NAME = /^(err|error|e|er|error_?)$/i;

/** `if (err) return done(err);`, `if (error) { log(error); return; }`: the statement exits when the error is set. */
function exitsOnError(statement: Node, error: string): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement) return false;
  const test = unwrapExpression(statement.test);
  if (test.type !== AST_NODE_TYPES.Identifier || test.name !== error) return false;
  const branch = statement.consequent;
  if (branch.type === AST_NODE_TYPES.ReturnStatement || branch.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (branch.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = branch.body[branch.body.length - 1];
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}

/**
 * `conn.exec(cmd, (err, stream) => { if (err) return done(err); … stream.on('close', () => conn.end()) })`:
 * the handle is released only in callbacks, and one of the Node-style callbacks around that release
 * leaves on its error first — `if (err) return …` before the release, with no release in that branch.
 * When the operation fails (a refused command, a wrong password to `bind`), the connection the
 * function opened stays open: the usual ssh2 and ldapjs leak. The early exit, if there is one.
 */
export function releaseSkippedByErrorExit(handOffs: readonly HandOff[], owner: FunctionNode): Node | undefined {
  const releases = handOffs.filter((handOff) => handOff.reason === 'released in a callback').map((handOff) => handOff.node);
  if (releases.length === 0 || handOffs.some((handOff) => handOff.reason !== 'released in a callback' && handOff.reason !== 'handed to its listeners')) return undefined;
  for (const release of releases) {
    for (let fn: Node | undefined = release.parent; fn && fn !== owner; fn = fn.parent) {
      if (!isFunction(fn)) continue;
      const error = fn.params[0];
      if (error?.type !== AST_NODE_TYPES.Identifier || !ERROR_NAME.test(error.name) || fn.body.type !== AST_NODE_TYPES.BlockStatement) continue;
      const exit = fn.body.body.find((statement) => statement.range[1] <= release.range[0] && exitsOnError(statement, error.name));
      if (exit && !releases.some((other) => isInside(other, exit))) return exit;
    }
  }
  return undefined;
}
