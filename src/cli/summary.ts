import { describeFailure } from './failure-text';
import { plural } from './plural';
import type { RunRecord } from './run-record';
import type { RunTally } from './run-tally';
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
  const lines: string[] = [
    `leakguard fix: ${plural(tally.filesScanned, 'file')} scanned${settings.dryRun ? ' (dry run: counts show what would change)' : ''}`,
    `Type information: ${describeTypeInformation(tally, settings.project)}`,
    '',
    ...table(
      ['codemod', 'files', 'changed', 'findings', 'fixed', 'skipped'],
      tally.codemods.map((codemod) => [codemod.name, codemod.filesScanned, codemod.filesChanged, codemod.findings, codemod.fixed, codemod.skipped]),
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
  return `${lines.join('\n')}\n`;
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
