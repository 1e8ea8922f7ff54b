import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import type { RuleDescriptor, Suggestion } from '../descriptors/rule-descriptor';
import type { Finding, Refusal } from '../findings/finding';
import { callsOfFile } from '../lifetime/site-execution';
import { awaitDrainOrCloseEdits, drainOrCloseForWaitEdits, pipelineEdits } from '../streams/backpressure-suggestions';
import { describeRepeating, ignoredWritesOf, type IgnoredWrite } from '../streams/backpressure-sites';
import { drainWaitsOf, type DrainWait } from '../streams/drain-waits';
import { isWritableReceiver } from '../streams/writable-receivers';

export const RESPECT_BACKPRESSURE = 'respect-backpressure';

const respectBackpressureOptions = {} as const;

type RespectBackpressureMessageId = 'ignoredInLoop' | 'ignoredPerEvent' | 'drainOnly' | 'awaitDrainOrClose' | 'usePipeline' | 'waitForCloseToo';

/** What the report keeps about the site, for the suggestions. */
type Site = { readonly kind: 'write'; readonly write: IgnoredWrite } | { readonly kind: 'wait'; readonly wait: DrainWait };

type RespectBackpressureFinding = Finding<RespectBackpressureMessageId> & { readonly site: Site };

/** The fix changes how the code is paced (an `await` in the loop, or a pipeline): a person accepts it. */
const SUGGESTIONS_ONLY: Refusal = {
  kind: 'refusal',
  reason: 'no codemod: pacing a writer changes when the code runs; accept the editor suggestion where it fits',
};

const text = (analysis: Analysis, node: TSESTree.Node) => analysis.sourceText.slice(node.range[0], node.range[1]);

/**
 * `respect-backpressure`: a `write()` on a node Writable, repeated by a loop, an interval or a
 * listener of another source, whose `false` ("my buffer is full") is dropped with nothing waiting for
 * `drain`; and a wait for `drain` that nothing else settles, which parks for ever once the client has
 * gone. The incident: producers that kept writing into a channel nobody drained (SSE broadcasters,
 * NDJSON exporters), piling memory up behind a slow or vanished client.
 */
function detectIgnoredBackpressure(analysis: Analysis): RespectBackpressureFinding[] {
  const { scopeManager, oracle } = analysis;
  const calls = callsOfFile(analysis.ast);
  const waits = drainWaitsOf(calls);
  const findings: RespectBackpressureFinding[] = [];
  for (const write of ignoredWritesOf(calls, waits, scopeManager, oracle)) {
    const perEvent = write.repeating.kind === 'interval' || write.repeating.kind === 'listener';
    findings.push({
      ruleId: RESPECT_BACKPRESSURE,
      messageId: perEvent ? 'ignoredPerEvent' : 'ignoredInLoop',
      node: write.call,
      data: { writer: text(analysis, write.writer), where: describeRepeating(write) },
      remedy: SUGGESTIONS_ONLY,
      site: { kind: 'write', write },
    });
  }
  for (const wait of waits) {
    if (wait.settlesOnClose) continue;
    // `drain` is a writable's event; typed, the checker confirms the stream.
    if (oracle.typed && !isWritableReceiver(wait.writer, scopeManager, oracle)) continue;
    findings.push({
      ruleId: RESPECT_BACKPRESSURE,
      messageId: 'drainOnly',
      node: wait.wait,
      data: { writer: text(analysis, wait.writer) },
      remedy: SUGGESTIONS_ONLY,
      site: { kind: 'wait', wait },
    });
  }
  return findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function suggestFixes(finding: RespectBackpressureFinding, analysis: Analysis): Suggestion<RespectBackpressureMessageId>[] {
  const site = finding.site;
  if (site.kind === 'wait') {
    const edits = drainOrCloseForWaitEdits(site.wait, analysis);
    return edits ? [{ messageId: 'waitForCloseToo', edits }] : [];
  }
  const suggestions: Suggestion<RespectBackpressureMessageId>[] = [];
  const awaited = awaitDrainOrCloseEdits(site.write, analysis);
  if (awaited) suggestions.push({ messageId: 'awaitDrainOrClose', data: finding.data, edits: awaited });
  const piped = pipelineEdits(site.write, analysis);
  if (piped) suggestions.push({ messageId: 'usePipeline', data: finding.data, edits: piped });
  return suggestions;
}

const respectBackpressureMessages: Record<RespectBackpressureMessageId, string> = {
  ignoredInLoop:
    '`{{writer}}.write()` in {{where}} drops its `false` result and nothing waits for `drain`: when the reader is slower (or gone) every chunk piles up in memory. When `write()` returns false, wait for `drain` (and for `close`/`error`) before writing again, or hand the data to `pipeline()`.',
  ignoredPerEvent:
    '`{{writer}}.write()` in {{where}} drops its `false` result: the events keep coming whatever the reader does, and a slow or stalled reader makes the buffer grow without bound. Stop or pause the source when `write()` returns false and resume on `drain`, or connect the source with `pipeline()`.',
  drainOnly:
    'This waits for `drain` on `{{writer}}` only: a stream whose client left emits `close` (or `error`), never `drain`, and the wait parks for ever with everything it holds. Settle on `close` and `error` too, or pass an abort `signal`.',
  awaitDrainOrClose: 'Wait for `drain` (or `close`/`error`) when `{{writer}}.write()` returns false.',
  usePipeline: 'Make the loop a generator and `pipeline()` it into `{{writer}}`: it writes at the reader’s pace and ends the writer.',
  waitForCloseToo: 'Wait with `drainOrClose()`, which also settles on `close` and `error`.',
};

export const respectBackpressure: RuleDescriptor<RespectBackpressureMessageId, typeof respectBackpressureOptions> = {
  name: RESPECT_BACKPRESSURE,
  description: 'Disallow repeated writes to a stream that ignore its `false` (full buffer) result, and waits for `drain` that a closed stream never ends',
  recommended: false,
  joinsPreset: 'both',
  typeCheckedOnly: false,
  messages: respectBackpressureMessages,
  options: respectBackpressureOptions,
  mayReport: (source) => source.includes('.write(') || source.includes('drain'),
  detect: detectIgnoredBackpressure,
  suggest: (finding, analysis) => suggestFixes(finding as RespectBackpressureFinding, analysis),
};
