import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFile, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './cli-harness';

afterAll(removeTemporaryDirectories);

const pluginPath = path.resolve(__dirname, '../../dist/src/plugin.js');

/** The codemod must fix what the rule reports, so it reads the same ESLint config as the rule. */
describe('leakguard fix reads the ESLint config', () => {
  // `reservationFor`, not `acquireLease` (nor `leaseFor`): untyped mode judges a call named like an
  // acquisition whose value the function releases itself, settings or not; this one only settings make
  // a resource.
  const leaseUser = `import { reservationFor } from './lease.js';
export async function renew(id: string) {
  const lease = await reservationFor(id);
  await lease.extend(60);
  await lease.release();
}
`;
  const leaseModule = `export async function reservationFor(id) { return { id, extend: async () => {}, release: async () => {} }; }\n`;

  it('fixes a resource declared in settings.leakguard', () => {
    const root = temporaryDirectory();
    writeFiles(root, {
      'lease.js': leaseModule,
      'renew.mjs': leaseUser,
      'eslint.config.mjs': `import leakguard from ${JSON.stringify(pluginPath)};
export default [{
  plugins: { leakguard },
  rules: { 'leakguard/require-close': 'error' },
  settings: { leakguard: { resources: [{
    description: 'lease', kind: 'handle',
    factories: [{ from: 'package', package: './lease.js', name: 'reservationFor', async: true }],
    releases: [{ method: 'release', async: true }],
  }] } },
}];
`,
    });
    const run = runCli(['fix', 'renew.mjs', '--codemod', 'try-finally-close', '--force'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFile(root, 'renew.mjs')).toContain('} finally {\n    await lease.release();\n  }');
  });

  it('uses defaults when there is no ESLint config', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'lease.js': leaseModule, 'renew.mjs': leaseUser });
    const run = runCli(['fix', 'renew.mjs', '--codemod', 'try-finally-close', '--force'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFile(root, 'renew.mjs')).toBe(leaseUser);
  });
});
