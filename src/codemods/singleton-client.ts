import { defineCodemod } from '../descriptors/codemod-descriptor';
import { noClientPerCall } from '../detectors/no-client-per-call';
import { editsForSingletonClient } from '../fix/singleton-client-edits';
import type { SingletonClientPlan } from '../remedies/singleton-client-plan';

/** Replaces a client created per call by one lazily created module-level client: the fix for `leakguard/no-client-per-call`. */
export const singletonClient = defineCodemod({
  name: 'singleton-client',
  description: 'Replaces a client created per call by one lazily created module-level client, injected, with an exported close<Name>().',
  fixes: [noClientPerCall],
  plan: 'singleton-client' satisfies SingletonClientPlan['kind'],
  options: {},
  edits: (plan: SingletonClientPlan, file) => editsForSingletonClient(plan, file.source, file.ast),
});
