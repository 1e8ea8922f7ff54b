import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanModule,
  initRepository,
  leakyConfigReader,
  readFile,
  removeTemporaryDirectories,
  runCli,
  temporaryDirectory,
  unusedHandle,
  writeFiles,
  type CliRun,
} from './cli-harness';
import { validate } from './schema-subset';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/report-schema.json'), 'utf8')) as Record<string, unknown>;

let root: string;
let run: CliRun;

// One run with a fixed finding, a skipped one, a clean file and a file that does not parse; the
// reports go to a folder that does not exist yet.
beforeAll(() => {
  root = temporaryDirectory();
  writeFiles(root, {
    'src/config.ts': leakyConfigReader,
    'src/touch.ts': unusedHandle,
    'src/math.ts': cleanModule,
    'src/broken.ts': 'export const x = (;\n',
  });
  initRepository(root);
  run = runCli(['fix', 'src', '--codemod', 'try-finally-close', '--workers', '1', '--report', 'reports/leaks.json', '--report', 'reports/leaks.md'], root);
});
afterAll(removeTemporaryDirectories);

describe('--report file.json', () => {
  it('validates against docs/report-schema.json', () => {
    expect(run.status).toBe(4);
    const report: unknown = JSON.parse(readFile(root, 'reports/leaks.json'));
    expect(validate(report, schema)).toEqual([]);
  });

  it('counts what the summary counts and lists every scanned file with its findings', () => {
    const report = JSON.parse(readFile(root, 'reports/leaks.json')) as Record<string, unknown>;
    expect(report).toMatchObject({
      schemaVersion: 2,
      exitCode: 4,
      run: { command: 'fix', codemods: ['try-finally-close'], paths: ['src'], dryRun: false, style: 'try-finally', since: null, shard: null, filesDiscovered: 4, project: null, workers: 1, install: false },
      totals: { filesScanned: 4, filesTyped: 0, filesChanged: 2, filesWritten: 2, filesFailed: 1, findings: 2, fixed: 1, wouldFix: 0, skipped: 1 },
      codemods: [{ name: 'try-finally-close', rule: 'require-close', filesScanned: 3, filesChanged: 2, findings: 2, fixed: 1, wouldFix: 0, skipped: 1 }],
    });
    const files = report.files as Array<Record<string, unknown>>;
    expect(files.map((file) => file.path)).toEqual(['src/broken.ts', 'src/config.ts', 'src/math.ts', 'src/touch.ts']);
    expect(files[1]).toMatchObject({ written: true, findings: [{ codemod: 'try-finally-close', ruleId: 'require-close', line: 3, status: 'fixed' }] });
    expect(files[3]).toMatchObject({ written: true, findings: [{ status: 'skipped', reason: expect.any(String) as string }] });
  });

  it('is held to the schema by a validator that notices violations', () => {
    const report = JSON.parse(readFile(root, 'reports/leaks.json')) as { schemaVersion: number; files: Array<Record<string, unknown>> };
    report.schemaVersion = 3;
    delete report.files[0].typed;
    report.files[1].extra = true;
    expect(validate(report, schema)).toEqual(['$.schemaVersion: expected 2', '$.files[0]: missing typed', '$.files[1]: unexpected key extra']);
  });
});

describe('--report file.md', () => {
  it('has the summary table, the skip reasons, the failures, and a table of findings per file', () => {
    const markdown = readFile(root, 'reports/leaks.md');
    expect(markdown).toMatch(/^# leakguard fix report\n/);
    expect(markdown).toContain('| `try-finally-close` | `leakguard/require-close` | 3 | 2 | 2 | 1 | 1 |');
    expect(markdown).toMatch(/### Skipped, by reason\n\n\| codemod \| reason \| count \|\n\|---\|---\|--:\|\n\| `try-finally-close` \| .+ \| 1 \|/);
    expect(markdown).toMatch(/## Failed files \(left untouched\)\n\n- `src\/broken\.ts:1:\d+: .+`/);
    expect(markdown).toMatch(/### `src\/config\.ts` \(rewritten\)\n\n\| line:column \|.*\n\|---.*\n\| 3:\d+ \| `try-finally-close` \| `require-close` \| fixed \|/);
    expect(markdown).toMatch(/### `src\/touch\.ts` \(rewritten\)\n[\s\S]*\| skipped \| .+ \| .+ \|/);
    expect(markdown).not.toContain('src/math.ts');
  });

  it('is announced after the summary', () => {
    expect(run.stdout).toMatch(/Report: reports\/leaks\.json\nReport: reports\/leaks\.md\n$/);
  });
});
