import { analysisFromRuleContext } from '../src/analysis/from-rule-context';
import {
  defaultNoUnboundedCacheOptions,
  detectUnboundedCaches,
  noUnboundedCacheMessages,
  NO_UNBOUNDED_CACHE,
} from '../src/detectors/no-unbounded-cache';
import { createRule } from '../src/rule-creator';

export type MessageIds = keyof typeof noUnboundedCacheMessages;

export type Options = [{ checkExported?: boolean }];

/** No suggestion: the fix adds a dependency (lru-cache) and rewrites every use, which is the codemod's (`bounded-cache`) job. */
export default createRule<Options, MessageIds>({
  name: NO_UNBOUNDED_CACHE,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow module-level caches (Map, Set, array, index-signature object) that grow in repeated code and are never shrunk',
      recommended: true,
    },
    messages: noUnboundedCacheMessages,
    schema: [
      {
        type: 'object',
        properties: {
          checkExported: {
            type: 'boolean',
            description: 'Whether to judge exported collections too, as if no other module removed their entries.',
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [defaultNoUnboundedCacheOptions],
  create(context, [options]) {
    // Cheap pre-check: no growth call or computed write, no finding.
    if (!/\.(set|add|push|unshift)\s*\(|\]\s*[-+*/%&|^?]*=|Object\.assign|\]\s*(\+\+|--)/.test(context.sourceCode.text)) return {};
    return {
      'Program:exit'() {
        const analysis = analysisFromRuleContext(context);
        for (const finding of detectUnboundedCaches(analysis, { ...defaultNoUnboundedCacheOptions, ...options })) {
          context.report({ node: finding.node, messageId: finding.messageId as MessageIds, data: finding.data });
        }
      },
    };
  },
});
