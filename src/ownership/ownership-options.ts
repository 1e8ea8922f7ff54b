import type { OptionValues } from '../descriptors/option-spec';

/**
 * The ownership option every rule that tracks an owned resource takes: what passing the resource to
 * a function leakguard knows nothing about means. Handing over is the default (precision first: a
 * report on a resource the callee closes is a false positive users switch the rule off for).
 */
export function ownershipOptions(resource: 'handle' | 'client') {
  return {
    unknownCallsTakeOwnership: {
      type: 'boolean',
      default: true,
      description: `Whether passing a ${resource} to a function leakguard knows nothing about hands it over (no report).`,
    },
  } as const;
}

export type OwnershipOptions = OptionValues<ReturnType<typeof ownershipOptions>>;
