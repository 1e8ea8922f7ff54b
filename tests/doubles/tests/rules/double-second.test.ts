import rule from '../../rules/double-second';
import { typedRuleTester, untypedRuleTester } from '../../../rules/rule-testers';

const cases = {
  valid: ['openSecondSafely();', 'other.openSecond();'],
  invalid: [{ code: 'openSecond();', errors: [{ messageId: 'leak' as const, data: { name: 'openSecond' } }] }],
};

typedRuleTester().run('double-second (typed)', rule, cases);
untypedRuleTester().run('double-second (untyped)', rule, cases);
