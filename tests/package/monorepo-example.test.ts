/**
 * examples/monorepo (docs/monorepo.md): the Nx and Turborepo configurations of a per-package lint gate.
 * The runners themselves need native binaries and remote services, so this checks their configuration
 * (a cache key that includes everything a lint result depends on) and runs each package's lint task
 * the way they run it: the package's `lint` script, from the package's directory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../typed-project';
import { extractSnippets } from './markdown-snippets';

const example = path.join(repoRoot, 'examples', 'monorepo');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(example, file), 'utf8')) as Record<string, unknown>;
const packages = fs.readdirSync(path.join(example, 'packages')).sort();

describe('docs/monorepo.md', () => {
  it('shows the example files, verbatim', () => {
    const { snippets } = extractSnippets('docs/monorepo.md', fs.readFileSync(path.join(repoRoot, 'docs', 'monorepo.md'), 'utf8'));
    const json = snippets.filter((snippet) => snippet.lang === 'json').map((snippet) => JSON.parse(snippet.code) as unknown);
    expect(json).toEqual([readJson('turbo.json'), readJson('nx.json')]);
  });
});

describe('the cache key of the lint task', () => {
  it('Turborepo: the package\'s files and tsconfig, the root ESLint config and base tsconfig', () => {
    const turbo = readJson('turbo.json') as { globalDependencies: string[]; tasks: { lint: { inputs: string[]; outputs: string[] } } };
    expect(turbo.globalDependencies).toEqual(expect.arrayContaining(['eslint.config.mjs', 'tsconfig.base.json']));
    expect(turbo.tasks.lint.inputs).toEqual(expect.arrayContaining(['$TURBO_DEFAULT$', 'tsconfig.json']));
    expect(turbo.tasks.lint.outputs).toEqual([]);
  });

  it('Nx: the same files, and the installed versions of the plugin, ESLint, typescript-eslint and TypeScript', () => {
    const nx = readJson('nx.json') as { namedInputs: Record<string, unknown[]>; targetDefaults: { lint: { cache: boolean; inputs: string[] } } };
    expect(nx.targetDefaults.lint.cache).toBe(true);
    const inputs = nx.targetDefaults.lint.inputs.flatMap((name) => nx.namedInputs[name] ?? [name]);
    expect(inputs).toEqual(expect.arrayContaining(['default', '{workspaceRoot}/eslint.config.mjs', '{workspaceRoot}/tsconfig.base.json']));
    const external = inputs.flatMap((input) => (typeof input === 'object' && input !== null && 'externalDependencies' in input ? (input.externalDependencies as string[]) : []));
    expect(external.sort()).toEqual(['eslint', 'eslint-plugin-leakguard', 'typescript', 'typescript-eslint']);
  });

  it('every package lints itself, and its tsconfig extends the base the cache key names', () => {
    expect(packages).toEqual(['api', 'worker']);
    for (const name of packages) {
      const manifest = readJson(`packages/${name}/package.json`) as { scripts: { lint: string } };
      expect(manifest.scripts.lint).toBe('eslint . --max-warnings 0');
      expect(readJson(`packages/${name}/tsconfig.json`)).toMatchObject({ extends: '../../tsconfig.base.json' });
    }
    const root = readJson('package.json') as { devDependencies: Record<string, string> };
    expect(Object.keys(root.devDependencies).sort()).toEqual(['eslint', 'eslint-plugin-leakguard', 'typescript', 'typescript-eslint']);
  });
});

describe("each package's lint task, run as the task runners run it", () => {
  let workspace: string;

  // A copy of the example whose node_modules link the packages it declares to this checkout (the
  // built plugin, and this repository's ESLint, typescript-eslint, TypeScript and Node types).
  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'leakguard-monorepo-'));
    fs.cpSync(example, workspace, { recursive: true });
    const links: Record<string, string> = {
      'eslint-plugin-leakguard': repoRoot,
      eslint: path.join(repoRoot, 'node_modules', 'eslint'),
      'typescript-eslint': path.join(repoRoot, 'node_modules', 'typescript-eslint'),
      typescript: path.join(repoRoot, 'node_modules', 'typescript'),
      '@types/node': path.join(repoRoot, 'node_modules', '@types', 'node'),
    };
    for (const [name, target] of Object.entries(links)) {
      fs.mkdirSync(path.dirname(path.join(workspace, 'node_modules', name)), { recursive: true });
      fs.symlinkSync(target, path.join(workspace, 'node_modules', name), 'dir');
    }
  });
  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

  function lint(name: string): { status: number | null; results: Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number }> }> } {
    const eslint = path.join(workspace, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const run = spawnSync(process.execPath, [eslint, '.', '--max-warnings', '0', '--format', 'json'], { cwd: path.join(workspace, 'packages', name), encoding: 'utf8', timeout: 60_000 });
    if (run.error) throw run.error;
    expect(run.stderr).toBe('');
    return { status: run.status, results: JSON.parse(run.stdout) as ReturnType<typeof lint>['results'] };
  }

  it('fails the api package on its leak, typed, and passes the worker package', () => {
    const api = lint('api');
    expect(api.status).toBe(1);
    expect(api.results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId}`))).toEqual([
      'read-config.ts:5 leakguard/require-close',
    ]);
    const worker = lint('worker');
    expect(worker.status).toBe(0);
    expect(worker.results.map((result) => path.basename(result.filePath))).toEqual(['read-config.ts']);
  }, 90_000);
});
