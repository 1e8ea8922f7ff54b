/**
 * The `cleanup-on-close` codemod as the SSE and gRPC-stream proofs run it. Work started in a handler
 * with a connection end belongs to `require-cleanup-on-disconnect` (one site, one report), which
 * plans it with `connectionWorkEnd`. Until that rule ships in this catalog, a stand-in with the same
 * plan (an interval or a listener on a longer-lived target, started in a connection handler, released
 * on the connection's end) reports those sites, so the proofs exercise the codemod's real edits.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../../src/analysis/analysis';
import { AST_NODE_TYPES } from '../../src/ast/node-types';
import { staticPropertyName, unwrapExpression } from '../../src/ast/predicates';
import { cleanupOnClose } from '../../src/codemods/cleanup-on-close';
import type { AnyCodemodDescriptor } from '../../src/descriptors/codemod-descriptor';
import type { RuleDescriptor } from '../../src/descriptors/rule-descriptor';
import type { Finding } from '../../src/findings/finding';
import { cleanupPathsOf, isListenerRemoved, listenerKey, type CleanupPaths } from '../../src/lifetime/cleanup-paths';
import { longLivedTargetOf } from '../../src/lifetime/long-lived-targets';
import { referenceKey } from '../../src/lifetime/reference-keys';
import { callsOfFile } from '../../src/lifetime/site-execution';
import { timerFunctionOf } from '../../src/lifetime/timer-calls';
import type { CleanupOnClosePlan, WorkRelease } from '../../src/remedies/cleanup-on-close-plan';
import { connectionWorkEnd, listenerRelease, startedValue, timerRelease } from '../../src/remedies/plan-cleanup-on-close';

const RULE = 'require-cleanup-on-disconnect';
const ADD_METHODS = new Set(['on', 'addListener', 'addEventListener']);

function startedWork(call: TSESTree.CallExpression, analysis: Analysis, paths: CleanupPaths): WorkRelease | undefined {
  const timer = timerFunctionOf(call.callee, analysis.ast, analysis.scopeManager);
  if (timer?.name === 'setInterval' && timer.api !== 'timers/promises') {
    return startedValue(call).parent?.type === AST_NODE_TYPES.ExpressionStatement ? timerRelease(call, { kind: 'dropped' }, 'clearInterval') : undefined;
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  // `src.pipe(res)` as a statement: pipe never destroys the source when the client leaves.
  const destination = call.arguments[0];
  if (staticPropertyName(callee) === 'pipe' && destination && destination.type !== AST_NODE_TYPES.SpreadElement && call.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
    return { kind: 'pipe-to-pipeline', source: callee.object, destination };
  }
  if (!ADD_METHODS.has(staticPropertyName(callee) ?? '')) return undefined;
  const target = longLivedTargetOf(callee.object, call, analysis.scopeManager, analysis.oracle);
  if (!target) return undefined;
  const targetKey = referenceKey(callee.object, analysis.scopeManager);
  if (targetKey !== undefined && isListenerRemoved(paths, targetKey, listenerKey(call.arguments[1], analysis.scopeManager))) return undefined;
  const release = listenerRelease(call, target.api, analysis);
  return release.kind === 'refusal' ? undefined : release;
}

const standIn: RuleDescriptor<'notReleased'> = {
  name: RULE,
  description: 'stand-in: connection-scoped work not released when the connection ends',
  recommended: false,
  messages: { notReleased: 'Work started for this connection is not released when it ends.' },
  options: {},
  detect: (analysis) => {
    const calls = callsOfFile(analysis.ast);
    const paths = cleanupPathsOf(calls, analysis.ast, analysis.scopeManager);
    return calls.flatMap((call): Finding<'notReleased', CleanupOnClosePlan>[] => {
      const release = startedWork(call, analysis, paths);
      const end = release && connectionWorkEnd(call, analysis);
      if (!release || !end) return [];
      if (release.kind === 'pipe-to-pipeline') {
        return [{ ruleId: RULE, messageId: 'notReleased', node: call, data: {}, remedy: { kind: 'cleanup-on-close', start: call, release, end: { kind: 'pipeline' } } }];
      }
      return [{ ruleId: RULE, messageId: 'notReleased', node: call, data: {}, remedy: { kind: 'cleanup-on-close', start: call, release, end } }];
    });
  },
};

/** The shipped codemod when it fixes `require-cleanup-on-disconnect`; else the same codemod fixing the stand-in. */
export function connectionCleanupCodemod(): AnyCodemodDescriptor {
  if (cleanupOnClose.fixes.some((rule) => rule.name === RULE)) return cleanupOnClose;
  return { ...cleanupOnClose, fixes: [standIn] };
}
