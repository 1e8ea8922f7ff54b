import rule from '../../rules/double-first';
import { typedRuleTester, untypedRuleTester } from '../../../rules/rule-testers';

const cases = {
  valid: ['openFirstSafely();', 'other.openFirst();'],
  invalid: [{ code: 'openFirst();', errors: [{ messageId: 'leak' as const, data: { name: 'openFirst' } }] }],
};

typedRuleTester().run('double-first (typed)', rule, cases);
untypedRuleTester().run('double-first (untyped)', rule, cases);
