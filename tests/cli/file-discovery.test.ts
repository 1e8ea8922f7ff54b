import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverSourceFiles } from '../../src/cli/file-discovery';
import { UsageError } from '../../src/cli/usage-error';
import {
  cleanModule,
  commitAll,
  git,
  initRepository,
  removeTemporaryDirectories,
  reportedFiles,
  runCli,
  temporaryDirectory,
  writeFiles,
} from './cli-harness';

afterAll(removeTemporaryDirectories);

/** The files a dry run of the real CLI scans, read back from its JSON report. */
function scanned(root: string, argv: readonly string[]): string[] {
  const run = runCli(['fix', ...argv, '--codemod', 'try-finally-close', '--dry', '--report', 'scan.json'], root);
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}${run.stdout}`);
  return reportedFiles(path.join(root, 'scan.json')).map((file) => file.path);
}

/** Links to a file and a folder outside `root/src`, and one to a file inside it. */
function linkAround(root: string): void {
  const outside = temporaryDirectory();
  writeFiles(outside, { 'secret.ts': cleanModule, 'package/index.ts': cleanModule });
  fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src/linked.ts'));
  fs.symlinkSync(path.join(outside, 'package'), path.join(root, 'src/linked-package'));
  fs.symlinkSync(path.join(root, 'src/a.ts'), path.join(root, 'src/alias.ts'));
}

describe('which files leakguard fix transforms', () => {
  it('in a git work tree: every source extension, .gitignore honoured, no declaration file, no node_modules, no symlink', () => {
    const root = temporaryDirectory();
    writeFiles(root, {
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/a.ts': cleanModule,
      'src/b.tsx': 'export const b = <div />;\n',
      'src/c.mts': cleanModule,
      'src/d.cts': cleanModule,
      'src/e.js': 'export const e = 1;\n',
      'src/f.jsx': 'export const f = <p />;\n',
      'src/g.mjs': 'export const g = 1;\n',
      'src/h.cjs': 'module.exports = 1;\n',
      'src/types.d.ts': 'export type T = 1;\n',
      'src/types.d.mts': 'export type T = 1;\n',
      'src/styles.d.css.ts': 'export const classes: Record<string, string>;\n',
      'src/data.json': '{}\n',
      'src/model.gen.ts': cleanModule,
      'src/generated/client.ts': cleanModule,
      // Committed (vendored), yet dependencies are not migrated.
      'src/node_modules/dep/index.js': 'module.exports = 1;\n',
      'src/app/[id]/page.tsx': 'export default function Page() { return null; }\n',
      'src/with space.ts': cleanModule,
      'lib/outside-the-paths.ts': cleanModule,
    });
    linkAround(root);
    initRepository(root);
    writeFiles(root, { 'src/untracked.ts': cleanModule });
    expect(scanned(root, ['src'])).toEqual([
      'src/a.ts',
      'src/app/[id]/page.tsx',
      'src/b.tsx',
      'src/c.mts',
      'src/d.cts',
      'src/e.js',
      'src/f.jsx',
      'src/g.mjs',
      'src/h.cjs',
      'src/untracked.ts',
      'src/with space.ts',
    ]);
    // Named explicitly, an ignored file is taken; path arguments are read literally, not as globs.
    expect(scanned(root, ['src/model.gen.ts', 'src/app/[id]'])).toEqual(['src/app/[id]/page.tsx', 'src/model.gen.ts']);
  });

  it('outside git: walks the tree, skipping node_modules, dot-folders and symlinks', () => {
    const root = temporaryDirectory();
    writeFiles(root, {
      'src/a.ts': cleanModule,
      'src/deep/nested/util.js': 'export const u = 1;\n',
      'src/node_modules/dep/index.js': 'module.exports = 1;\n',
      'src/.cache/compiled.js': 'module.exports = 1;\n',
    });
    linkAround(root);
    expect(scanned(root, ['src'])).toEqual(['src/a.ts', 'src/deep/nested/util.js']);
  });

  it('with --since, takes only files changed since the ref: committed, staged, unstaged and untracked', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'src/a.ts': cleanModule, 'src/b.ts': cleanModule, 'src/c.ts': cleanModule, 'src/d.ts': cleanModule });
    initRepository(root);
    git(root, 'tag', 'base');
    writeFiles(root, { 'src/a.ts': `${cleanModule}// committed\n` });
    commitAll(root, 'change a');
    writeFiles(root, { 'src/b.ts': `${cleanModule}// staged\n`, 'src/c.ts': `${cleanModule}// unstaged\n`, 'src/new.ts': cleanModule });
    git(root, 'add', 'src/b.ts');
    fs.rmSync(path.join(root, 'src/d.ts'));
    expect(scanned(root, ['src', '--since', 'base'])).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/new.ts']);
    expect(scanned(root, ['src', '--since', 'HEAD'])).toEqual(['src/b.ts', 'src/c.ts', 'src/new.ts']);
  });
});

describe('discoverSourceFiles', () => {
  it('takes each file once however the paths overlap, and reports the work tree to check', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'src/a.ts': cleanModule, 'src/sub/b.ts': cleanModule, 'README.md': '# x\n' });
    initRepository(root);
    const discovery = discoverSourceFiles([path.join(root, 'src'), path.join(root, 'src/sub'), path.join(root, 'src/a.ts'), path.join(root, 'README.md')], undefined);
    expect(discovery.files).toEqual([path.join(root, 'src/a.ts'), path.join(root, 'src/sub/b.ts')]);
    expect(discovery.workTrees).toEqual([{ root, pathspecs: ['src', 'src/sub', 'src/a.ts', 'README.md'] }]);
    expect(discovery.outsideGit).toEqual([]);
  });

  it('refuses a path that does not exist, and --since outside git', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'src/a.ts': cleanModule });
    expect(() => discoverSourceFiles([path.join(root, 'lib')], undefined)).toThrow(UsageError);
    expect(() => discoverSourceFiles([path.join(root, 'src')], 'main')).toThrow(/--since needs a git work tree/);
    expect(discoverSourceFiles([path.join(root, 'src')], undefined).outsideGit).toEqual([path.join(root, 'src')]);
  });
});
