import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { nodeIndexOf } from '../ast/node-index';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { Finding, Refusal } from '../findings/finding';
import { optionsDeadline } from '../grpc/call-options';
import { assignedValues, clientGivesDeadlines, isInsideDeadlineWrapper } from '../grpc/client-deadlines';
import { unpassedDeadline } from '../grpc/unpassed-deadline';
import type { DeadlineEvidence, GrpcCallKind, GrpcCallSignature } from '../oracle/grpc-call-signature';
import type { ResourceEntry } from '../registry/resource-entry';
import type { GrpcDeadlinePlan } from '../remedies/grpc-deadline-plan';

export const GRPC_CALL_DEADLINE = 'grpc-call-deadline';

const grpcCallDeadlineOptions = {} as const;

type GrpcCallDeadlineMessageId = 'noDeadline' | 'streamWithoutDeadline' | 'deadlineNotPassed';

type GrpcCallDeadlineFinding = Finding<GrpcCallDeadlineMessageId, GrpcDeadlinePlan>;

const GRPC = '@grpc/grpc-js';

/** grpc-js's raw request methods, by the kind of call each makes; their first three arguments are the method, serialize, deserialize. */
// A Map, not an object literal: `RAW_REQUESTS['toString']` must not find Object's own method.
const RAW_REQUESTS: ReadonlyMap<string, GrpcCallKind> = new Map([
  ['makeUnaryRequest', 'unary'],
  ['makeClientStreamRequest', 'client-stream'],
  ['makeServerStreamRequest', 'server-stream'],
  ['makeBidiStreamRequest', 'bidi-stream'],
]);
const RAW_REQUEST_PREFIX = 3;

/**
 * `Client`'s own members and what every object has: not RPCs of a generic client, whose methods
 * are whatever its service definition names.
 */
const NOT_RPC_METHODS = new Set(['close', 'getChannel', 'waitForReady', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'on', 'once', 'emit']);

/** An argument that names call options though nothing shows its shape (`opts`, `callOptions`): may carry a deadline. */
const OPTIONS_NAME = /options$|opts$/i;

const isGrpcEntry = (entry: ResourceEntry | undefined): boolean =>
  entry?.types?.some((type) => type.from === 'package' && type.package === GRPC && type.name === 'Client') ?? false;

/**
 * Is this value a gRPC client as far as the oracle can tell (a generated, generic or
 * `loadPackageDefinition` one), or as what this file stores in it (`this.client = new X(address,
 * grpc.credentials.createInsecure())` in a constructor) shows?
 */
function isGrpcClient(receiver: Node, analysis: Analysis): boolean {
  if (isGrpcEntry(analysis.oracle.valueResource(receiver))) return true;
  return assignedValues(receiver, analysis).some((value) => isGrpcEntry(analysis.oracle.acquisition(value)));
}

/**
 * Untyped, an argument the source does not show is known by its name: a callback or metadata
 * (`callback`, `onReply`, `metadata`, `this.meta`) carries no deadline; anything else may be options
 * that do.
 */
const CALLBACK_NAME = /^(cb|callback|done|next|resolve|reject|handler|listener)$|(Callback|Handler|Listener)$|^on[A-Z]/;
const CALLBACK_OR_METADATA_NAME = new RegExp(`${CALLBACK_NAME.source}|^(meta|metadata|md)$|Metadata$`);

function argumentName(argument: Node): string | undefined {
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  return value.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(value) : undefined;
}

/** A `new X()`, or a variable that holds one: an instance (metadata, credentials), never a call options literal. */
function isInstance(argument: Node, analysis: Analysis): boolean {
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.NewExpression) return true;
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = findVariable(analysis.scopeManager, value)?.defs;
  const declarator = definition?.length === 1 ? definition[0].node : undefined;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init !== null && unwrapExpression(declarator.init).type === AST_NODE_TYPES.NewExpression;
}

/**
 * The `deadline` evidence of a call whose overload the checker could not tell, from its shapes:
 * the trailing callback and instances (metadata) carry none; an object literal shows whether it has
 * one; anything else might be options that do. `request` is the argument that is the request, if
 * the call takes one in a known place.
 */
function shapeEvidence(args: readonly Node[], requestIndex: number | undefined, analysis: Analysis): DeadlineEvidence {
  let evidence: DeadlineEvidence = 'absent';
  args.forEach((argument, index) => {
    if (evidence === 'set') return;
    if (argument.type === AST_NODE_TYPES.SpreadElement) {
      evidence = 'maybe';
      return;
    }
    if (isFunction(unwrapExpression(argument)) || isInstance(argument, analysis)) return;
    const shown = optionsDeadline(argument, analysis.scopeManager);
    if (shown === 'set') {
      evidence = 'set';
      return;
    }
    if (shown === 'absent' || evidence === 'maybe') return;
    const value = unwrapExpression(argument);
    if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return;
    const name = argumentName(value);
    // The request's shape says nothing about options, unless its name says it is options after all.
    if (index === requestIndex && !(name !== undefined && OPTIONS_NAME.test(name))) return;
    if (name === undefined || !CALLBACK_OR_METADATA_NAME.test(name)) evidence = 'maybe';
  });
  return evidence;
}

