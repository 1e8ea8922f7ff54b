import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initRepository, readFile, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles, type CliRun } from './cli-harness';
import { validate } from './schema-subset';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/report-schema.json'), 'utf8')) as Record<string, unknown>;

// Two clients of one class for two purposes, and a module that already has its client at module level.
const reports = `import { Pool } from 'pg';

export async function monthlyReport(month: string): Promise<unknown[]> {
  const reportPool = new Pool({ connectionString: process.env.REPORTS_URL });
  const result = await reportPool.query('select * from report where month = $1', [month]);
  return result.rows;
}

export async function recordVisit(path: string): Promise<void> {
  const auditPool = new Pool({ connectionString: process.env.AUDIT_URL });
  await auditPool.query('insert into visit(path) values ($1)', [path]);
}
`;
const alreadyShared = `import { Pool } from 'pg';

const pool = new Pool();

export async function ping(): Promise<void> {
  await pool.query('select 1');
}
`;

let root: string;
let dry: CliRun;
let written: CliRun;

beforeAll(() => {
  root = temporaryDirectory();
  writeFiles(root, { 'src/reports.ts': reports, 'src/ping.ts': alreadyShared });
  initRepository(root);
  dry = runCli(['fix', 'src', '--codemod', 'singleton-client', '--dry', '--workers', '1', '--report', 'dry.json', '--report', 'dry.md'], root);
  written = runCli(['fix', 'src', '--codemod', 'singleton-client', '--workers', '1'], root);
});
afterAll(removeTemporaryDirectories);

describe('leakguard fix says which close functions singleton-client added, and where they belong', () => {
  it('names each shared client after the variable its author chose, with a typed getter', () => {
    const output = readFile(root, 'src/reports.ts');
    expect(output).toContain('function getReportPool(): Pool {');
    expect(output).toContain('export async function closeReportPool(): Promise<void> {');
    expect(output).toContain('function getAuditPool(): Pool {');
    expect(readFile(root, 'src/ping.ts')).toBe(alreadyShared);
  });

  it('lists them in the summary as graceful-shutdown work, in dry runs and real runs', () => {
    const paragraph = ['(a SIGTERM handler, after server.close()) so the shared clients close when the process stops:', '  src/reports.ts: closeReportPool(), closeAuditPool()'].join('\n');
    expect(dry.stdout).toContain('singleton-client would add functions that nothing calls yet: call them from your graceful shutdown');
    expect(dry.stdout).toContain(paragraph);
    expect(written.stdout).toContain('singleton-client added functions that nothing calls yet');
    expect(written.stdout).toContain(paragraph);
    expect(written.stdout).not.toContain('src/ping.ts:');
  });

  it('records them in the JSON report (schema-valid) and the markdown report', () => {
    const report = JSON.parse(readFile(root, 'dry.json')) as { files: Array<{ path: string; findings: Array<{ status: string; added?: unknown }> }> };
    expect(validate(report, schema)).toEqual([]);
    const findings = report.files.find((file) => file.path === 'src/reports.ts')!.findings;
    expect(findings.map((finding) => finding.added)).toEqual([
      [
        { name: 'getReportPool', purpose: 'shared-getter' },
        { name: 'closeReportPool', purpose: 'graceful-shutdown' },
      ],
      [
        { name: 'getAuditPool', purpose: 'shared-getter' },
        { name: 'closeAuditPool', purpose: 'graceful-shutdown' },
      ],
    ]);
    const markdown = readFile(root, 'dry.md');
    expect(markdown).toContain('## Call these from graceful shutdown');
    expect(markdown).toContain('- `src/reports.ts`: `closeReportPool()`, `closeAuditPool()`');
  });
});
