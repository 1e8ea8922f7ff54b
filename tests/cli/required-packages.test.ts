import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codemodDescriptors } from '../../src/descriptors/catalog';
import type { FileTransform } from '../../src/cli/file-transform';
import { requiredImportsOf, requiredPackagesOf } from '../../src/cli/required-packages';
import type { FileRecord } from '../../src/cli/run-record';
import type { FindingOutcome } from '../../src/codemod/outcome';
import { removeTemporaryDirectories, temporaryDirectory, writeFiles } from './cli-harness';

afterAll(removeTemporaryDirectories);

const fixed: FindingOutcome = { codemod: 'bounded-cache', ruleId: 'no-unbounded-cache', line: 1, column: 7, message: 'grows', status: 'fixed' };
const skipped: FindingOutcome = { ...fixed, status: 'skipped', reason: 'it is iterated' };

function transformed(output: string | undefined, outcomes: readonly FindingOutcome[], codemod = 'bounded-cache'): FileTransform {
  return { filePath: '/project/src/cache.ts', typed: false, source: 'const cache = new Map<string, number>();\n', output, steps: [{ codemod, changed: true, outcomes }] };
}

/** A changed file that imports lru-cache because bounded-cache fixed a site in it. */
function importing(filePath: string): FileRecord {
  return { path: filePath, typed: false, changed: true, written: true, steps: [], requiredImports: [{ package: 'lru-cache', codemod: 'bounded-cache' }] };
}

describe('requiredImportsOf', () => {
  it('names lru-cache when bounded-cache fixed a site and the new text imports it, in ESM or CommonJS', () => {
    for (const output of ["import { LRUCache } from 'lru-cache';\n", 'const { LRUCache } = require("lru-cache");\n']) {
      expect(requiredImportsOf(transformed(output, [fixed]), codemodDescriptors)).toEqual([{ package: 'lru-cache', codemod: 'bounded-cache' }]);
    }
  });

  it('names nothing when the fix imported nothing (an array trim), when every site was skipped, or for codemods without packages', () => {
    expect(requiredImportsOf(transformed('if (samples.length > 1000) samples.splice(0, samples.length - 1000);\n', [fixed]), codemodDescriptors)).toEqual([]);
    expect(requiredImportsOf(transformed("/* leakguard-todo(bounded-cache): it is iterated */\nimport 'lru-cache-like';\n", [skipped]), codemodDescriptors)).toEqual([]);
    expect(requiredImportsOf(transformed("import { LRUCache } from 'lru-cache';\n", [{ ...fixed, codemod: 'try-finally-close' }], 'try-finally-close'), codemodDescriptors)).toEqual([]);
    expect(requiredImportsOf(transformed(undefined, [fixed]), codemodDescriptors)).toEqual([]);
  });
});

describe('requiredPackagesOf', () => {
  it.each([
    ['package-lock.json', 'npm install lru-cache'],
    ['pnpm-lock.yaml', 'pnpm add lru-cache'],
    ['yarn.lock', 'yarn add lru-cache'],
    ['bun.lock', 'bun add lru-cache'],
    ['bun.lockb', 'bun add lru-cache'],
  ])('reads the package manager from a %s next to the package.json: %s', (lockfile, command) => {
    const root = temporaryDirectory();
    writeFiles(root, { 'package.json': '{ "name": "app" }\n', [lockfile]: '', '.git/HEAD': '' });
    expect(requiredPackagesOf([importing('src/cache.ts')], root)).toEqual([
      {
        name: 'lru-cache',
        codemods: ['bounded-cache'],
        files: ['src/cache.ts'],
        packageJson: 'package.json',
        declaredIn: undefined,
        declaredRange: undefined,
        packageManager: command.split(' ')[0],
        lockfile,
        installCommand: command,
        install: { program: command.split(' ')[0], args: command.split(' ').slice(1), directory: root },
      },
    ]);
  });

  it('takes the package.json `packageManager` field without a lockfile, and npm without either', () => {
    const root = temporaryDirectory();
    writeFiles(root, {
      '.git/HEAD': '',
      'yarn-app/package.json': '{ "packageManager": "yarn@4.5.0" }\n',
      'plain-app/package.json': '{ "name": "plain" }\n',
    });
    expect(requiredPackagesOf([importing('yarn-app/cache.ts'), importing('plain-app/cache.ts')], root).map((required) => required.installCommand)).toEqual([
      'cd plain-app && npm install lru-cache',
      'cd yarn-app && yarn add lru-cache',
    ]);
  });

  it('groups files by their nearest package.json, sees what each declares, and finds a workspace lockfile above it', () => {
    const root = temporaryDirectory();
    writeFiles(root, {
      '.git/HEAD': '',
      'package.json': '{ "private": true }\n',
      'pnpm-lock.yaml': '',
      'packages/api/package.json': '{ "devDependencies": { "lru-cache": "^11.0.0" } }\n',
      'packages/web app/package.json': '{ "dependencies": { "react": "^19.0.0" } }\n',
    });
    const files = [importing('packages/api/src/a.ts'), importing('packages/api/b.ts'), importing('packages/web app/src/c.ts')];
    expect(requiredPackagesOf(files, root)).toMatchObject([
      { packageJson: 'packages/api/package.json', files: ['packages/api/b.ts', 'packages/api/src/a.ts'], declaredIn: 'devDependencies', declaredRange: '^11.0.0', lockfile: 'pnpm-lock.yaml' },
      { packageJson: 'packages/web app/package.json', files: ['packages/web app/src/c.ts'], declaredIn: undefined, installCommand: "cd 'packages/web app' && pnpm add lru-cache" },
    ]);
  });

  it('ignores failed and unchanged files, and says when no package.json is above the files', () => {
    const root = temporaryDirectory();
    writeFiles(root, { '.git/HEAD': '' });
    const failed: FileRecord = { ...importing('src/a.ts'), failure: { kind: 'write', message: 'EACCES' } };
    expect(requiredPackagesOf([failed, { ...importing('src/b.ts'), changed: false }], root)).toEqual([]);
    const [required] = requiredPackagesOf([importing('src/cache.ts')], root);
    // The temporary directory sits under the OS temp dir, which holds no package.json.
    expect(required).toMatchObject({ packageJson: undefined, declaredIn: undefined, lockfile: undefined, installCommand: 'npm install lru-cache' });
    expect(path.isAbsolute(required?.files[0] ?? '')).toBe(false);
  });
});
