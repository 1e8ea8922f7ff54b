import { backpressureCases } from '../rules/respect-backpressure.cases';
import { backpressureSuggestionOutputs } from '../rules/respect-backpressure.outputs';
import { describeSuggestionCheck } from './suggestion-check';

describeSuggestionCheck({
  rule: 'respect-backpressure',
  cases: backpressureCases,
  outputs: backpressureSuggestionOutputs,
  keyOf: (shared, messageId) => `${shared.name} / ${messageId}`,
  atLeast: 6,
});