interface RpcCall {
  readonly method: string;
  readonly kind: GrpcCallKind | undefined;
  readonly deadline: DeadlineEvidence;
  /** The call options argument it passes, if any (`{ host }`, `options`). */
  readonly options?: Node;
  /** The trailing callback argument, if any: new options go right before it. */
  readonly callback?: Node;
}

/** The trailing argument, when it is a callback by its shape or name. */
function trailingCallback(args: readonly Node[]): Node | undefined {
  const last = args.at(-1);
  if (!last) return undefined;
  const value = unwrapExpression(last);
  if (isFunction(value)) return last;
  const name = argumentName(value);
  return name !== undefined && CALLBACK_NAME.test(name) ? last : undefined;
}

/** The first object literal after the request: call options (metadata is never a literal). */
function optionsLiteral(args: readonly Node[], firstOptionsIndex: number): Node | undefined {
  return args.slice(firstOptionsIndex).find((argument) => unwrapExpression(argument).type === AST_NODE_TYPES.ObjectExpression);
}

/**
 * The RPC a call makes and what shows about its deadline; undefined when it is no RPC of a gRPC
 * client. Typed, by the overload it resolves to; otherwise (or when the checker cannot tell) by a
 * raw request method's name, or a method of a value known to be a gRPC client.
 */
function rpcCall(call: TSESTree.CallExpression, analysis: Analysis, fileImportsGrpc: boolean): RpcCall | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(callee);
  if (method === undefined) return undefined;
  const signature: GrpcCallSignature | 'not-rpc' | undefined = analysis.oracle.grpcCall(call);
  if (signature === 'not-rpc') return undefined;
  if (signature) {
    if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const argument = signature.optionsIndex === undefined ? undefined : call.arguments[signature.optionsIndex];
    let deadline: DeadlineEvidence = signature.deadline ?? 'absent';
    // `const opts: CallOptions = {}`: the type allows a deadline, the source shows there is none.
    if (deadline === 'maybe' && argument) deadline = optionsDeadline(argument, analysis.scopeManager);
    const callback = signature.callbackIndex === undefined ? undefined : call.arguments[signature.callbackIndex];
    return { method, kind: signature.kind, deadline, ...(argument ? { options: argument } : {}), ...(callback ? { callback } : {}) };
  }
  // Without the checker's word a client is known by this file's grpc-js import.
  if (!fileImportsGrpc) return undefined;
  const raw = RAW_REQUESTS.get(method);
  if (raw) {
    const rest = call.arguments.slice(RAW_REQUEST_PREFIX);
    const takesRequest = raw === 'unary' || raw === 'server-stream';
    return shapedCall(method, raw, rest, takesRequest ? 0 : undefined, analysis);
  }
  if (NOT_RPC_METHODS.has(method) || !isGrpcClient(callee.object, analysis)) return undefined;
  // A generic client's method: a request first for unary and server-streaming calls, which are most.
  return shapedCall(method, undefined, call.arguments, 0, analysis);
}

function shapedCall(method: string, kind: GrpcCallKind | undefined, args: readonly Node[], requestIndex: number | undefined, analysis: Analysis): RpcCall {
  const options = optionsLiteral(args, requestIndex === undefined ? 0 : requestIndex + 1);
  const callback = trailingCallback(args);
  return { method, kind, deadline: shapeEvidence(args, requestIndex, analysis), ...(options ? { options } : {}), ...(callback ? { callback } : {}) };
}

/**
 * `const call = client.makeUnaryRequest(…); signal.addEventListener('abort', () => call.cancel())`:
 * a call its maker cancels (on an abort signal, a timer) is bounded without a deadline — nice-grpc
 * implements deadlines that way.
 */
function isCancelledByItsMaker(call: TSESTree.CallExpression, analysis: Analysis): boolean {
  const holder = outermostWrapper(call).parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(analysis.scopeManager, holder.id);
  return (variable?.references ?? []).some((reference) => {
    const member = outermostWrapper(reference.identifier).parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(member) === 'cancel' && outermostWrapper(member).parent?.type === AST_NODE_TYPES.CallExpression;
  });
}

