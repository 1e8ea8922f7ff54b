import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  committedRepository,
  leakyConfigReader,
  readFile,
  removeTemporaryDirectories,
  reportedFiles,
  runCli,
  unusedHandle,
} from './cli-harness';

afterAll(removeTemporaryDirectories);

describe('leakguard fix in worker threads and with type information', () => {
  it('gives the same result in worker threads as in the main thread', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 6; index++) files[`src/file${index}.ts`] = index % 2 === 0 ? leakyConfigReader : unusedHandle;
    const inThread = committedRepository(files);
    const inWorkers = committedRepository(files);
    const one = runCli(['fix', 'src', '--codemod', 'all', '--workers', '1', '--diff', '--report', 'r.json'], inThread);
    const two = runCli(['fix', 'src', '--codemod', 'all', '--workers', '2', '--diff', '--report', 'r.json'], inWorkers);
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    const withoutRun = (root: string): unknown => reportedFiles(path.join(root, 'r.json'));
    expect(withoutRun(inWorkers)).toEqual(withoutRun(inThread));
    expect(JSON.parse(readFile(inWorkers, 'r.json'))).toMatchObject({ run: { workers: 2 } });
  });

  it('is type-aware when a tsconfig includes the files, and emits `await using` with --style using', () => {
    const root = committedRepository({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'Node16',
          lib: ['ES2023', 'ESNext.Disposable'],
          types: ['node'],
          typeRoots: [path.resolve(__dirname, '../../node_modules/@types')],
        },
        include: ['src'],
      }),
      'src/config.ts': leakyConfigReader,
    });
    const run = runCli(['fix', 'src', '--codemod', 'all', '--style', 'using', '--report', 'r.json'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Type information: typed analysis for every file (nearest tsconfig.json)');
    expect(readFile(root, 'src/config.ts')).toContain('await using fh = await open(path');
    expect(reportedFiles(path.join(root, 'r.json'))[0]).toMatchObject({ typed: true, written: true });
  });
});
