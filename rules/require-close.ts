import type { TSESLint } from '@typescript-eslint/utils';
import { analysisFromRuleContext } from '../src/analysis/from-rule-context';
import {
  defaultRequireCloseOptions,
  detectUnreleasedHandles,
  requireCloseMessages,
  REQUIRE_CLOSE,
} from '../src/detectors/require-close';
import { editsForWrapInTryFinally } from '../src/fix/wrap-in-try-finally';
import { createRule } from '../src/rule-creator';

export type MessageIds = keyof typeof requireCloseMessages;

export type Options = [{ unknownCallsTakeOwnership?: boolean }];

export default createRule<Options, MessageIds>({
  name: REQUIRE_CLOSE,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require handles (files, sockets, streams, pool clients) to be released on every path, exceptions included',
      recommended: true,
    },
    hasSuggestions: true,
    messages: requireCloseMessages,
    schema: [
      {
        type: 'object',
        properties: {
          unknownCallsTakeOwnership: {
            type: 'boolean',
            description: 'Whether passing a handle to a function leakguard knows nothing about hands it over (no report).',
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [defaultRequireCloseOptions],
  create(context, [options]) {
    return {
      'Program:exit'() {
        const analysis = analysisFromRuleContext(context);
        const findings = detectUnreleasedHandles(analysis, { ...defaultRequireCloseOptions, ...options });
        for (const finding of findings) {
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          const plan = finding.remedy;
          if (plan.kind === 'wrap-in-try-finally') {
            const source = analysis.sourceText;
            const styles = plan.disposal ? (['try-finally', 'using'] as const) : (['try-finally'] as const);
            for (const style of styles) {
              const result = editsForWrapInTryFinally(plan, source, analysis.ast, style);
              if ('refusal' in result || ('note' in result && result.note)) continue;
              suggest.push({
                messageId: style === 'using' ? 'declareWithUsing' : 'wrapInTryFinally',
                data: { keyword: plan.disposal === 'async' ? 'await using' : 'using' },
                fix: (fixer) => result.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
              });
            }
          }
          context.report({
            node: finding.node,
            messageId: finding.messageId as MessageIds,
            data: finding.data,
            suggest,
          });
        }
      },
    };
  },
});
