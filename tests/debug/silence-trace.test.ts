import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { setSilenceTracer } from '../../src/debug/silence-trace';

const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];

/** The gates the three rules name for `code` (untyped), with the findings. */
function gatesOf(code: string): { gates: string[]; findings: string[] } {
  const gates: string[] = [];
  setSilenceTracer((ruleId, node, gate) => gates.push(`${ruleId}@${node.loc.start.line}:${gate}`));
  const messages = new Linter().verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { leakguard: plugin },
        rules: { 'leakguard/require-close': 'error', 'leakguard/no-client-per-call': 'error', 'leakguard/no-unbounded-cache': 'error' },
      },
    ],
    'trace.js',
  );
  return { gates, findings: messages.map((message) => `${message.ruleId}@${message.line}`) };
}

afterEach(() => setSilenceTracer(undefined));

describe('silence trace', () => {
  it('names the gate that let a quiet candidate go, and none for a finding', () => {
    const { gates, findings } = gatesOf(`import Redis from 'ioredis';
import fs from 'node:fs';
const seen = new Map();
export function remember(id) {
  if (seen.size > 100) seen.clear();
  seen.set(id, Date.now());
}
export function makeClient(url) {
  return new Redis(url);
}
export function handler(id) {
  const redis = new Redis();
  return redis.get(id).then(() => fs.openSync(id, 'r'));
}
export function size(path) {
  const fd = fs.openSync(path, 'r');
  try {
    return fs.fstatSync(fd).size;
  } finally {
    fs.closeSync(fd);
  }
}`);
    expect(gates).toContain('no-unbounded-cache@3:bounded-by-shrink');
    expect(gates).toContain('no-client-per-call@9:not-owned-here');
    expect(gates).toContain('require-close@16:released-on-every-path');
    expect(findings).toContain('leakguard/no-client-per-call@12');
    expect(gates.some((gate) => gate.startsWith('no-client-per-call@12'))).toBe(false);
  });

  it('records nothing once the tracer is removed', () => {
    const gates: string[] = [];
    setSilenceTracer((ruleId, _node, gate) => gates.push(`${ruleId}:${gate}`));
    setSilenceTracer(undefined);
    new Linter().verify('const m = new Map(); export function f(k) { if (m.size > 9) m.clear(); m.set(k, 1); }', [{ files: ['**/*.js'], plugins: { leakguard: plugin }, rules: { 'leakguard/no-unbounded-cache': 'error' } }], 'quiet.js');
    expect(gates).toEqual([]);
  });
});
