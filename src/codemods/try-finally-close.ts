import { defineCodemod } from '../descriptors/codemod-descriptor';
import { requireClose } from '../detectors/require-close';
import { editsForWrapInTryFinally } from '../fix/wrap-in-try-finally';
import type { WrapInTryFinallyPlan } from '../remedies/try-finally-plan';

/** Wraps the use of a handle in `try { … } finally { <release> }`: the fix for `leakguard/require-close`. */
export const tryFinallyClose = defineCodemod({
  name: 'try-finally-close',
  description: 'Moves the use of a handle into `try { … } finally { <release> }` (or `using` with --style using).',
  fixes: [requireClose],
  plan: 'wrap-in-try-finally' satisfies WrapInTryFinallyPlan['kind'],
  options: {
    style: {
      type: 'enum',
      values: ['try-finally', 'using'],
      default: 'try-finally',
      description: 'try-finally (default) or using (`using`/`await using` where the type is Disposable).',
    },
  } as const,
  edits: (plan: WrapInTryFinallyPlan, file, options) => editsForWrapInTryFinally(plan, file.source, file.ast, options.style ?? 'try-finally'),
});
