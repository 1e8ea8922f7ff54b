import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceOf } from '../../src/cli/shard';
import { committedRepository, leakyConfigReader, readFile, removeTemporaryDirectories, runCli, unusedHandle, type CliRun } from './cli-harness';
import { validate } from './schema-subset';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/report-schema.json'), 'utf8')) as Record<string, unknown>;

afterAll(removeTemporaryDirectories);

// Eight files, each with one finding: one fixable, one skipped (never used), alternately.
const files = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`src/file-${index}.ts`, index % 2 === 0 ? leakyConfigReader : unusedHandle]));

describe('sliceOf', () => {
  it('is a pure function of the name: adding names moves no other name between slices', () => {
    const names = Array.from({ length: 200 }, (_, index) => `src/module-${index}.ts`);
    const before = names.map((name) => sliceOf(name, 4));
    const after = [...names, ...Array.from({ length: 50 }, (_, index) => `src/added-${index}.ts`)].map((name) => sliceOf(name, 4));
    expect(after.slice(0, names.length)).toEqual(before);
  });

  it('spreads names over every slice, roughly evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let index = 0; index < 400; index++) counts[sliceOf(`src/module-${index}.ts`, 4) - 1]++;
    for (const count of counts) expect(count).toBeGreaterThan(60);
  });
});

describe('leakguard fix --shard k/n, then leakguard report merge', () => {
  let root: string;
  let shards: CliRun[];
  let whole: Record<string, unknown>;

  beforeAll(() => {
    root = committedRepository(files);
    shards = [1, 2, 3].map((index) => runCli(['fix', 'src', '--codemod', 'try-finally-close', '--dry', '--workers', '1', '--shard', `${index}/3`, '--report', `shard-${index}.json`], root));
    runCli(['fix', 'src', '--codemod', 'try-finally-close', '--dry', '--workers', '1', '--report', 'whole.json'], root);
    whole = JSON.parse(readFile(root, 'whole.json')) as Record<string, unknown>;
  });

  it('gives every file to exactly one shard, and says which shard it ran', () => {
    const scanned = [1, 2, 3].flatMap((index) => (JSON.parse(readFile(root, `shard-${index}.json`)) as { files: Array<{ path: string }> }).files.map((file) => file.path));
    expect(scanned.sort()).toEqual(Object.keys(files).sort());
    expect(shards[0].stdout).toMatch(/^leakguard fix: \d+ files? scanned \(shard 1\/3 of the 8 files found\) \(dry run/);
  });

  it('merges the shard reports into the report of the whole run', () => {
    const merge = runCli(['report', 'merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', '--output', 'merged.json'], root);
    expect(merge.stderr).toBe('');
    expect(merge.stdout).toBe('Report: merged.json (3 reports merged, 8 files)\n');
    // Exit code of the merged run: findings remain (a dry run, and skipped findings).
    expect(merge.status).toBe(1);
    const merged = JSON.parse(readFile(root, 'merged.json')) as Record<string, unknown>;
    expect(validate(merged, schema)).toEqual([]);
    expect(merged.totals).toEqual(whole.totals);
    expect(merged.codemods).toEqual(whole.codemods);
    expect(merged.files).toEqual(whole.files);
    expect(merged.exitCode).toBe(whole.exitCode);
    expect(merged.run).toMatchObject({ command: 'report merge', shard: null, mergedFrom: [{ report: 'shard-1.json', shard: '1/3' }, { shard: '2/3' }, { shard: '3/3' }] });
  });

  it('warns when a shard is missing, and refuses overlapping or unrelated reports', () => {
    const partial = runCli(['report', 'merge', 'shard-1.json', 'shard-3.json'], root);
    expect(partial.stderr).toBe('leakguard: the merged report is partial: no report for shard 2/3\n');
    expect(JSON.parse(partial.stdout)).toMatchObject({ schemaVersion: 2 });

    const overlapping = runCli(['report', 'merge', 'shard-1.json', 'whole.json'], root);
    expect(overlapping.status).toBe(2);
    expect(overlapping.stderr).toMatch(/^leakguard: src\/file-\d\.ts is in both shard-1\.json and whole\.json: the shards overlap\n/);

    fs.writeFileSync(path.join(root, 'old.json'), JSON.stringify({ ...whole, schemaVersion: 1 }));
    const old = runCli(['report', 'merge', 'shard-1.json', 'old.json'], root);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain('old.json: schemaVersion 1; this leakguard merges version 2');
  });

  it('rejects a shard outside 1..n', () => {
    const run = runCli(['fix', 'src', '--codemod', 'all', '--dry', '--shard', '4/3'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--shard 4/3: expected k/n with 1 ≤ k ≤ n');
  });
});
