import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { committedRepository, readFile, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './cli-harness';
import { validate } from './schema-subset';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/report-schema.json'), 'utf8')) as Record<string, unknown>;

afterAll(removeTemporaryDirectories);

/** A Map that grows in a route handler and is never trimmed: bounded-cache makes it an LRUCache. */
const growingCache = `import express from 'express';

const users = new Map<string, { name: string }>();
const app = express();

app.get('/users/:id', (req, res) => {
  const id = req.params.id;
  if (!users.has(id)) users.set(id, { name: id });
  res.json(users.get(id));
});

export default app;
`;

/**
 * A package manager on PATH that records its arguments and, when it succeeds, declares the package
 * in the package.json of its working directory, as `yarn add` would (without touching the network).
 */
function fakePackageManager(name: string, exitCode: number): string {
  const bin = temporaryDirectory();
  const script = [
    '#!/usr/bin/env node',
    "const fs = require('node:fs');",
    "const [verb, pkg] = process.argv.slice(2);",
    `console.error('fake ${name} ' + verb + ' ' + pkg);`,
    `if (${exitCode} !== 0) process.exit(${exitCode});`,
    "const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));",
    "manifest.dependencies = { ...manifest.dependencies, [pkg]: '^11.0.0' };",
    "fs.writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\\n');",
  ].join('\n');
  fs.writeFileSync(path.join(bin, name), `${script}\n`, { mode: 0o755 });
  return bin;
}

describe('leakguard fix with bounded-cache: --max, --ttl and lru-cache as a dependency', () => {
  it('forwards --max and --ttl, and on a dry run says lru-cache is missing, with the install command, in the summary and both reports', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'package.json': '{ "name": "app", "dependencies": { "express": "^5.0.0" } }\n', 'package-lock.json': '{}\n', 'src/users.ts': growingCache });
    const run = runCli(['fix', 'src', '--codemod', 'bounded-cache', '--dry', '--diff', '--max', '5', '--ttl', '600000', '--report', 'leaks.json', '--report', 'leaks.md'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('+const users = new LRUCache<string, { name: string }>({ max: 5, ttl: 600000 });');
    expect(readFile(root, 'src/users.ts')).toBe(growingCache);
    // With --diff the summary goes to stderr.
    expect(run.stderr).toContain(
      'The rewritten files would import lru-cache (bounded-cache, 1 file): your project must depend on it.\n' +
        '  package.json does not declare lru-cache: the output will not build without it.\n' +
        '  Install it: npm install lru-cache\n',
    );

    const report = JSON.parse(readFile(root, 'leaks.json')) as Record<string, unknown>;
    expect(validate(report, schema)).toEqual([]);
    expect(report).toMatchObject({
      schemaVersion: 2,
      run: { dryRun: true, max: 5, ttl: 600000, installHint: true, install: false },
      totals: { fixed: 0, wouldFix: 1 },
      files: [{ path: 'src/users.ts', written: false, findings: [{ status: 'wouldFix' }] }],
      requiredPackages: [
        {
          name: 'lru-cache',
          codemods: ['bounded-cache'],
          files: ['src/users.ts'],
          packageJson: 'package.json',
          declaredIn: null,
          declaredRange: null,
          packageManager: 'npm',
          lockfile: 'package-lock.json',
          installCommand: 'npm install lru-cache',
        },
      ],
    });

    const markdown = readFile(root, 'leaks.md');
    expect(markdown).toContain('## Required packages\n\nThe rewritten files would import these packages: each project must depend on them.\n');
    expect(markdown).toContain(
      '| `lru-cache` | `bounded-cache` | 1 | `package.json` | package.json does not declare lru-cache: the output will not build without it. | `npm install lru-cache` |',
    );
  });

  it('with --no-install-hint still names lru-cache and each package.json, prints no command, and sees a declared dependency', () => {
    const root = committedRepository({
      'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n',
      'yarn.lock': '',
      'packages/api/package.json': '{ "name": "api", "dependencies": { "lru-cache": "^11.0.0" } }\n',
      'packages/api/src/users.ts': growingCache,
      'packages/web/package.json': '{ "name": "web" }\n',
      'packages/web/src/users.ts': growingCache,
    });
    const run = runCli(['fix', 'packages', '--codemod', 'bounded-cache', '--no-install-hint', '--report', 'leaks.json', '--report', 'leaks.md'], root);
    expect(run.stderr).toBe('');
    // Every finding was fixed, but packages/web does not build until lru-cache is added.
    expect(run.status).toBe(5);
    expect(readFile(root, 'packages/web/src/users.ts')).toContain("import { LRUCache } from 'lru-cache';");
    expect(run.stdout).toContain(
      '2 files written.\n\n' +
        'The rewritten files import lru-cache (bounded-cache, 2 files): your project must depend on it.\n' +
        '  packages/api/package.json declares lru-cache (dependencies: ^11.0.0).\n' +
        '  packages/web/package.json does not declare lru-cache: the rewritten files will not build without it.\n' +
        'Report: leaks.json\n',
    );
    expect(run.stdout).not.toContain('Install it');
    const report = JSON.parse(readFile(root, 'leaks.json')) as { run: unknown; requiredPackages: unknown };
    expect(report.run).toMatchObject({ max: null, ttl: null, installHint: false });
    // The report keeps the command for tools, whatever the summary printed.
    expect(report.requiredPackages).toMatchObject([
      { packageJson: 'packages/api/package.json', declaredIn: 'dependencies', packageManager: 'yarn', lockfile: 'yarn.lock' },
      { packageJson: 'packages/web/package.json', declaredIn: null, installCommand: 'cd packages/web && yarn add lru-cache' },
    ]);
    const markdown = readFile(root, 'leaks.md');
    expect(markdown).toContain('| package | codemods | files | package.json | status |\n');
    expect(markdown).not.toContain('yarn add');
  });

  it('with --install adds the package with the project\'s package manager, in its directory, and exits 0', () => {
    const root = committedRepository({
      'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n',
      'yarn.lock': '',
      'packages/web/package.json': '{ "name": "web" }\n',
      'packages/web/src/users.ts': growingCache,
    });
    const bin = fakePackageManager('yarn', 0);
    const run = runCli(['fix', 'packages', '--codemod', 'bounded-cache', '--install'], root, { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('leakguard: installing lru-cache: cd packages/web && yarn add lru-cache\nfake yarn add lru-cache\n');
    expect(JSON.parse(readFile(root, 'packages/web/package.json'))).toEqual({ name: 'web', dependencies: { 'lru-cache': '^11.0.0' } });
    expect(run.stdout).toContain('packages/web/package.json declares lru-cache (dependencies: ^11.0.0).');
  });

  it('exits 5 and says so when --install fails', () => {
    const root = committedRepository({ 'package.json': '{ "name": "app" }\n', 'yarn.lock': '', 'src/users.ts': growingCache });
    const bin = fakePackageManager('yarn', 1);
    const run = runCli(['fix', 'src', '--codemod', 'bounded-cache', '--install'], root, { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
    expect(run.status).toBe(5);
    expect(run.stderr).toContain('leakguard: yarn add lru-cache failed in . (exit code 1)\n');
    expect(run.stdout).toContain('package.json does not declare lru-cache: the rewritten files will not build without it.');
  });

  it('refuses --install with --dry: a dry run writes nothing, package.json included', () => {
    const run = runCli(['fix', 'src', '--codemod', 'bounded-cache', '--install', '--dry'], temporaryDirectory());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--install adds packages to package.json, and --dry writes nothing');
  });

  it('exits 2 with a usage error for a --max that is not a positive whole number', () => {
    const run = runCli(['fix', 'src', '--codemod', 'bounded-cache', '--max', '0'], temporaryDirectory());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('leakguard: --max 0: expected a positive whole number (the entries each cache keeps)\nRun `leakguard --help` for usage.\n');
  });
});
