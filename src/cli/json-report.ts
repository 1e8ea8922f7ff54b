import type { Catalog } from '../descriptors/catalog';
import { version } from '../version';
import { codemodOptionOwners } from './arguments';
import { displayPath } from './display-path';
import type { FileFailure } from './file-transform';
import type { RunRecord } from './run-record';
import { reportedStatus } from './reported-status';
import type { RunTally } from './run-tally';
import { shardText } from './shard';

/** 2: dry runs say `wouldFix` (status, totals, per codemod) where version 1 said `fixed`. */
export const reportSchemaVersion = 2;

/**
 * `--report file.json`. The shape is docs/report-schema.json: bump `schemaVersion` on any change a
 * consumer could notice (a removed or renamed key, a new required key, a changed meaning).
 */
export function jsonReport(run: RunRecord, tally: RunTally, catalog: Catalog): string {
  const { settings } = run;
  const { codemods, ...totals } = tally;
  const report = {
    schemaVersion: reportSchemaVersion,
    tool: { name: 'leakguard', version },
    run: {
      command: 'fix',
      codemods: settings.codemods.map((codemod) => codemod.name),
      paths: settings.paths.map((given) => displayPath(given)),
      dryRun: settings.dryRun,
      // Each codemod option: as given, else its default, else null (the codemod's own default applies).
      ...Object.fromEntries(
        [...codemodOptionOwners(catalog)].map(([name, takers]) => [name, settings.codemodOptions[name] ?? takers[0].options[name].default ?? null]),
      ),
      since: settings.since ?? null,
      shard: settings.shard === undefined ? null : shardText(settings.shard),
      filesDiscovered: run.discoveredFiles,
      install: settings.install,
      project: settings.project === undefined ? null : displayPath(settings.project),
      workers: run.workers,
      installHint: settings.installHint,
      startedAt: run.startedAt.toISOString(),
      durationMs: run.durationMs,
    },
    exitCode: run.exitCode,
    totals,
    codemods,
    requiredPackages: run.requiredPackages.map((required) => ({
      name: required.name,
      codemods: required.codemods,
      files: required.files,
      packageJson: required.packageJson ?? null,
      declaredIn: required.declaredIn ?? null,
      declaredRange: required.declaredRange ?? null,
      packageManager: required.packageManager,
      lockfile: required.lockfile ?? null,
      installCommand: required.installCommand,
    })),
    files: run.files.map((file) => ({
      path: file.path,
      typed: file.typed,
      changed: file.changed,
      written: file.written,
      findings: file.steps.flatMap((step) =>
        step.outcomes.map((outcome) => ({
          codemod: outcome.codemod,
          ruleId: outcome.ruleId,
          line: outcome.line,
          column: outcome.column,
          message: outcome.message,
          status: reportedStatus(outcome.status, settings.dryRun),
          ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
          ...(outcome.added === undefined ? {} : { added: outcome.added }),
        })),
      ),
      ...(file.failure ? { failure: reportedFailure(file.failure) } : {}),
    })),
  };
  return `${JSON.stringify(report, undefined, 2)}\n`;
}

function reportedFailure(failure: FileFailure): FileFailure {
  const { kind, message, codemod, line, column, stack } = failure;
  return {
    kind,
    message,
    ...(codemod === undefined ? {} : { codemod }),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    ...(stack === undefined ? {} : { stack }),
  };
}
