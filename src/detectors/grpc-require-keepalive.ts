import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { nodeIndexOf } from '../ast/node-index';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import { defaultOptionValues, type OptionValues } from '../descriptors/option-spec';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { Finding, Refusal } from '../findings/finding';
import { isChannelArgKey, keepaliveEvidence, propertyKey, type KeepaliveEvidence } from '../grpc/keepalive-options';
import { clientLifetime, type ClientLifetime } from '../grpc/long-lived-clients';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import type { ResourceEntry } from '../registry/resource-entry';
import type { GrpcKeepalivePlan } from '../remedies/grpc-keepalive-plan';
import { noClientPerCall } from './no-client-per-call';

export const GRPC_REQUIRE_KEEPALIVE = 'grpc-require-keepalive';

const grpcRequireKeepaliveOptions = {} as const;

type GrpcRequireKeepaliveMessageId = 'serverWithoutKeepalive' | 'clientWithoutKeepalive' | 'channelOptionsWithoutKeepalive';

type GrpcRequireKeepaliveFinding = Finding<GrpcRequireKeepaliveMessageId, GrpcKeepalivePlan>;

const GRPC = '@grpc/grpc-js';

/** grpc-js's client and channel entries of the registry: generated and generic clients extend `Client`; `Channel` is declared `ChannelImplementation`. */
const CLIENT_TYPES = new Set(['Client', 'ChannelImplementation']);

const isGrpcClientOrChannel = (entry: ResourceEntry | undefined): boolean =>
  entry?.types?.some((type) => type.from === 'package' && type.package === GRPC && CLIENT_TYPES.has(type.name)) ?? false;

/** `new Client(address, credentials, options)`, `new Channel(target, credentials, options)`, generated clients alike. */
const CLIENT_OPTIONS_INDEX = 2;

/**
 * A wrapper's property that holds grpc-js channel options (`new MilvusClient({ channelOptions })`,
 * `{ channelArgs }`, `grpcChannelOptions`): what it holds becomes the channel's options.
 */
const WRAPPER_KEY = /^(grpc)?channel(Options|Args|Arguments)$/i;

const LIFETIME_WORDS: Readonly<Record<ClientLifetime, string>> = {
  'module-level': 'made once at module level or start-up',
  singleton: 'a lazily created shared client',
  'kept-in-slot': 'kept in a field or module variable',
  streaming: 'used for streaming calls',
};

/** `new grpc.Server(…)`, `new Server(…)` with `Server` from grpc-js. */
function isGrpcServer(construction: TSESTree.NewExpression, analysis: Analysis): boolean {
  const member = resolveModuleMember(construction.callee, moduleBindings(analysis.ast));
  return member?.module === GRPC && member.path.length === 1 && member.path[0] === 'Server';
}

