import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { localObjectValue } from './call-options';

/** How often a keepalive ping is sent on an idle-looking connection. Without it a client never pings and a server waits two hours. */
export const KEEPALIVE_TIME = 'grpc.keepalive_time_ms';
/** How long a ping may go unanswered before the connection is closed and its calls fail (grpc-js default: 20 s). */
export const KEEPALIVE_TIMEOUT = 'grpc.keepalive_timeout_ms';
/** Client side: ping even while no call is open. */
export const KEEPALIVE_PERMIT_WITHOUT_CALLS = 'grpc.keepalive_permit_without_calls';

/** Spreads of spreads of option objects: past this depth we stop reading. */
const MAX_DEPTH = 4;

/**
 * What the source (and, typed, the checker) shows about the keepalive of an options value:
 * `set` when `grpc.keepalive_time_ms` is there (the timeout has a sane default of 20 s: the time is
 * what turns pings on or brings them under the two-hour default), `absent` when the options are
 * known and it is not, `unknown` when they cannot be read (a parameter, an imported interface-typed
 * value, a spread of something unknown). `literal` is the object literal to merge keepalive into,
 * when the options are one (directly, or a local constant holding one), with the keys it has.
 */
export interface KeepaliveEvidence {
  readonly evidence: 'set' | 'absent' | 'unknown';
  readonly literal?: TSESTree.ObjectExpression;
  readonly keys: ReadonlySet<string>;
}

export function propertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string') return property.key.value;
  if (property.key.type === AST_NODE_TYPES.TemplateLiteral && property.key.expressions.length === 0) return property.key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function fromKeys(keys: ReadonlySet<string>, literal?: TSESTree.ObjectExpression): KeepaliveEvidence {
  return { evidence: keys.has(KEEPALIVE_TIME) ? 'set' : 'absent', keys, ...(literal ? { literal } : {}) };
}

const UNKNOWN: KeepaliveEvidence = { evidence: 'unknown', keys: new Set() };

/** The keys an options value certainly has, or undefined when they cannot all be known. */
function knownKeys(expression: Node, analysis: Analysis, depth: number): { keys: Set<string>; literal?: TSESTree.ObjectExpression } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const value = unwrapExpression(expression);
  const literal = value.type === AST_NODE_TYPES.ObjectExpression ? value : value.type === AST_NODE_TYPES.Identifier ? localObjectValue(value, analysis.scopeManager) : undefined;
  if (literal) {
    const keys = new Set<string>();
    let complete = true;
    for (const property of literal.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = knownKeys(property.argument, analysis, depth + 1);
        if (spread) spread.keys.forEach((key) => keys.add(key));
        else complete = false;
        continue;
      }
      const key = propertyKey(property);
      if (key === undefined) complete = false;
      else keys.add(key);
    }
    // An unreadable part can hide keepalive, unless what can be read already sets it.
    if (!complete && !keys.has(KEEPALIVE_TIME)) return undefined;
    return { keys, literal };
  }
  // `const opts = { … }` changed later (`opts[key] = …`, `Object.assign(opts, …)`): its declared type says less than the code does.
  if (value.type === AST_NODE_TYPES.Identifier && isChangedLocalLiteral(value, analysis)) return undefined;
  const names = analysis.oracle.literalPropertyNames(value);
  return names ? { keys: new Set(names) } : undefined;
}

/** A local variable initialised with an object literal that `localObjectValue` turned down: written to, or handed to something that may write. */
function isChangedLocalLiteral(identifier: TSESTree.Identifier, analysis: Analysis): boolean {
  const definition = findVariable(analysis.scopeManager, identifier)?.defs[0]?.node;
  return definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init !== null && unwrapExpression(definition.init).type === AST_NODE_TYPES.ObjectExpression;
}

/**
 * The keepalive evidence of the options argument of a server, client or channel: no argument at all
 * is `absent` (grpc-js defaults: no client pings, a server ping after two hours), `{}` is `absent`.
 */
export function keepaliveEvidence(options: Node | undefined, analysis: Analysis): KeepaliveEvidence {
  if (!options) return { evidence: 'absent', keys: new Set() };
  if (options.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
  const value = unwrapExpression(options);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return { evidence: 'absent', keys: new Set() };
  const known = knownKeys(value, analysis, 0);
  return known ? fromKeys(known.keys, known.literal) : UNKNOWN;
}

/** `'grpc.max_receive_message_length'`, `'grpc-node.max_session_memory'`: a key only gRPC channel options have. */
export function isChannelArgKey(key: string): boolean {
  return key.startsWith('grpc.') || key.startsWith('grpc-node.');
}
