import type { FindingOutcome } from '../codemod/outcome';

/** How reports name an outcome: a dry run fixed nothing, it would fix (report schemaVersion 2). */
export type ReportedStatus = 'fixed' | 'wouldFix' | 'skipped';

export function reportedStatus(status: FindingOutcome['status'], dryRun: boolean): ReportedStatus {
  return status === 'fixed' && dryRun ? 'wouldFix' : status;
}
