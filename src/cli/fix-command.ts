import fs from 'node:fs';
import type { Catalog } from '../descriptors/catalog';
import os from 'node:os';
import path from 'node:path';
import { applyTransform } from './apply-transform';
import type { FixSettings } from './arguments';
import { writeFileAtomic } from './atomic-write';
import { displayPath } from './display-path';
import { ExitCode } from './exit-codes';
import { discoverSourceFiles } from './file-discovery';
import type { FileTransform } from './file-transform';
import { InOrder } from './in-order';
import { jsonReport } from './json-report';
import { markdownReport } from './markdown-report';
import { createProgress, silentProgress } from './progress';
import { installUndeclaredPackages } from './install-packages';
import { filesOfShard } from './shard';
import type { FileRecord, RunRecord } from './run-record';
import { exitCodeOf, tallyRun, type RunTally } from './run-tally';
import { requiredPackagesOf } from './required-packages';
import { formatSummary } from './summary';
import { createTransformRunner } from './transform-runner';
import { unifiedDiff } from './unified-diff';
import { UsageError } from './usage-error';
import { dirtyTreeRefusal, outsideGitWarning } from './write-safety';
import { createLintSettingsSource } from './eslint-settings';

export interface CliStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
}

/** `leakguard fix`: discover, check the tree, transform in the pool, write, summarise, report. */
export async function runFix(settings: FixSettings, streams: CliStreams, catalog: Catalog): Promise<ExitCode> {
  const startedAt = new Date();
  if (settings.project !== undefined && !fs.statSync(settings.project, { throwIfNoEntry: false })?.isFile()) {
    throw new UsageError(`--project ${displayPath(settings.project)}: no such file`);
  }
  const discovered = discoverSourceFiles(settings.paths, settings.since);
  const discovery = settings.shard === undefined ? discovered : filesOfShard(discovered, settings.shard);
  const { files } = discovery;
  if (!mayWrite(settings, discovery, streams.stderr)) return ExitCode.refusedDirtyTree;

  const workers = Math.max(1, Math.min(settings.workers ?? defaultWorkers(files.length), files.length));
  const progress = settings.quiet ? silentProgress : createProgress(files.length, streams.stderr);
  const inOrder = new InOrder((text) => progress.around(() => streams.stdout.write(text)));
  // Writes are synchronous, so this runs between two files: none is ever half-written.
  const onInterrupt = (): void => {
    progress.finish();
    streams.stderr.write('leakguard: interrupted; files already written are complete, the others untouched\n');
    process.exit(ExitCode.interrupted);
  };
  process.once('SIGINT', onInterrupt);

  // The worker threads load the engine while this thread loads ESLint for the config.
  const runner = createTransformRunner(workers, catalog);
  // Loaded inside the `try` below: a config that fails to load must still close the worker threads.
  let lintSettings: Awaited<ReturnType<typeof createLintSettingsSource>>;
  const records: FileRecord[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let index = next++; index < files.length; index = next++) {
      const fromConfig = await lintSettings.forFile(files[index]);
      const transform = await runner.transform({
        filePath: files[index],
        codemods: settings.codemods.map((codemod) => codemod.name),
        codemodOptions: settings.codemodOptions,
        ...(fromConfig.settings === undefined ? {} : { settings: fromConfig.settings }),
        ruleOptions: fromConfig.ruleOptions,
        project: settings.project,
      });
      const record = applyTransform(transform, settings.dryRun, catalog.codemods);
      records[index] = record;
      inOrder.deliver(index, requestedOutput(transform, record, settings, files.length > 1));
      progress.advance(record.path);
    }
  };
  try {
    lintSettings = await createLintSettingsSource(process.cwd(), settings.codemods);
    // Two requests per worker thread: the next file is already queued when one finishes, so a
    // thread never waits for this one to read the next file's config and post it.
    await Promise.all(Array.from({ length: workers > 1 ? workers * 2 : 1 }, lane));
  } finally {
    await runner.close();
    progress.finish();
    process.off('SIGINT', onInterrupt);
  }

  if (lintSettings.problem) streams.stderr.write(`leakguard: ${lintSettings.problem}\n`);
  const tally = tallyRun(settings.codemods, records, settings.dryRun);
  let requiredPackages = requiredPackagesOf(records);
  if (settings.install && requiredPackages.some((required) => required.declaredIn === undefined)) {
    for (const failure of installUndeclaredPackages(requiredPackages, streams.stderr)) streams.stderr.write(`leakguard: ${failure}\n`);
    requiredPackages = requiredPackagesOf(records);
  }
  const undeclaredImportsWritten = records.some((record) => record.written) && requiredPackages.some((required) => required.declaredIn === undefined);
  let exitCode = exitCodeOf(tally, undeclaredImportsWritten);
  const run: RunRecord = {
    settings,
    files: records,
    discoveredFiles: discovered.files.length,
    workers,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    exitCode,
    requiredPackages,
  };
  // stdout carries what was asked for: with --diff or --print it must stay a clean patch or source.
  const summaryStream = settings.diff || settings.print ? streams.stderr : streams.stdout;
  summaryStream.write(formatSummary(run, tally));
  const reportsWritten = writeReports(settings.reports, run, tally, catalog, summaryStream, streams.stderr);
  if (!reportsWritten) exitCode = ExitCode.errors;
  return exitCode;
}

