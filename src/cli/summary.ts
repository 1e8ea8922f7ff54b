import { describeFailure } from './failure-text';
import { plural } from './plural';
import type { RequiredPackage } from './required-packages';
import type { RunRecord } from './run-record';
import type { RunTally } from './run-tally';
import { shardText } from './shard';
import { shutdownFunctionLines } from './shutdown-functions';
import { describeTypeInformation } from './type-information';

/** The end-of-run text: what was scanned, what each codemod found, fixed and skipped (and why). */
export function formatSummary(run: RunRecord, tally: RunTally): string {
  const { settings } = run;
  if (tally.filesScanned === 0) {
    const since = settings.since === undefined ? '' : ` changed since ${settings.since}`;
    return (
      `No source files to transform under the given paths${since}.\n` +
      'Skipped by design: .d.ts files, symlinks, files ignored by .gitignore (outside git: node_modules and dot-folders).\n'
    );
  }
  const shard = settings.shard === undefined ? '' : ` (shard ${shardText(settings.shard)} of the ${plural(run.discoveredFiles, 'file')} found)`;
  const lines: string[] = [
    `leakguard fix: ${plural(tally.filesScanned, 'file')} scanned${shard}${settings.dryRun ? ' (dry run: counts show what would change)' : ''}`,
    `Type information: ${describeTypeInformation(tally, settings.project)}`,
    '',
    ...table(
      ['codemod', 'files', settings.dryRun ? 'would change' : 'changed', 'findings', settings.dryRun ? 'would fix' : 'fixed', 'skipped'],
      tally.codemods.map((codemod) => [codemod.name, codemod.filesScanned, codemod.filesChanged, codemod.findings, settings.dryRun ? codemod.wouldFix : codemod.fixed, codemod.skipped]),
    ),
    '',
  ];
  if (tally.findings === 0) lines.push('No findings: nothing to fix.');
  for (const codemod of tally.codemods.filter((tally) => tally.skipped > 0)) {
    lines.push(`Skipped by ${codemod.name} (${codemod.skipped}):`);
    for (const { reason, count } of codemod.skipReasons) lines.push(`  ${count}× ${reason}`);
  }
  const failed = run.files.filter((file) => file.failure);
  if (failed.length > 0) {
    lines.push(`Failed, left untouched (${plural(failed.length, 'file')}):`);
    for (const file of failed) lines.push(`  ${describeFailure(file)}`);
  }
  lines.push(
    settings.dryRun
      ? `Dry run: nothing written; ${plural(tally.filesChanged, 'file')} would change.`
      : `${plural(tally.filesWritten, 'file')} written.`,
  );
  lines.push(...shutdownFunctionLines(run));
  lines.push(...requiredPackageLines(run));
  return `${lines.join('\n')}\n`;
}

/**
 * The rewritten code imports packages (bounded-cache → lru-cache) that the user's project may not
 * have: say so, name the package.json that must declare them, and give the command that adds them.
 */
export function requiredPackageLines(run: RunRecord): string[] {
  const { dryRun, installHint } = run.settings;
  const lines: string[] = [];
  const names = [...new Set(run.requiredPackages.map((required) => required.name))];
  for (const name of names) {
    const projects = run.requiredPackages.filter((required) => required.name === name);
    const codemods = [...new Set(projects.flatMap((project) => project.codemods))].join(', ');
    const files = projects.reduce((total, project) => total + project.files.length, 0);
    lines.push(
      '',
      `The rewritten files ${dryRun ? 'would import' : 'import'} ${name} (${codemods}, ${plural(files, 'file')}): your project must depend on it.`,
    );
    for (const project of projects) {
      lines.push(`  ${declarationText(project, dryRun)}`);
      if (installHint && project.declaredIn === undefined) lines.push(`  Install it: ${project.installCommand}`);
    }
  }
  return lines;
}

export function declarationText(project: RequiredPackage, dryRun: boolean): string {
  if (project.declaredIn !== undefined) return `${project.packageJson} declares ${project.name} (${project.declaredIn}: ${project.declaredRange}).`;
  const consequence = `${dryRun ? 'the output' : 'the rewritten files'} will not build without it`;
  return project.packageJson === undefined
    ? `No package.json found above ${project.files[0]}: ${consequence}.`
    : `${project.packageJson} does not declare ${project.name}: ${consequence}.`;
}

/** Left-aligned text, right-aligned numbers. */
function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string[] {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  return cells.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
