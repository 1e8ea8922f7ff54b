import noClientPerCall from './no-client-per-call';
import noUnboundedCache from './no-unbounded-cache';
import requireClose from './require-close';

/** Every rule, by name without the `leakguard/` prefix. A meta-test checks each has docs and tests. */
export const rules = {
  'require-close': requireClose,
  'no-client-per-call': noClientPerCall,
  'no-unbounded-cache': noUnboundedCache,
};

export type RuleName = keyof typeof rules;
