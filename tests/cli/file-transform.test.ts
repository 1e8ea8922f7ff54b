import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codemodDescriptors } from '../../src/descriptors/catalog';
import { applyTransform } from '../../src/cli/apply-transform';
import { transformFile } from '../../src/cli/file-transform';
import { leakyConfigReader, removeTemporaryDirectories, temporaryDirectory, writeFiles } from './cli-harness';

afterAll(removeTemporaryDirectories);

function request(filePath: string, codemods: readonly string[] = ['try-finally-close']) {
  return { filePath, codemods, codemodOptions: {}, project: undefined };
}

describe('transformFile', () => {
  it('turns a codemod that throws into a failure of that file', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'a.ts': leakyConfigReader });
    const transform = transformFile(request(path.join(root, 'a.ts'), ['try-finally-close', 'no-such-codemod']), codemodDescriptors);
    expect(transform).toMatchObject({ output: undefined, steps: [], failure: { kind: 'crash', codemod: 'no-such-codemod' } });
    expect(transform.failure?.message).toMatch(/no-such-codemod/);
  });

  it('turns a file that vanished since discovery into a failure of that file', () => {
    const transform = transformFile(request(path.join(temporaryDirectory(), 'gone.ts')), codemodDescriptors);
    expect(transform).toMatchObject({ output: undefined, steps: [], failure: { kind: 'crash' } });
    expect(transform.failure?.message).toMatch(/ENOENT/);
  });

  it('reports where a file does not parse', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'broken.ts': 'const ok = 1;\nexport const x = (;\n' });
    expect(transformFile(request(path.join(root, 'broken.ts')), codemodDescriptors)).toMatchObject({ output: undefined, steps: [], failure: { kind: 'parse', line: 2 } });
  });
});

describe('applyTransform', () => {
  it('does not overwrite a file that was edited while it was being transformed', () => {
    const root = temporaryDirectory();
    const file = path.join(root, 'a.ts');
    writeFiles(root, { 'a.ts': leakyConfigReader });
    const transform = transformFile(request(file), codemodDescriptors);
    expect(transform.output).toContain('finally');
    fs.writeFileSync(file, `${leakyConfigReader}// saved by an editor meanwhile\n`);
    const record = applyTransform(transform, false, codemodDescriptors);
    expect(record).toMatchObject({ path: expect.stringMatching(/a\.ts$/) as string, written: false, changed: false, steps: [], failure: { kind: 'write' } });
    expect(fs.readFileSync(file, 'utf8')).toBe(`${leakyConfigReader}// saved by an editor meanwhile\n`);
  });

  it('writes nothing on a dry run, but records the change', () => {
    const root = temporaryDirectory();
    const file = path.join(root, 'a.ts');
    writeFiles(root, { 'a.ts': leakyConfigReader });
    expect(applyTransform(transformFile(request(file), codemodDescriptors), true, codemodDescriptors)).toMatchObject({ changed: true, written: false });
    expect(fs.readFileSync(file, 'utf8')).toBe(leakyConfigReader);
  });
});
