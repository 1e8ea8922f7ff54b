import rule from '../../rules/double-suggest-only';
import { typedRuleTester, untypedRuleTester } from '../../../rules/rule-testers';

const cases = {
  valid: ['openThirdSafely();'],
  invalid: [
    {
      code: 'openThird();',
      errors: [{ messageId: 'leak' as const, suggestions: [{ messageId: 'callSafely' as const, output: 'openThirdSafely();' }] }],
    },
  ],
};

typedRuleTester().run('double-suggest-only (typed)', rule, cases);
untypedRuleTester().run('double-suggest-only (untyped)', rule, cases);
