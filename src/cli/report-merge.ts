import fs from 'node:fs';
import { writeFileAtomic } from './atomic-write';
import { displayPath } from './display-path';
import { ExitCode } from './exit-codes';
import { reportSchemaVersion } from './json-report';
import { UsageError } from './usage-error';

/** The parts of a JSON report (docs/report-schema.json) that merging reads; the rest is carried over. */
interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  run: Record<string, unknown> & { codemods: string[]; paths: string[]; dryRun: boolean; shard: string | null; startedAt: string; durationMs: number; workers: number };
  exitCode: number;
  totals: Record<string, number>;
  codemods: Array<Record<string, unknown> & { name: string; skipReasons: Array<{ reason: string; count: number }> }>;
  requiredPackages: Array<Record<string, unknown> & { name: string; packageJson: string | null; codemods: string[]; files: string[]; declaredIn: string | null }>;
  files: Array<{ path: string }>;
}

// What every shard of one migration must have been asked the same way: merging two different
// migrations would add up counts that mean different things.
const sameRunKeys = ['codemods', 'dryRun', 'style', 'max', 'ttl', 'since', 'project'] as const;

/** Most severe first: a merged run is as bad as its worst shard. */
const severity: readonly number[] = [ExitCode.errors, ExitCode.missingDependency, ExitCode.findingsRemain, ExitCode.success];

/**
 * `leakguard report merge a.json b.json … [--output merged.json]`: the JSON reports of `fix --shard k/n`
 * jobs as one report of the whole run. Returns the merged run's exit code, so a CI step after the
 * matrix can gate on it.
 */
export function runReportMerge(reportPaths: readonly string[], output: string | undefined, streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): number {
  if (reportPaths.length === 0) throw new UsageError('`report merge` needs the JSON reports to merge, e.g. `leakguard report merge shard-*.json --output report.json`');
  const reports = reportPaths.map((reportPath) => ({ reportPath, report: readReport(reportPath) }));
  const merged = mergeReports(reports);
  const missing = missingShards(reports.map(({ report }) => report.run.shard));
  if (missing.length > 0) streams.stderr.write(`leakguard: the merged report is partial: no report for shard ${missing.join(', ')}\n`);
  const text = `${JSON.stringify(merged, undefined, 2)}\n`;
  if (output === undefined) streams.stdout.write(text);
  else {
    writeFileAtomic(output, text);
    streams.stdout.write(`Report: ${displayPath(output)} (${reports.length} reports merged, ${merged.files.length} files)\n`);
  }
  return merged.exitCode;
}

function readReport(reportPath: string): Report {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
  } catch (error) {
    throw new UsageError(`${displayPath(reportPath)}: cannot read it as JSON (${(error as Error).message})`);
  }
  const report = parsed as Partial<Report> | null;
  if (report?.tool?.name !== 'leakguard' || !report.run || !Array.isArray(report.files)) throw new UsageError(`${displayPath(reportPath)}: not a leakguard fix report`);
  if (report.schemaVersion !== reportSchemaVersion) {
    throw new UsageError(`${displayPath(reportPath)}: schemaVersion ${String(report.schemaVersion)}; this leakguard merges version ${reportSchemaVersion} (write every shard with the same leakguard)`);
  }
  return report as Report;
}

