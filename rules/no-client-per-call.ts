import { analysisFromRuleContext } from '../src/analysis/from-rule-context';
import {
  defaultNoClientPerCallOptions,
  detectClientsPerCall,
  noClientPerCallMessages,
  NO_CLIENT_PER_CALL,
} from '../src/detectors/no-client-per-call';
import { createRule } from '../src/rule-creator';

export type MessageIds = keyof typeof noClientPerCallMessages;

export type Options = [{ unknownCallsTakeOwnership?: boolean }];

/** No suggestion: the fix moves the client to module level, which is the codemod's (`singleton-client`) job. */
export default createRule<Options, MessageIds>({
  name: NO_CLIENT_PER_CALL,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating connection-owning clients (gRPC, database, Redis, Kafka, HTTP agents) per request, message or call',
      recommended: true,
    },
    messages: noClientPerCallMessages,
    schema: [
      {
        type: 'object',
        properties: {
          unknownCallsTakeOwnership: {
            type: 'boolean',
            description: 'Whether passing a client to a function leakguard knows nothing about hands it over (no report).',
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [defaultNoClientPerCallOptions],
  create(context, [options]) {
    return {
      'Program:exit'() {
        const analysis = analysisFromRuleContext(context);
        for (const finding of detectClientsPerCall(analysis, { ...defaultNoClientPerCallOptions, ...options })) {
          context.report({ node: finding.node, messageId: finding.messageId as MessageIds, data: finding.data });
        }
      },
    };
  },
});
