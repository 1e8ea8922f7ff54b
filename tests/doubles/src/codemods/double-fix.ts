import { defineCodemod } from '../../../../src/descriptors/codemod-descriptor';
import { doubleFirst } from '../detectors/double-first';
import { doubleSecond } from '../detectors/double-second';
import type { DoubleFixPlan } from '../remedies/double-fix-plan';

/** A test double: one codemod for two rules, with an option of its own. */
export const doubleFix = defineCodemod({
  name: 'double-fix',
  description: 'Renames openFirst() and openSecond() to their safe versions (a test double).',
  fixes: [doubleFirst, doubleSecond],
  plan: 'double-fix' satisfies DoubleFixPlan['kind'],
  options: {
    suffix: { type: 'enum', values: ['Safely', 'Carefully'], default: 'Safely', description: 'the suffix of the safe version (default Safely).' },
  } as const,
  edits: (plan: DoubleFixPlan, _file, options) => ({ edits: [{ range: plan.callee.range, text: `${plan.callee.name}${options.suffix ?? 'Safely'}` }] }),
});