export function mergeReports(reports: ReadonlyArray<{ reportPath: string; report: Report }>): Report & { run: Record<string, unknown> } {
  const [first] = reports;
  for (const { reportPath, report } of reports.slice(1)) {
    if (report.tool.version !== first.report.tool.version) {
      throw new UsageError(`${displayPath(reportPath)} was written by leakguard ${report.tool.version}, ${displayPath(first.reportPath)} by ${first.report.tool.version}: run every shard with the same version`);
    }
    for (const key of sameRunKeys) {
      if (JSON.stringify(report.run[key]) !== JSON.stringify(first.report.run[key])) {
        throw new UsageError(`${displayPath(reportPath)} and ${displayPath(first.reportPath)} differ in run.${key}: they are not shards of one migration`);
      }
    }
  }
  const files = reports.flatMap(({ reportPath, report }) => report.files.map((file) => ({ reportPath, file })));
  files.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  for (let index = 1; index < files.length; index++) {
    if (files[index].file.path === files[index - 1].file.path) {
      throw new UsageError(`${files[index].file.path} is in both ${displayPath(files[index - 1].reportPath)} and ${displayPath(files[index].reportPath)}: the shards overlap`);
    }
  }
  const starts = reports.map(({ report }) => Date.parse(report.run.startedAt));
  const ends = reports.map(({ report }, index) => starts[index] + report.run.durationMs);
  return {
    schemaVersion: reportSchemaVersion,
    tool: first.report.tool,
    run: {
      ...first.report.run,
      command: 'report merge',
      paths: [...new Set(reports.flatMap(({ report }) => report.run.paths))],
      shard: null,
      workers: Math.max(...reports.map(({ report }) => report.run.workers)),
      install: reports.some(({ report }) => report.run.install === true),
      startedAt: new Date(Math.min(...starts)).toISOString(),
      durationMs: Math.max(...ends) - Math.min(...starts),
      mergedFrom: reports.map(({ reportPath, report }) => ({
        report: displayPath(reportPath),
        shard: report.run.shard,
        exitCode: report.exitCode,
        startedAt: report.run.startedAt,
        durationMs: report.run.durationMs,
      })),
    },
    exitCode: severity.find((code) => reports.some(({ report }) => report.exitCode === code)) ?? ExitCode.success,
    totals: sumCounts(reports.map(({ report }) => report.totals)),
    codemods: first.report.codemods.map((codemod) => mergeCodemodTally(codemod.name, reports.map(({ report }) => report))),
    requiredPackages: mergeRequiredPackages(reports.flatMap(({ report }) => report.requiredPackages)),
    files: files.map(({ file }) => file),
  };
}

function sumCounts<T extends Record<string, unknown>>(entries: readonly T[]): T {
  const sum: Record<string, unknown> = { ...entries[0] };
  for (const [key, value] of Object.entries(sum)) {
    if (typeof value === 'number') sum[key] = entries.reduce((total, entry) => total + (entry[key] as number), 0);
  }
  return sum as T;
}

function mergeCodemodTally(name: string, reports: readonly Report[]): Report['codemods'][number] {
  const tallies = reports.flatMap((report) => report.codemods.filter((codemod) => codemod.name === name));
  const reasons = new Map<string, number>();
  for (const { reason, count } of tallies.flatMap((tally) => tally.skipReasons)) reasons.set(reason, (reasons.get(reason) ?? 0) + count);
  return {
    ...sumCounts(tallies),
    skipReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/** One entry per package and package.json; declared if any shard found it declared (or installed it). */
function mergeRequiredPackages(entries: Report['requiredPackages']): Report['requiredPackages'] {
  const merged = new Map<string, Report['requiredPackages'][number]>();
  for (const entry of entries) {
    const key = `${entry.name}\0${entry.packageJson ?? ''}`;
    const known = merged.get(key);
    if (!known) {
      merged.set(key, { ...entry });
      continue;
    }
    const declared = known.declaredIn === null ? entry : known;
    merged.set(key, {
      ...declared,
      codemods: [...new Set([...known.codemods, ...entry.codemods])],
      files: [...new Set([...known.files, ...entry.files])].sort(),
    });
  }
  return [...merged.values()];
}

/** With shards k/n of one n, the k that no report covers; nothing when the reports are not shards. */
function missingShards(shards: ReadonlyArray<string | null>): string[] {
  const parsed = shards.map((shard) => /^(\d+)\/(\d+)$/.exec(shard ?? ''));
  if (parsed.some((match) => !match)) return [];
  const counts = new Set(parsed.map((match) => match?.[2]));
  if (counts.size !== 1) return [];
  const count = Number([...counts][0]);
  const present = new Set(parsed.map((match) => Number(match?.[1])));
  return Array.from({ length: count }, (_, index) => index + 1)
    .filter((index) => !present.has(index))
    .map((index) => `${index}/${count}`);
}
