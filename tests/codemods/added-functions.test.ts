import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { singletonClient } from '../../src/codemods/singleton-client';
import { runCodemod } from '../../src/codemod/run-codemod';

/** What `leakguard fix` lists for graceful shutdown comes from each fixed outcome's `added`. */
function addedBy(fixture: string) {
  const filePath = path.join(__dirname, 'singleton-client', fixture);
  const result = runCodemod(singletonClient, { source: readFileSync(filePath, 'utf8'), filePath });
  return result.outcomes.filter((outcome) => outcome.status === 'fixed').map((outcome) => outcome.added);
}

describe('singleton-client names the functions it adds', () => {
  it('a module-level client: its getter and its close function for graceful shutdown', () => {
    expect(addedBy('keeps-the-variable-name.input.ts')).toEqual([
      [
        { name: 'getReportPool', purpose: 'shared-getter' },
        { name: 'closeReportPool', purpose: 'graceful-shutdown' },
      ],
      [
        { name: 'getAuditPool', purpose: 'shared-getter' },
        { name: 'closeAuditPool', purpose: 'graceful-shutdown' },
      ],
    ]);
  });

  it('a client kept per instance: the close method of its class', () => {
    const added = addedBy('per-instance-config.input.cjs');
    expect(added).toHaveLength(1);
    expect(added[0]).toEqual([{ name: expect.stringMatching(/^ReportStore#close\w+$/) as string, purpose: 'graceful-shutdown' }]);
  });
});
