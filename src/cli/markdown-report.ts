import { displayPath } from './display-path';
import { describeFailure } from './failure-text';
import type { FileRecord, RunRecord } from './run-record';
import type { RunTally } from './run-tally';
import { reportedStatus, type ReportedStatus } from './reported-status';
import { shardText } from './shard';
import { shutdownFunctionsOf, type ShutdownFunctions } from './shutdown-functions';
import { declarationText } from './summary';
import { describeTypeInformation } from './type-information';

/** `--report file.md`: for a migration pull request: totals, reasons, then every finding per file. */
export function markdownReport(run: RunRecord, tally: RunTally): string {
  const { settings } = run;
  const lines: string[] = [
    '# leakguard fix report',
    '',
    `- Codemods: ${settings.codemods.map((codemod) => code(codemod.name)).join(', ')}`,
    `- Paths: ${settings.paths.map((given) => code(displayPath(given))).join(', ')}`,
    ...(settings.since === undefined ? [] : [`- Changed since: ${code(settings.since)}`]),
    ...(settings.shard === undefined ? [] : [`- Shard: ${shardText(settings.shard)} (${run.files.length} of ${run.discoveredFiles} files)`]),
    `- Mode: ${settings.dryRun ? 'dry run (nothing written)' : 'files rewritten in place'}`,
    `- Type information: ${describeTypeInformation(tally, settings.project)}`,
    `- Exit code: ${run.exitCode}`,
    '',
    '## Summary',
    '',
    `| codemod | rule | files | ${settings.dryRun ? 'would change' : 'changed'} | findings | ${settings.dryRun ? 'would fix' : 'fixed'} | skipped |`,
    '|---|---|--:|--:|--:|--:|--:|',
    ...tally.codemods.map(
      (codemod) =>
        `| ${code(codemod.name)} | ${(codemod.rules ?? [codemod.rule]).map((rule) => code(`leakguard/${rule}`)).join(', ')} | ${codemod.filesScanned} | ${codemod.filesChanged} | ${codemod.findings} | ${settings.dryRun ? codemod.wouldFix : codemod.fixed} | ${codemod.skipped} |`,
    ),
    '',
  ];
  if (tally.findings === 0) lines.push('No findings: nothing to fix.', '');
  const skipReasons = tally.codemods.flatMap((codemod) => codemod.skipReasons.map((skip) => ({ codemod: codemod.name, ...skip })));
  if (skipReasons.length > 0) {
    lines.push('### Skipped, by reason', '', '| codemod | reason | count |', '|---|---|--:|');
    for (const skip of skipReasons) lines.push(`| ${code(skip.codemod)} | ${cell(skip.reason)} | ${skip.count} |`);
    lines.push('');
  }
  const shutdown = shutdownFunctionsOf(run);
  if (shutdown.length > 0) lines.push(...shutdownSection(shutdown, settings.dryRun), '');
  if (run.requiredPackages.length > 0) lines.push(...requiredPackagesSection(run), '');
  const failed = run.files.filter((file) => file.failure);
  if (failed.length > 0) {
    lines.push('## Failed files (left untouched)', '');
    for (const file of failed) lines.push(`- ${code(describeFailure(file))}`);
    lines.push('');
  }
  const withFindings = run.files.filter((file) => file.steps.some((step) => step.outcomes.length > 0));
  if (withFindings.length > 0) {
    lines.push('## Findings by file', '');
    for (const file of withFindings) lines.push(...fileSection(file, settings.dryRun), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A reviewer's checklist item: the added `close<Name>()` functions are dead code until shutdown calls them. */
function shutdownSection(files: readonly ShutdownFunctions[], dryRun: boolean): string[] {
  return [
    '## Call these from graceful shutdown',
    '',
    `${dryRun ? 'These would be added' : 'Added'}, and nothing calls them yet: call them from your shutdown path (a SIGTERM handler, after \`server.close()\`) so the shared clients close when the process stops.`,
    '',
    ...files.map((file) => `- ${code(file.path)}: ${file.names.map((name) => code(`${name}()`)).join(', ')}`),
  ];
}

function requiredPackagesSection(run: RunRecord): string[] {
  const { dryRun, installHint } = run.settings;
  return [
    '## Required packages',
    '',
    `The rewritten files ${dryRun ? 'would import' : 'import'} these packages: each project must depend on them.`,
    '',
    `| package | codemods | files | package.json | status |${installHint ? ' install |' : ''}`,
    `|---|---|--:|---|---|${installHint ? '---|' : ''}`,
    ...run.requiredPackages.map((required) => {
      const install = required.declaredIn === undefined ? code(required.installCommand) : '';
      return (
        `| ${code(required.name)} | ${required.codemods.map(code).join(', ')} | ${required.files.length} | ` +
        `${required.packageJson === undefined ? 'none found' : code(required.packageJson)} | ${cell(declarationText(required, dryRun))} |` +
        (installHint ? ` ${install} |` : '')
      );
    }),
  ];
}

function fileSection(file: FileRecord, dryRun: boolean): string[] {
  const state = file.written ? 'rewritten' : file.changed ? 'would change' : 'unchanged';
  return [
    `### ${code(file.path)} (${state})`,
    '',
    '| line:column | codemod | rule | status | message | reason |',
    '|---|---|---|---|---|---|',
    ...file.steps.flatMap((step) =>
      step.outcomes.map(
        (outcome) =>
          `| ${outcome.line}:${outcome.column} | ${code(outcome.codemod)} | ${code(outcome.ruleId)} | ${statusWords[reportedStatus(outcome.status, dryRun)]} | ${cell(outcome.message)} | ${cell(outcome.reason ?? '')} |`,
      ),
    ),
  ];
}

const statusWords: Readonly<Record<ReportedStatus, string>> = { fixed: 'fixed', wouldFix: 'would fix', skipped: 'skipped' };

/** Table cells end at `|` and at a line break: escape the one, flatten the other. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks inside (CommonMark: a longer fence); one line. */
function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = longestRun > 0 ? ' ' : '';
  return `${fence}${padding}${text.replace(/\r?\n/g, ' ')}${padding}${fence}`;
}
