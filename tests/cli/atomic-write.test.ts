import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomic-write';
import { removeTemporaryDirectories, temporaryDirectory } from './cli-harness';

afterAll(removeTemporaryDirectories);

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the permission bits, whatever the umask', () => {
    const directory = temporaryDirectory();
    const script = path.join(directory, 'tool.mjs');
    fs.writeFileSync(script, 'old');
    fs.chmodSync(script, 0o751);
    const umask = process.umask(0o077);
    try {
      writeFileAtomic(script, 'new');
    } finally {
      process.umask(umask);
    }
    expect(fs.readFileSync(script, 'utf8')).toBe('new');
    expect(fs.statSync(script).mode & 0o7777).toBe(0o751);
  });

  it('leaves no temporary file behind', () => {
    const directory = temporaryDirectory();
    const file = path.join(directory, 'a.ts');
    fs.writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    writeFileAtomic(path.join(directory, 'report.json'), '{}');
    expect(fs.readdirSync(directory).sort()).toEqual(['a.ts', 'report.json']);
  });

  it('throws and leaves the target and its directory as they were when the rename fails', () => {
    const directory = temporaryDirectory();
    const occupied = path.join(directory, 'occupied');
    fs.mkdirSync(occupied);
    fs.writeFileSync(path.join(occupied, 'inside.ts'), 'x');
    expect(() => writeFileAtomic(occupied, 'text')).toThrow();
    expect(fs.readdirSync(directory)).toEqual(['occupied']);
    expect(fs.readdirSync(occupied)).toEqual(['inside.ts']);
  });
});
