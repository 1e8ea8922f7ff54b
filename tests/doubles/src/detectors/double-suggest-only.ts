import type { Analysis } from '../../../../src/analysis/analysis';
import { AST_NODE_TYPES } from '../../../../src/ast/node-types';
import type { RuleDescriptor } from '../../../../src/descriptors/rule-descriptor';
import type { Finding, Refusal } from '../../../../src/findings/finding';
import { callsNamed } from './renaming-rule';

const doubleSuggestOnlyOptions = {} as const;

type DoubleSuggestOnlyMessageId = 'leak' | 'callSafely';

/** A test double with suggestions and no codemod: `openThird()` leaks, the quick-fix renames it. */
function detectDoubleSuggestOnly(analysis: Analysis): Finding<DoubleSuggestOnlyMessageId>[] {
  const noCodemod: Refusal = { kind: 'refusal', reason: 'no codemod fixes this rule' };
  return callsNamed(analysis, 'openThird').map((call) => ({ ruleId: 'double-suggest-only', messageId: 'leak', node: call, data: {}, remedy: noCodemod }));
}

export const doubleSuggestOnly: RuleDescriptor<DoubleSuggestOnlyMessageId, typeof doubleSuggestOnlyOptions> = {
  name: 'double-suggest-only',
  description: 'Disallow openThird() (a test double with suggestions and no codemod)',
  recommended: false,
  messages: { leak: '`openThird()` leaks.', callSafely: 'Call `openThirdSafely()` instead.' },
  options: doubleSuggestOnlyOptions,
  detect: detectDoubleSuggestOnly,
  suggest: (finding) => {
    const callee = finding.node.type === AST_NODE_TYPES.CallExpression ? finding.node.callee : finding.node;
    return [{ messageId: 'callSafely', edits: [{ range: callee.range, text: 'openThirdSafely' }] }];
  },
};