/** The code of an expression, shortened for a message. */
function codeOf(node: Node, analysis: Analysis): string {
  const text = analysis.sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Where `grpc-keepalive` puts keepalive for a site whose options are `argument` (at `index` of `construction`). */
function keepaliveRemedy(
  side: GrpcKeepalivePlan['side'],
  construction: TSESTree.NewExpression | undefined,
  index: number,
  argument: Node | undefined,
  evidence: KeepaliveEvidence,
  analysis: Analysis,
): GrpcKeepalivePlan | Refusal {
  const present = [...evidence.keys];
  if (evidence.literal) return { kind: 'grpc-keepalive', side, placement: { kind: 'merge', options: evidence.literal }, present };
  if (!argument && construction && construction.arguments.length === index) return { kind: 'grpc-keepalive', side, placement: { kind: 'append', construction }, present };
  if (!argument) return { kind: 'refusal', reason: 'the construction does not pass the arguments that come before its options: add the options by hand' };
  return { kind: 'refusal', reason: `the options come from \`${codeOf(argument, analysis)}\`: add \`grpc.keepalive_time_ms\` and \`grpc.keepalive_timeout_ms\` where they are made` };
}

/**
 * The constructions `no-client-per-call` reports: a client made per call is its finding (create it
 * once), not this rule's. One site, one report.
 */
function perCallClients(analysis: Analysis): ReadonlySet<Node> {
  const options = defaultOptionValues(noClientPerCall.options) as OptionValues<typeof noClientPerCall.options>;
  return new Set(noClientPerCall.detect(analysis, options).map((finding) => finding.node));
}

/**
 * `grpc-require-keepalive`: a grpc-js server, or a long-lived or streaming client or channel, built
 * without `grpc.keepalive_time_ms`. The incident: client-streaming handlers blocked for ever after
 * the network dropped — no FIN, no RST — because the server's keepalive defaulted to two hours and
 * grpc-js clients send no pings at all by default. Options the rule cannot read are not reported.
 */
function detectMissingKeepalive(analysis: Analysis): GrpcRequireKeepaliveFinding[] {
  const findings: GrpcRequireKeepaliveFinding[] = [];
  const optionsOfSites = new Set<Node>();
  let perCall: ReadonlySet<Node> | undefined;
  for (const node of nodeIndexOf(analysis.ast).acquisitionCandidates) {
    if (node.type !== AST_NODE_TYPES.NewExpression) continue;
    if (isGrpcServer(node, analysis)) {
      const argument = node.arguments[0];
      const evidence = keepaliveEvidence(argument, analysis);
      if (evidence.literal) optionsOfSites.add(evidence.literal);
      if (evidence.evidence !== 'absent') continue;
      findings.push({ ruleId: GRPC_REQUIRE_KEEPALIVE, messageId: 'serverWithoutKeepalive', node, data: {}, remedy: keepaliveRemedy('server', node, 0, argument, evidence, analysis) });
      continue;
    }
    const entry = analysis.oracle.acquisition(node);
    if (!isGrpcClientOrChannel(entry)) continue;
    const argument = node.arguments[CLIENT_OPTIONS_INDEX];
    const evidence = keepaliveEvidence(argument, analysis);
    if (evidence.literal) optionsOfSites.add(evidence.literal);
    if (evidence.evidence !== 'absent') continue;
    const lifetime = clientLifetime(node, analysis);
    if (!lifetime) continue;
    perCall ??= perCallClients(analysis);
    if (perCall.has(node)) continue;
    findings.push({
      ruleId: GRPC_REQUIRE_KEEPALIVE,
      messageId: 'clientWithoutKeepalive',
      node,
      data: { resource: entry!.description, lifetime: LIFETIME_WORDS[lifetime] },
      remedy: keepaliveRemedy('client', node, CLIENT_OPTIONS_INDEX, argument, evidence, analysis),
    });
  }
  findings.push(...wrapperFindings(analysis, optionsOfSites));
  return findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * `{ channelOptions: { 'grpc.max_receive_message_length': … } }` handed to a wrapper that builds
 * the grpc-js channel (Milvus, nice-grpc-style helpers, a project's own): the options are gRPC
 * channel arguments when they name one (`grpc.*`) or the file imports grpc-js.
 */
function wrapperFindings(analysis: Analysis, optionsOfSites: ReadonlySet<Node>): GrpcRequireKeepaliveFinding[] {
  if (!/channel(Options|Args|Arguments)/i.test(analysis.sourceText)) return [];
  const importsGrpc = analysis.sourceText.includes(GRPC);
  const findings: GrpcRequireKeepaliveFinding[] = [];
  walk(analysis.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.Property || node.value.type === AST_NODE_TYPES.AssignmentPattern) return undefined;
    const key = propertyKey(node);
    if (key === undefined || !WRAPPER_KEY.test(key)) return undefined;
    // `{ channelOptions }` in a destructuring pattern reads options; it configures nothing.
    if (node.parent?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const value = unwrapExpression(node.value);
    const evidence = keepaliveEvidence(value, analysis);
    if (evidence.evidence !== 'absent' || (evidence.literal && optionsOfSites.has(evidence.literal))) return undefined;
    if (!importsGrpc && ![...evidence.keys].some(isChannelArgKey)) return undefined;
    findings.push({
      ruleId: GRPC_REQUIRE_KEEPALIVE,
      messageId: 'channelOptionsWithoutKeepalive',
      node,
      data: { name: key },
      remedy: keepaliveRemedy('client', undefined, 0, value, evidence, analysis),
    });
    return undefined;
  });
  return findings;
}

const grpcRequireKeepaliveMessages: Record<GrpcRequireKeepaliveMessageId, string> = {
  serverWithoutKeepalive:
    'This grpc-js `Server` is built without `grpc.keepalive_time_ms`: it pings a quiet connection only after two hours, so a handler whose client vanished without closing the connection (a dropped network, a black-holing proxy) stays blocked that long. Set `grpc.keepalive_time_ms` and `grpc.keepalive_timeout_ms` in its options (e.g. 300000 and 10000).',
  clientWithoutKeepalive:
    'This {{resource}} is {{lifetime}} and built without `grpc.keepalive_time_ms`: grpc-js clients send no keepalive pings by default, so a connection that died silently is noticed only when a call times out — never, for a call without a deadline. Set `grpc.keepalive_time_ms` and `grpc.keepalive_timeout_ms` in its options (e.g. 300000 and 10000).',
  channelOptionsWithoutKeepalive:
    '`{{name}}` configures a gRPC channel without `grpc.keepalive_time_ms`: grpc-js clients send no keepalive pings by default, so a connection that died silently is noticed only when a call times out. Add `grpc.keepalive_time_ms` and `grpc.keepalive_timeout_ms` (e.g. 300000 and 10000).',
};

export const grpcRequireKeepalive: RuleDescriptor<GrpcRequireKeepaliveMessageId, typeof grpcRequireKeepaliveOptions, GrpcKeepalivePlan> = {
  name: GRPC_REQUIRE_KEEPALIVE,
  description: 'Require keepalive options on grpc-js servers and on long-lived or streaming gRPC clients and channels',
  recommended: false,
  joinsPreset: 'both',
  messages: grpcRequireKeepaliveMessages,
  options: grpcRequireKeepaliveOptions,
  mayReport: (text) => /\bnew\b|channel(Options|Args|Arguments)/i.test(text),
  detect: detectMissingKeepalive,
};