const KIND_WORDS: Readonly<Record<GrpcCallKind, string>> = {
  unary: 'unary',
  'client-stream': 'client-streaming',
  'server-stream': 'server-streaming',
  'bidi-stream': 'bidirectional-streaming',
};

/** What `grpc-deadline` does about a call: where its deadline goes, or why it leaves it to a person. */
function deadlineRemedy(call: TSESTree.CallExpression, rpc: RpcCall, inScope: string | undefined, analysis: Analysis): GrpcDeadlinePlan | Refusal {
  const longLived = rpc.kind === 'server-stream' || rpc.kind === 'bidi-stream' || (rpc.kind === undefined && !rpc.callback);
  const plan = (placement: GrpcDeadlinePlan['placement']): GrpcDeadlinePlan => ({ kind: 'grpc-deadline', placement, longLived, ...(inScope ? { inScope } : {}) });
  if (rpc.options) {
    const options = unwrapExpression(rpc.options);
    if (options.type === AST_NODE_TYPES.ObjectExpression) return plan({ kind: 'merge', options });
    const text = analysis.sourceText.slice(rpc.options.range[0], rpc.options.range[1]);
    return { kind: 'refusal', reason: `the call options come from \`${text}\`: give them a \`deadline\` where they are made` };
  }
  return plan(rpc.callback ? { kind: 'before', argument: rpc.callback } : { kind: 'append', call });
}

/**
 * `grpc-call-deadline`: a call on a grpc-js client whose call options carry no deadline. The
 * incident: client-streaming handlers blocked for ever on a dead peer, because nothing had a
 * deadline and grpc-js's default is Infinity. Deadlines from interceptors, a service config's
 * method `timeout` or a wrapper named in the settings count.
 */
function detectCallsWithoutDeadline(analysis: Analysis): GrpcCallDeadlineFinding[] {
  const text = analysis.sourceText;
  const fileImportsGrpc = text.includes(GRPC);
  // Untyped, a client is known by its import; typed, a generated client's calls need not name grpc-js.
  if (!analysis.oracle.typed && !fileImportsGrpc) return [];
  const findings: GrpcCallDeadlineFinding[] = [];
  for (const node of nodeIndexOf(analysis.ast).acquisitionCandidates) {
    const call = node.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(node.argument) : node;
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const rpc = rpcCall(call, analysis, fileImportsGrpc);
    if (!rpc || rpc.deadline !== 'absent') continue;
    const callee = unwrapExpression(call.callee) as TSESTree.MemberExpression;
    if (clientGivesDeadlines(callee.object, analysis) || isInsideDeadlineWrapper(call, analysis) || isCancelledByItsMaker(call, analysis)) continue;
    const unpassed = unpassedDeadline(call, analysis.scopeManager);
    const streaming = rpc.kind !== undefined && rpc.kind !== 'unary';
    const messageId: GrpcCallDeadlineMessageId = unpassed ? 'deadlineNotPassed' : streaming ? 'streamWithoutDeadline' : 'noDeadline';
    findings.push({
      ruleId: GRPC_CALL_DEADLINE,
      messageId,
      node: call,
      data: { method: rpc.method, kind: rpc.kind ? KIND_WORDS[rpc.kind] : '', name: unpassed?.name ?? '' },
      remedy: deadlineRemedy(call, rpc, unpassed?.name, analysis),
    });
  }
  return findings;
}

const grpcCallDeadlineMessages: Record<GrpcCallDeadlineMessageId, string> = {
  noDeadline:
    'The gRPC call `{{method}}` has no deadline: if the server or the network stalls it waits for ever (grpc-js defaults to none), and whatever waits on it piles up. Pass call options with a `deadline`, e.g. `{ deadline: Date.now() + 10_000 }`.',
  streamWithoutDeadline:
    'The {{kind}} gRPC call `{{method}}` has no deadline: if the peer vanishes it stays open for ever (grpc-js defaults to none). Give it a `deadline` in its call options, or, for a stream meant to stay open, keepalive on the channel and a cancel when its consumer goes away.',
  deadlineNotPassed:
    '`{{name}}` is in scope, but the gRPC call `{{method}}` is made without a deadline: it waits for ever when the server or the network stalls. Pass it: `{ deadline: {{name}} }` in the call options.',
};

export const grpcCallDeadline: RuleDescriptor<GrpcCallDeadlineMessageId, typeof grpcCallDeadlineOptions, GrpcDeadlinePlan> = {
  name: GRPC_CALL_DEADLINE,
  description: 'Require a deadline on every gRPC call made with a grpc-js client (unary and streaming)',
  recommended: false,
  joinsPreset: 'both',
  messages: grpcCallDeadlineMessages,
  options: grpcCallDeadlineOptions,
  detect: detectCallsWithoutDeadline,
};
