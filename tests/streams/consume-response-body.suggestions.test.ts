import { responseBodyCases } from '../rules/consume-response-body.cases';
import { responseBodySuggestionOutputs } from '../rules/consume-response-body.outputs';
import { describeSuggestionCheck } from './suggestion-check';

describeSuggestionCheck({
  rule: 'consume-response-body',
  cases: responseBodyCases,
  outputs: responseBodySuggestionOutputs,
  // One case can report the same message on two lines: the line is part of the key.
  keyOf: (shared, messageId, line) => `${shared.name} / ${messageId}@${line}`,
  atLeast: 5,
});
