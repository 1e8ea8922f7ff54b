#!/usr/bin/env node
import { shippedCatalog } from '../descriptors/catalog';
import { version } from '../version';
import { parseCommandLine } from './arguments';
import { ExitCode } from './exit-codes';
import { GitError } from './git';
import { helpText } from './help-text';
import { UsageError } from './usage-error';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        process.stdout.write(helpText(shippedCatalog));
        return ExitCode.success;
      case 'version':
        process.stdout.write(`${version}\n`);
        return ExitCode.success;
      // Loaded on demand: --help and --version should not wait for the rules, the engine and TypeScript.
      case 'list':
        process.stdout.write((await import('./list-command.js')).listText(shippedCatalog));
        return ExitCode.success;
      case 'report-merge':
        return (await import('./report-merge.js')).runReportMerge(command.reports, command.output, { stdout: process.stdout, stderr: process.stderr });
      case 'fix':
        return await (await import('./fix-command.js')).runFix(command, { stdout: process.stdout, stderr: process.stderr }, shippedCatalog);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`leakguard: ${error.message}\nRun \`leakguard --help\` for usage.\n`);
      return ExitCode.usage;
    }
    // Not 1: a CI gate must not read a crash of the CLI as "findings remain".
    const explained = error instanceof GitError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`leakguard: ${explained}\n`);
    return ExitCode.errors;
  }
}

// `leakguard fix … --diff | head`: the reader is gone. Stop quietly, as a SIGPIPE would (between two
// files: writes are synchronous), rather than die on an unhandled EPIPE with exit code 1, which
// means "findings remain".
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(ExitCode.interrupted);
});

// exitCode, not exit(): stdout (a long diff into a pipe) is flushed before the process ends.
void main(process.argv.slice(2)).then((exitCode) => {
  process.exitCode = exitCode;
});
