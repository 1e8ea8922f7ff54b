import { createRule } from '../src/rule-creator';

export type MessageIds = 'neverReleased' | 'releasedOnlyOnSuccess' | 'notReleasedOnEveryPath' | 'wrapInTryFinally';

export default createRule<[{ unknownCallsTakeOwnership?: boolean }], MessageIds>({
  name: 'require-close',
  meta: {
    type: 'problem',
    docs: { description: 'Require handles (files, sockets, streams, pool clients) to be released on every path', recommended: true },
    hasSuggestions: true,
    messages: {
      neverReleased: 'This {{resource}} is never released.',
      releasedOnlyOnSuccess: 'This {{resource}} is released only on the success path.',
      notReleasedOnEveryPath: 'This {{resource}} is not released on every path.',
      wrapInTryFinally: 'Release it in a `finally` block.',
    },
    schema: [
      {
        type: 'object',
        properties: { unknownCallsTakeOwnership: { type: 'boolean' } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ unknownCallsTakeOwnership: true }],
  create() {
    return {};
  },
});
