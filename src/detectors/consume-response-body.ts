import type { Analysis } from '../analysis/analysis';
import type { RuleDescriptor, Suggestion } from '../descriptors/rule-descriptor';
import type { Finding, Refusal } from '../findings/finding';
import { callsOfFile } from '../lifetime/site-execution';
import { runsInBrowser, runsOnNode } from '../streams/module-runtime';
import { heldResponseOf, isGlobalFetch, responseApiOf, unreadBodiesOf, type UnreadBody } from '../streams/response-bodies';
import { cancelBodyEdits, releaseExpression } from '../streams/response-body-suggestions';

export const CONSUME_RESPONSE_BODY = 'consume-response-body';

const consumeResponseBodyOptions = {} as const;

type ConsumeResponseBodyMessageId = 'dropped' | 'neverRead' | 'unreadOnExit' | 'cancelBody' | 'dumpBody';

type ConsumeResponseBodyFinding = Finding<ConsumeResponseBodyMessageId> & { readonly unread: UnreadBody };

/** Cancelling on an error path is a one-line change a person should see: an editor suggestion, no codemod. */
const SUGGESTIONS_ONLY: Refusal = {
  kind: 'refusal',
  reason: 'no codemod: cancel or dump the body on that path with the editor suggestion',
};

/**
 * `consume-response-body`: a response from the fetch API (global `fetch`, undici's, node-fetch's) or
 * undici's `request` whose body is neither read, cancelled nor handed out on some path: dropped,
 * never read (only `status`/`ok` looked at), or left on an early exit — the classic is `if
 * (!res.ok) throw …` before reading. Go's `bodyclose` linter exists because such a body pins its
 * connection; undici's pool is the same, and the next requests queue behind it.
 */
function detectUnreadBodies(analysis: Analysis): ConsumeResponseBodyFinding[] {
  const { scopeManager, sourceText } = analysis;
  const findings: ConsumeResponseBodyFinding[] = [];
  for (const call of callsOfFile(analysis.ast)) {
    const api = responseApiOf(call, scopeManager);
    if (!api) continue;
    // The global fetch pins connections on node (undici); a page's browser frees unread bodies itself.
    // Judged where the file shows node and no page; undici's and node-fetch's own fetch always are.
    if (api === 'fetch' && isGlobalFetch(call, scopeManager) && (!runsOnNode(analysis.ast, scopeManager) || runsInBrowser(analysis.ast, scopeManager))) continue;
    const held = heldResponseOf(call, api, scopeManager);
    if (!held) continue;
    const callee = sourceText.slice(call.callee.range[0], call.callee.range[1]);
    if ('type' in held) {
      const unread: UnreadBody = { kind: 'dropped', statement: held, response: { api, call, statement: held, variable: undefined, bodyOnly: false, name: '' } };
      findings.push({ ruleId: CONSUME_RESPONSE_BODY, messageId: 'dropped', node: call, data: { call: callee }, remedy: SUGGESTIONS_ONLY, unread });
      continue;
    }
    for (const unread of unreadBodiesOf(held)) {
      const data = { call: callee, response: held.name, release: releaseExpression(held).replace(/^await /, '') };
      if (unread.kind === 'never-read') {
        findings.push({ ruleId: CONSUME_RESPONSE_BODY, messageId: 'neverRead', node: call, data, remedy: SUGGESTIONS_ONLY, unread });
      } else if (unread.kind === 'unread-on-exit') {
        const exit = sourceText.slice(unread.exit.range[0], unread.exit.range[1]).split(/\r?\n/)[0];
        findings.push({ ruleId: CONSUME_RESPONSE_BODY, messageId: 'unreadOnExit', node: unread.exit, data: { ...data, exit }, remedy: SUGGESTIONS_ONLY, unread });
      }
    }
  }
  return findings;
}

function suggestRelease(finding: ConsumeResponseBodyFinding, analysis: Analysis): Suggestion<ConsumeResponseBodyMessageId>[] {
  const edits = cancelBodyEdits(finding.unread, analysis);
  if (!edits) return [];
  return [{ messageId: finding.unread.response.api === 'fetch' ? 'cancelBody' : 'dumpBody', edits }];
}

const consumeResponseBodyMessages: Record<ConsumeResponseBodyMessageId, string> = {
  dropped:
    'The response of `{{call}}()` is dropped with its body unread: the body keeps its connection from the pool until it is read, cancelled or garbage-collected, and the next requests queue behind it. Read the body, or cancel it.',
  neverRead:
    'The body of `{{response}}` (from `{{call}}()`) is never read, cancelled or handed on: only its status is looked at, and the unread body pins its connection. Read it, or call `{{release}}`.',
  unreadOnExit:
    'On this path (`{{exit}}`) the body of `{{response}}` (from `{{call}}()`) is neither read, cancelled nor handed on: it pins its connection, and the next requests queue behind it. Call `{{release}}` before leaving.',
  cancelBody: 'Cancel the body here (`body?.cancel()`).',
  dumpBody: 'Dump the body here (`dump()`).',
};

export const consumeResponseBody: RuleDescriptor<ConsumeResponseBodyMessageId, typeof consumeResponseBodyOptions> = {
  name: CONSUME_RESPONSE_BODY,
  description: 'Disallow fetch and undici responses whose body is neither read, cancelled nor handed on, on some path',
  recommended: false,
  joinsPreset: 'both',
  typeCheckedOnly: false,
  messages: consumeResponseBodyMessages,
  options: consumeResponseBodyOptions,
  mayReport: (source) => source.includes('fetch') || source.includes('undici'),
  detect: detectUnreadBodies,
  suggest: (finding, analysis) => suggestRelease(finding as ConsumeResponseBodyFinding, analysis),
};
