import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';

/** The option MCP's streamable HTTP transports call when a client ends its session with a DELETE request. */
const SESSION_CLOSED_OPTION = 'onsessionclosed';
/** `StreamableHTTPServerTransport`, `WebStandardStreamableHTTPServerTransport` (@modelcontextprotocol/sdk). */
const STREAMABLE_TRANSPORT = /StreamableHTTPServerTransport$/;

/**
 * `sessions.delete(id)` in `onsessionclosed: (id) => …`, or in `transport.onclose = () => …` for an MCP
 * streamable HTTP transport: the SDK calls both only when the client ends its session with an
 * explicit DELETE (or the server closes the transport). Its GET stream ending (a client that went
 * away) ends neither, so a session its client just dropped stays in the map with its transport and
 * server for ever (withings-mcp, nutrition-mcp). SSE transports, whose `onclose` follows the
 * response's `close`, are not matched: their clients' leaving does end them.
 */
export function deletedOnlyWhenClientEndsSession(site: Node): boolean {
  for (let current: Node | undefined = site.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.Property && holder.value === current && staticPropertyNameOf(holder) === SESSION_CLOSED_OPTION) return true;
    if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === current && holder.left.type === AST_NODE_TYPES.MemberExpression) {
      const target = unwrapExpression(holder.left.object);
      return staticPropertyName(holder.left) === 'onclose' && target.type === AST_NODE_TYPES.Identifier && holdsStreamableTransport(target.name, holder);
    }
    return false;
  }
  return false;
}

/**
 * The words a peer's own goodbye message uses: `params.event === 'stopped'` (a BitTorrent announce),
 * `msg.type === 'unsubscribe'`, `case 'logout':`. A value the peer sends, not an event of the transport.
 */
const GOODBYE = /^(stop|stopped|leave|left|quit|exit|logout|log-out|signout|sign-out|unsubscribe|unsub|unregister|disconnect|bye|goodbye|part|close-session|end-session)$/i;

/**
 * `if (params.event === 'stopped') delete this.peers[id]`, `case 'unsubscribe': subscriptions.delete(id)`:
 * the delete runs only when the peer says goodbye in a message it sends (a field compared with a
 * goodbye word). A peer that just goes away never sends it, and its entry stays (bittorrent-tracker's
 * swarm kept every peer that vanished without announcing `stopped`).
 */
export function deletedOnlyOnPeerGoodbye(site: Node): boolean {
  const fn = enclosingFunction(site);
  for (let child: Node = site, current = site.parent; current && current !== fn; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && comparesWithGoodbye(current.test)) return true;
    if (current.type === AST_NODE_TYPES.SwitchCase && current.test && isGoodbyeLiteral(current.test) && isMessageField(current.parent?.type === AST_NODE_TYPES.SwitchStatement ? current.parent.discriminant : undefined)) return true;
  }
  return false;
}

/** `params.event === 'stopped'` (either side), possibly one of several `&&`-joined tests. */
function comparesWithGoodbye(test: Node): boolean {
  const node = unwrapExpression(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') return comparesWithGoodbye(node.left) || comparesWithGoodbye(node.right);
  if (node.type !== AST_NODE_TYPES.BinaryExpression || (node.operator !== '===' && node.operator !== '==')) return false;
  return (isGoodbyeLiteral(node.right) && isMessageField(node.left)) || (isGoodbyeLiteral(node.left) && isMessageField(node.right));
}

function isGoodbyeLiteral(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && GOODBYE.test(node.value);
}

/** `params.event`, `message.type`: a field of a value the function was given. */
function isMessageField(node: Node | undefined): boolean {
  const inner = node ? unwrapExpression(node) : undefined;
  return inner?.type === AST_NODE_TYPES.MemberExpression && !inner.computed && unwrapExpression(inner.object).type === AST_NODE_TYPES.Identifier;
}

/** A property's written name: `onsessionclosed` in `{ onsessionclosed: … }` and `{ onsessionclosed(id) { … } }`. */
function staticPropertyNameOf(property: Node): string | undefined {
  return property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
}

/** Whether `name`, in the function around `from`, is declared as or assigned an MCP streamable HTTP transport. */
function holdsStreamableTransport(name: string, from: Node): boolean {
  const scope = enclosingFunction(from) ?? rootOf(from);
  let found = false;
  const constructsTransport = (value: Node | null | undefined): boolean => {
    const inner = value ? unwrapExpression(value) : undefined;
    return inner?.type === AST_NODE_TYPES.NewExpression && STREAMABLE_TRANSPORT.test(calleeName(inner.callee) ?? '');
  };
  walk(scope, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.id.name === name) {
      const annotation = node.id.typeAnnotation?.typeAnnotation;
      const annotated = annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && STREAMABLE_TRANSPORT.test(annotation.typeName.name);
      found = annotated || constructsTransport(node.init);
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name) {
      found = constructsTransport(node.right);
    }
    return found ? false : undefined;
  });
  return found;
}

function calleeName(callee: Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

function rootOf(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}
