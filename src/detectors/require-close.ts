import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, type FunctionNode } from '../ast/predicates';
import { nodeIndexOf } from '../ast/node-index';
import type { Node } from '../ast/traverse';
import type { Finding, Remedy } from '../findings/finding';
import { findLeakPaths, type LeakPath } from '../flow/release-paths';
import { bindingOf, couldBeOwnedHere } from '../ownership/acquisition-binding';
import { analyzeHandleUsage, type HandleUsage } from '../ownership/handle-usage';
import type { ResourceEntry } from '../registry/resource-entry';
import { mayMentionAcquisition } from '../registry/text-precheck';
import { planTryFinally } from '../remedies/plan-try-finally';

export const REQUIRE_CLOSE = 'require-close';

export interface RequireCloseOptions {
  /** Passing the handle to a function leakguard knows nothing about hands it over (default: true). */
  readonly unknownCallsTakeOwnership: boolean;
}

export const defaultRequireCloseOptions: RequireCloseOptions = { unknownCallsTakeOwnership: true };

export type RequireCloseMessageId = 'neverReleased' | 'releasedOnlyOnSuccess' | 'notReleasedOnEveryPath';

function lineOf(node: Node): number {
  return node.loc.start.line;
}

function releaseName(entry: ResourceEntry): string {
  const release = entry.releases[0];
  if (!release) return 'release it';
  if ('method' in release) return release.method.startsWith('[') ? `${release.method}()` : `.${release.method}()`;
  if ('function' in release) return `${release.function.name}()`;
  return `an '${release.listener}' listener`;
}

/**
 * `require-close`: a handle acquired by a function (not returned, stored or handed to an owner)
 * that is not released on every path out of it, exceptions included.
 */
export function detectUnreleasedHandles(analysis: Analysis, options: RequireCloseOptions): Finding[] {
  // Typed mode also finds project factories and Disposable types, which no text check can see.
  if (!analysis.oracle.typed && !mayMentionAcquisition(analysis.sourceText, analysis.registry, 'handle')) return [];
  const findings: Finding[] = [];
  for (const node of nodeIndexOf(analysis.ast).acquisitionCandidates) {
    const owner = enclosingFunction(node);
    // Module level and class fields run once and live as long as the process or the instance.
    if (!owner || !couldBeOwnedHere(node)) continue;
    const entry = analysis.oracle.acquisition(node);
    if (!entry || entry.kind !== 'handle') continue;
    const finding = judgeAcquisition(analysis, options, node, owner, entry);
    if (finding) findings.push(finding);
  }
  return findings;
}

function judgeAcquisition(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  owner: FunctionNode,
  entry: ResourceEntry,
): Finding | undefined {
  const binding = bindingOf(acquisition, owner, entry, analysis.scopeManager);
  const data = { resource: entry.description, release: releaseName(entry) };
  const report = (messageId: RequireCloseMessageId, extra: Record<string, string>, remedy: Remedy): Finding => ({
    ruleId: REQUIRE_CLOSE,
    messageId,
    node: acquisition,
    data: { ...data, ...extra },
    remedy,
  });
  if (binding.kind === 'discarded') {
    return report('neverReleased', {}, { kind: 'refusal', reason: 'the handle is not kept in a variable, so there is nothing to close in a `finally`; assign it to a `const` first' });
  }
  if (binding.kind !== 'variable') return undefined;

  const usage = analyzeHandleUsage(binding.variable, binding.target, owner, entry, analysis, options);
  if (usage.escape) return undefined;
  const remedy = () => planTryFinally(analysis, { acquisition, binding, owner, entry, usage });
  if (usage.releases.length === 0) return report('neverReleased', {}, remedy());

  const names = new Set(usage.variables.map((variable) => variable.name));
  const scope = declaringScope(binding.variable.defs[0]?.node) ?? owner.body;
  const quietMethods = new Set(entry.quietMethods ?? []);
  const leaks = findLeakPaths(owner, { acquisition, scope, releases: new Set(usage.releases), names, quietMethods });
  if (leaks.length === 0) return undefined;
  const earlyExit = leaks.find((leak) => leak.kind !== 'throw');
  if (earlyExit) return report('notReleasedOnEveryPath', { line: String(exitLine(earlyExit)) }, remedy());
  const thrower = firstLeak(leaks);
  return report('releasedOnlyOnSuccess', { thrower: describeThrower(analysis, thrower.node), line: String(lineOf(thrower.node)) }, remedy());
}

/** The statement whose end drops a variable declared by `declarator`: its block, or the switch of its case. */
function declaringScope(declarator: Node | undefined): Node | undefined {
  const declaration = declarator?.parent;
  // `var` lives as long as the function.
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind === 'var') return undefined;
  const container = declaration.parent;
  if (!container) return undefined;
  if (container.type === AST_NODE_TYPES.SwitchCase) return container.parent;
  if (container.type === AST_NODE_TYPES.BlockStatement) return container;
  return undefined;
}

function exitLine(leak: LeakPath): number {
  return leak.kind === 'end' ? leak.node.loc.end.line : lineOf(leak.node);
}

function firstLeak(leaks: readonly LeakPath[]): LeakPath {
  return [...leaks].sort((a, b) => a.node.range[0] - b.node.range[0])[0];
}

const MAX_THROWER_TEXT = 40;

function describeThrower(analysis: Analysis, node: Node): string {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return 'throw';
  const text = analysis.sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  if (text.length <= MAX_THROWER_TEXT) return text;
  // `await connection.query()` reads better than a truncated argument list.
  const awaited = node.type === AST_NODE_TYPES.AwaitExpression;
  const call = awaited ? (node).argument : node;
  if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
    const callee = analysis.sourceText.slice(call.callee.range[0], call.callee.range[1]).replace(/\s+/g, ' ');
    const shortened = `${awaited ? 'await ' : ''}${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${callee}()`;
    if (shortened.length <= MAX_THROWER_TEXT * 2) return shortened;
  }
  return `${text.slice(0, MAX_THROWER_TEXT - 1)}…`;
}

export type { HandleUsage };

/** The rule's messages; the codemod's report renders the same text. */
export const requireCloseMessages: Record<RequireCloseMessageId | 'wrapInTryFinally' | 'declareWithUsing', string> = {
  neverReleased:
    'This {{resource}} is never released: call `{{release}}` in a `finally` block, or hand it to an owner.',
  releasedOnlyOnSuccess:
    'This {{resource}} is released only on the success path: `{{thrower}}` on line {{line}} can throw first. Release it in a `finally` block.',
  notReleasedOnEveryPath:
    'This {{resource}} is not released on the path through line {{line}}. Release it in a `finally` block.',
  wrapInTryFinally: 'Release it in a `finally` block that covers every use.',
  declareWithUsing: 'Declare it with `{{keyword}}` so it is disposed on every path.',
};
