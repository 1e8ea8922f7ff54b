import requireClose from './require-close';

/** Every rule, by name without the `leakguard/` prefix. A meta-test checks each has docs and tests. */
export const rules = {
  'require-close': requireClose,
};

export type RuleName = keyof typeof rules;
