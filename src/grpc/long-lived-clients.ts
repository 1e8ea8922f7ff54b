import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { executionOf, isLazyInitGuard } from '../lifetime/execution';
import { slotKey } from '../ownership/client-slots';
import { conditionalHolder } from '../ownership/conditional-acquisition';

/** Why a client or channel lives long enough to need keepalive: each is a report's words. */
export type ClientLifetime = 'module-level' | 'singleton' | 'kept-in-slot' | 'streaming';

/** grpc-js's raw streaming requests: a client that makes them holds streams open. */
const RAW_STREAMING_REQUESTS = new Set(['makeClientStreamRequest', 'makeServerStreamRequest', 'makeBidiStreamRequest']);

/** Does the call open a stream (client-, server- or bidi-streaming): typed by its overload, untyped by grpc-js's raw request names. */
function isStreamingCall(call: TSESTree.CallExpression, analysis: Analysis): boolean {
  const signature = analysis.oracle.grpcCall(call);
  if (signature && signature !== 'not-rpc') return signature.kind !== 'unary';
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && RAW_STREAMING_REQUESTS.has(staticPropertyName(callee) ?? '');
}

/** `const client = new X(…)` in a function whose streaming calls go through `client`. */
function isUsedForStreaming(held: Node, analysis: Analysis): boolean {
  const declarator = held.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== held || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(analysis.scopeManager, declarator.id);
  return (variable?.references ?? []).some((reference) => {
    const member = outermostWrapper(reference.identifier).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || outermostWrapper(member.object) !== outermostWrapper(reference.identifier)) return false;
    const call = outermostWrapper(member).parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(member) && isStreamingCall(call, analysis);
  });
}

/**
 * How long a gRPC client or channel made at `construction` lives, when it lives long: made at module
 * level or start-up, created once behind a lazy-init guard (`client ??= new X()`, what
 * `singleton-client` writes), kept in a field or module variable (a long-lived object's client), or
 * used for streaming calls (a stream stays open as long as its peer seems alive). Undefined when
 * nothing shows it (a factory's return value, a per-call local: `no-client-per-call`'s concern).
 */
export function clientLifetime(construction: TSESTree.NewExpression, analysis: Analysis): ClientLifetime | undefined {
  const held = conditionalHolder(construction);
  const parent = held.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === held) {
    if (isLazyInitGuard(parent)) return 'singleton';
    if (slotKey(parent.left, analysis.scopeManager) !== undefined) return 'kept-in-slot';
  }
  // A field initialiser (`client = new X()` in a class body) runs once per instance: the instance's client.
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === held) return 'kept-in-slot';
  if (executionOf(construction, analysis.oracle).kind === 'once') return 'module-level';
  return isUsedForStreaming(held, analysis) ? 'streaming' : undefined;
}
