import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, outermostWrapper } from '../ast/predicates';
import { nodeIndexOf } from '../ast/node-index';
import type { Node } from '../ast/traverse';
import type { OptionValues } from '../descriptors/option-spec';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import { withLazyRemedy, type Finding } from '../findings/finding';
import { ownershipOptions } from '../ownership/ownership-options';
import type { SingletonClientPlan } from '../remedies/singleton-client-plan';
import { functionName } from '../ast/function-name';
import { executionOf, isLazyInitGuard, type Execution } from '../lifetime/execution';
import { describeRole } from '../lifetime/execution-role';
import { bindingOf, couldBeOwnedHere } from '../ownership/acquisition-binding';
import { analyzeHandleUsage } from '../ownership/handle-usage';
import type { ResourceEntry } from '../registry/resource-entry';
import { SingletonPlanner } from '../remedies/plan-singleton-client';
import { mayMentionAcquisition } from '../registry/text-precheck';

export const NO_CLIENT_PER_CALL = 'no-client-per-call';

const noClientPerCallOptions = ownershipOptions('client');

type NoClientPerCallOptions = OptionValues<typeof noClientPerCallOptions>;

type NoClientPerCallMessageId = 'neverClosed' | 'closedPerCall';

type NoClientPerCallFinding = Finding<NoClientPerCallMessageId, SingletonClientPlan>;

/** `client ??= new X()`, `if (!client) client = new X()`: created once, kept. */
function isLazilyInitialised(acquisition: Node): boolean {
  const parent = outermostWrapper(acquisition).parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outermostWrapper(acquisition) && isLazyInitGuard(parent);
}

/** Where the client is made, in the report's words: the role (`a route handler`), or the function's name. */
function where(execution: Execution): string {
  if (execution.kind !== 'repeated') return describeRole(execution.role);
  const name = functionName(execution.function);
  return name ? `\`${name}\`` : 'this function';
}

/**
 * `no-client-per-call`: a connection-owning client (gRPC, pg, Redis, Kafka …) created in code that
 * runs repeatedly and not handed out. The incident: a gRPC client dialed for every Kafka message
 * through a small factory and never closed — 20 348 live connections. Never closed is a leak
 * wherever the code repeats; closed per call is connection churn, reported only on hot paths (a
 * one-shot probe that closes its client is fine).
 */
function detectClientsPerCall(analysis: Analysis, options: NoClientPerCallOptions): NoClientPerCallFinding[] {
  if (!/\bnew\b|\(/.test(analysis.sourceText)) return [];
  // Without types a client is acquired by a name the registry knows; typed mode also follows factories.
  if (!analysis.oracle.typed && !mayMentionAcquisition(analysis.sourceText, analysis.registry, 'client')) return [];
  const findings: NoClientPerCallFinding[] = [];
  // One planner per file (plans share getters and names), built when the first remedy is read.
  let planner: SingletonPlanner | undefined;
  for (const node of nodeIndexOf(analysis.ast).acquisitionCandidates) {
    // Module level and field initialisers run once per process or per instance.
    const owner = enclosingFunction(node);
    if (!owner || !couldBeOwnedHere(node)) continue;
    const entry = analysis.oracle.acquisition(node);
    if (!entry || entry.kind !== 'client') continue;
    const execution = executionOf(node, analysis.oracle);
    if (execution.kind === 'once' || isLazilyInitialised(node)) continue;
    const verdict = judge(analysis, options, node, owner, entry);
    if (!verdict) continue;
    if (verdict.closed && execution.kind !== 'hot') continue;
    const messageId: NoClientPerCallMessageId = verdict.closed ? 'closedPerCall' : 'neverClosed';
    const site = { acquisition: node, owner, entry, execution, binding: verdict.binding, releases: verdict.releases };
    findings.push(
      withLazyRemedy(
        { ruleId: NO_CLIENT_PER_CALL, messageId, node, data: { resource: entry.description, where: where(execution) } },
        () => (planner ??= new SingletonPlanner(analysis)).plan(site),
      ),
    );
  }
  return findings;
}

interface Verdict {
  readonly closed: boolean;
  readonly binding: ReturnType<typeof bindingOf>;
  readonly releases: readonly Node[];
}

/** Owned by this call (not returned, stored or handed over), and whether the call closes it. */
function judge(analysis: Analysis, options: NoClientPerCallOptions, acquisition: Node, owner: Parameters<typeof bindingOf>[1], entry: ResourceEntry): Verdict | undefined {
  const binding = bindingOf(acquisition, owner, entry, analysis.scopeManager, analysis.oracle);
  switch (binding.kind) {
    case 'escapes':
      return undefined;
    case 'discarded':
      return { closed: false, binding, releases: [] };
    case 'released':
      return { closed: true, binding, releases: [] };
    case 'variable': {
      const usage = analyzeHandleUsage(binding.variable, binding.target, owner, entry, analysis, options);
      if (usage.escape) return undefined;
      return { closed: usage.releases.length > 0, binding, releases: usage.releases };
    }
  }
}

/** The rule's messages; the codemod's report renders the same text. */
const noClientPerCallMessages: Record<NoClientPerCallMessageId, string> = {
  neverClosed:
    'A new {{resource}} is created on every run of {{where}} and never closed: each one keeps its connections open (a leak). Create one client at start-up and pass it in.',
  closedPerCall:
    'A new {{resource}} is opened and closed on every run of {{where}}: a connection set-up and tear-down per call (connection churn). Create one client at start-up and reuse it.',
};

/**
 * `no-client-per-call`. No suggestion: the fix moves the client to module level and injects it, which
 * is the codemod's (`singleton-client`) job.
 */
export const noClientPerCall: RuleDescriptor<NoClientPerCallMessageId, typeof noClientPerCallOptions, SingletonClientPlan> = {
  name: NO_CLIENT_PER_CALL,
  description: 'Disallow creating connection-owning clients (gRPC, database, Redis, Kafka, HTTP agents) per request, message or call',
  recommended: true,
  messages: noClientPerCallMessages,
  options: noClientPerCallOptions,
  detect: detectClientsPerCall,
};
