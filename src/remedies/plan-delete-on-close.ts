import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, unwrapExpression } from '../ast/predicates';
import { statementListOf } from '../ast/statement-lists';
import type { Node } from '../ast/traverse';
import type { CollectionUse } from '../collections/collection-uses';
import { endListenerOf } from '../collections/watched-ends';
import type { Refusal } from '../findings/finding';
import { connectionEndsOf, connectionEndTarget } from '../lifetime/connection-end';
import { executionOf } from '../lifetime/execution';
import { isHandlerRole } from '../lifetime/execution-role';
import type { CloseRemoval, DeleteOnClosePlan } from './bounded-cache-plan';
import { quoteUse } from './quote-use';
import { meaningChangesAt } from './same-meaning';

/** The entry a growth makes, and the statements that remove it again, as source text. */
function removalOf(analysis: Analysis, growth: CollectionUse): { statements: string[]; parts: Node[]; connection: Node } | string {
  const text = (node: Node) => analysis.sourceText.slice(node.range[0], node.range[1]);
  const site = growth.site;
  if (site.type === AST_NODE_TYPES.AssignmentExpression && site.operator === '=' && site.left.type === AST_NODE_TYPES.MemberExpression && site.left.computed) {
    // `sockets[id] = socket`
    return { statements: [`delete ${text(site.left)}`], parts: [site.left.property], connection: site.right };
  }
  if (site.type !== AST_NODE_TYPES.CallExpression || site.callee.type !== AST_NODE_TYPES.MemberExpression) return 'it grows other than by `push`, `add`, `set` or `[key] =`';
  const receiver = text(site.callee.object);
  const [first, second] = site.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement || (growth.operation === 'set' && (!second || second.type === AST_NODE_TYPES.SpreadElement))) return 'its growth has no plain arguments';
  switch (growth.operation) {
    case 'add':
      return { statements: [`${receiver}.delete(${text(first)})`], parts: [first], connection: first };
    case 'set':
      return { statements: [`${receiver}.delete(${text(first)})`], parts: [first], connection: second };
    case 'push':
      // A fresh `index` must not hide a name the removal reads.
      if (/\bindex\b/.test(`${receiver} ${text(first)}`)) return 'the array or the connection is named `index`';
      return { statements: [`const index = ${receiver}.indexOf(${text(first)})`, `if (index !== -1) ${receiver}.splice(index, 1)`], parts: [first], connection: first };
    default:
      return `it grows by \`${growth.operation}\``;
  }
}

/** `socket` when a growth stores a server handler's connection parameter: its end event, on that object. */
function handlerConnectionEnd(growth: CollectionUse, connection: Node): { target: string; event: string } | undefined {
  const value = unwrapExpression(connection);
  const role = executionOf(growth.site).role;
  if (value.type !== AST_NODE_TYPES.Identifier || !isHandlerRole(role)) return undefined;
  for (const end of connectionEndsOf(role)) {
    if (end.kind === 'event' && end.object.name === value.name && end.events[0]) return { target: connectionEndTarget(end), event: end.events[0] };
  }
  return undefined;
}

/**
 * A collection that holds connections — a server handler's socket pushed into `connections`, a
 * client's `ws` added to `websockets` next to a `ws.on('close', …)` — and never lets them go: each
 * connection that comes and goes stays. The removal goes where the connection ends: at the top of
 * the end listener the code already has, or in a new `socket.once('close', …)` (the event the
 * handler's framework ends a connection with) right after the growth. An LRU or a trim would drop
 * live connections instead. Every growth must say which entry it made in names that read the same
 * when the connection ends (`client.ws` whose `ws` is reassigned elsewhere does not); otherwise, why not.
 */
export function planDeleteOnClose(analysis: Analysis, growth: readonly CollectionUse[]): DeleteOnClosePlan | Refusal {
  const refuse = (why: string): Refusal => ({ kind: 'refusal', reason: `it holds connections and never removes one: ${why}; remove each where it closes (an LRU would drop live connections)` });
  const removals: CloseRemoval[] = [];
  for (const use of growth) {
    const line = quoteUse(analysis, use);
    const removal = removalOf(analysis, use);
    if (typeof removal === 'string') return refuse(`${line}: ${removal}`);
    const listener = endListenerOf(use);
    const callback = listener?.arguments[1] && unwrapExpression(listener.arguments[1]);
    if (listener) {
      if (!callback || !isFunction(callback) || callback.type === AST_NODE_TYPES.FunctionDeclaration) return refuse(`the listener that sees it end is not a function written in place`);
      if (callback.body.type === AST_NODE_TYPES.BlockStatement && removal.statements.length > 1 && /\bindex\b/.test(analysis.sourceText.slice(callback.body.range[0], callback.body.range[1]))) {
        return refuse('its end listener already names an `index`');
      }
      const problem = meaningChangesAt(analysis, use.site, callback.body, removal.parts);
      if (problem) return refuse(`${line} would not name the same entry when it closes: ${problem}`);
      removals.push({ kind: 'in-listener', listener: callback, statements: removal.statements });
      continue;
    }
    const end = handlerConnectionEnd(use, removal.connection);
    if (!end) return refuse(`nothing shows when what ${line} adds ends`);
    const statement = outermostWrapper(use.site).parent;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !statementListOf(statement.parent)) return refuse(`${line} is not a statement of its own in a block`);
    const problem = meaningChangesAt(analysis, use.site, use.site, removal.parts);
    if (problem) return refuse(`${line} would not name the same entry when it closes: ${problem}`);
    removals.push({ kind: 'new-listener', after: statement, target: end.target, event: end.event, statements: removal.statements });
  }
  return { kind: 'bounded-cache', collection: 'delete-on-close', removals };
}
