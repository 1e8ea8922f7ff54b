import { defineCodemod } from '../descriptors/codemod-descriptor';
import { noLeakedInterval } from '../detectors/no-leaked-interval';
import { noLeakedListener } from '../detectors/no-leaked-listener';
import { editsForCleanupOnClose } from '../fix/cleanup-on-close-edits';
import type { CleanupOnClosePlan } from '../remedies/cleanup-on-close-plan';

/**
 * Releases work that outlives what started it where that ends: the fix for `leakguard/no-leaked-interval`
 * and `leakguard/no-leaked-listener` (and `require-cleanup-on-disconnect`, which plans the same way).
 */
export const cleanupOnClose = defineCodemod({
  name: 'cleanup-on-close',
  description:
    'Releases an interval, listener or observer where its work ends: on the connection’s `close`/`cancelled`, in the effect’s returned cleanup, in a `finally` when the call settles, or before its slot is overwritten; names dropped handles and inline listeners so they can be released, and leaves a marker saying what to release where when nothing in the code ends it.',
  fixes: [noLeakedInterval, noLeakedListener],
  plan: 'cleanup-on-close' satisfies CleanupOnClosePlan['kind'],
  options: {},
  edits: (plan: CleanupOnClosePlan, file) => editsForCleanupOnClose(plan, file.source, file.ast),
});