/** Writing over uncommitted changes needs --force (a dry run writes nothing); outside git, a warning. */
function mayWrite(settings: FixSettings, discovery: ReturnType<typeof discoverSourceFiles>, err: NodeJS.WritableStream): boolean {
  if (settings.dryRun || settings.force || discovery.files.length === 0) return true;
  const refusal = dirtyTreeRefusal(discovery, settings.reports);
  if (refusal) {
    err.write(`leakguard: ${refusal}\n`);
    return false;
  }
  const warning = outsideGitWarning(discovery);
  if (warning) err.write(`leakguard: ${warning}\n`);
  return true;
}

/** `--report` files, each atomically; false when one could not be written (the run then exits with errors). */
function writeReports(reports: readonly string[], run: RunRecord, tally: RunTally, catalog: Catalog, out: NodeJS.WritableStream, err: NodeJS.WritableStream): boolean {
  let written = true;
  for (const report of reports) {
    try {
      fs.mkdirSync(path.dirname(report), { recursive: true });
      writeFileAtomic(report, path.extname(report).toLowerCase() === '.json' ? jsonReport(run, tally, catalog) : markdownReport(run, tally));
      out.write(`Report: ${displayPath(report)}\n`);
    } catch (error) {
      err.write(`leakguard: cannot write the report ${displayPath(report)}: ${(error as Error).message}\n`);
      written = false;
    }
  }
  return written;
}

// A worker thread pays about a second of CPU to load TypeScript and the engine, and builds its own
// TypeScript program: below this many files per thread, the main thread alone finishes first.
const filesPerWorker = 16;

function defaultWorkers(fileCount: number): number {
  return Math.min(os.availableParallelism(), Math.ceil(fileCount / filesPerWorker));
}

/** `--diff` and `--print` output of one file; `==> path <==` headers as `head` prints them for several files. */
function requestedOutput(transform: FileTransform, record: FileRecord, settings: FixSettings, severalFiles: boolean): string {
  if (transform.output === undefined || record.failure) return '';
  let text = '';
  if (settings.diff) text += unifiedDiff(transform.source, transform.output, { before: `a/${record.path}`, after: `b/${record.path}` });
  if (settings.print) {
    const printed = severalFiles && !transform.output.endsWith('\n') ? `${transform.output}\n` : transform.output;
    text += severalFiles ? `==> ${record.path} <==\n${printed}` : printed;
  }
  return text;
}
