import type { AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';
import { ExitCode } from './exit-codes';
import type { FileRecord } from './run-record';

export interface SkipReasonCount {
  readonly reason: string;
  readonly count: number;
}

export interface CodemodTally {
  readonly name: string;
  /** The first rule it fixes, without the `leakguard/` prefix (schemaVersion 1 has one rule per codemod). */
  readonly rule: string;
  /** Every rule it fixes, when there are several. */
  readonly rules?: readonly string[];
  readonly filesScanned: number;
  readonly filesChanged: number;
  readonly findings: number;
  /** Fixes written; 0 in a dry run, whose fixes count in `wouldFix`. */
  readonly fixed: number;
  /** Fixes a dry run would have made; 0 when the run wrote. */
  readonly wouldFix: number;
  readonly skipped: number;
  /** Most frequent first: the reasons a migration still has to address. */
  readonly skipReasons: readonly SkipReasonCount[];
}

export interface RunTally {
  readonly filesScanned: number;
  readonly filesTyped: number;
  readonly filesChanged: number;
  readonly filesWritten: number;
  readonly filesFailed: number;
  readonly findings: number;
  readonly fixed: number;
  readonly wouldFix: number;
  readonly skipped: number;
  readonly codemods: readonly CodemodTally[];
}

export const unexplainedSkip = '(no reason given)';

export function tallyRun(codemods: readonly AnyCodemodDescriptor[], files: readonly FileRecord[], dryRun: boolean): RunTally {
  const perCodemod = codemods.map((codemod) => tallyCodemod(codemod, files, dryRun));
  const sum = (count: (tally: CodemodTally) => number): number => perCodemod.reduce((total, tally) => total + count(tally), 0);
  return {
    filesScanned: files.length,
    filesTyped: files.filter((file) => file.typed).length,
    filesChanged: files.filter((file) => file.changed).length,
    filesWritten: files.filter((file) => file.written).length,
    filesFailed: files.filter((file) => file.failure).length,
    findings: sum((tally) => tally.findings),
    fixed: sum((tally) => tally.fixed),
    wouldFix: sum((tally) => tally.wouldFix),
    skipped: sum((tally) => tally.skipped),
    codemods: perCodemod,
  };
}

function tallyCodemod(codemod: AnyCodemodDescriptor, files: readonly FileRecord[], dryRun: boolean): CodemodTally {
  const steps = files.flatMap((file) => file.steps.filter((step) => step.codemod === codemod.name));
  const outcomes = steps.flatMap((step) => step.outcomes);
  const skipped = outcomes.filter((outcome) => outcome.status === 'skipped');
  const reasons = new Map<string, number>();
  for (const outcome of skipped) {
    const reason = outcome.reason ?? unexplainedSkip;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    name: codemod.name,
    rule: codemod.fixes[0]?.name ?? '',
    ...(codemod.fixes.length > 1 ? { rules: codemod.fixes.map((rule) => rule.name) } : {}),
    filesScanned: steps.length,
    filesChanged: steps.filter((step) => step.changed).length,
    findings: outcomes.length,
    fixed: dryRun ? 0 : outcomes.length - skipped.length,
    wouldFix: dryRun ? outcomes.length - skipped.length : 0,
    skipped: skipped.length,
    skipReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/**
 * Failures outrank everything: a file that was not processed may hide any number of findings. Then
 * written files that import a package their project does not declare: the build is broken now, which
 * is worse than findings left for later. A dry run leaves its fixable findings in the code, so `--dry`
 * doubles as a CI gate ("nothing left to migrate").
 */
export function exitCodeOf(tally: RunTally, undeclaredImportsWritten: boolean): ExitCode {
  if (tally.filesFailed > 0) return ExitCode.errors;
  if (undeclaredImportsWritten) return ExitCode.missingDependency;
  if (tally.skipped > 0 || tally.wouldFix > 0) return ExitCode.findingsRemain;
  return ExitCode.success;
}
