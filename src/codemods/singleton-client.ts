import { defineCodemod } from '../descriptors/codemod-descriptor';
import { noClientPerCall } from '../detectors/no-client-per-call';
import { editsForSingletonClient } from '../fix/singleton-client-edits';
import { editsForFillSlotOnce } from '../fix/fill-slot-once-edits';
import { editsForWrapInTryFinally } from '../fix/wrap-in-try-finally';
import type { FillSlotOncePlan } from '../remedies/fill-slot-once-plan';
import type { SingletonClientPlan } from '../remedies/singleton-client-plan';
import type { WrapInTryFinallyPlan } from '../remedies/try-finally-plan';

/**
 * Replaces a client created per call by one lazily created module-level client: the fix for
 * `leakguard/no-client-per-call`. A client made from values of each call cannot be shared; off hot
 * paths it is closed where it is made instead (`try`/`finally`).
 */
export const singletonClient = defineCodemod({
  name: 'singleton-client',
  description: 'Replaces a client created per call by one lazily created module-level client, injected, with an exported close<Name>().',
  fixes: [noClientPerCall],
  plan: ['singleton-client', 'wrap-in-try-finally', 'fill-slot-once'] satisfies (SingletonClientPlan | WrapInTryFinallyPlan | FillSlotOncePlan)['kind'][],
  options: {},
  edits: (plan: SingletonClientPlan | WrapInTryFinallyPlan | FillSlotOncePlan, file) =>
    plan.kind === 'singleton-client'
      ? editsForSingletonClient(plan, file.source, file.ast)
      : plan.kind === 'fill-slot-once'
        ? editsForFillSlotOnce(plan, file.source)
        : editsForWrapInTryFinally(plan, file.source, file.ast, 'try-finally'),
});
