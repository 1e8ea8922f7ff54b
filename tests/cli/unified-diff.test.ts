import { describe, expect, it } from 'vitest';
import { lineEdits, splitLines, unifiedDiff } from '../../src/cli/unified-diff';

const labels = { before: 'a/file.ts', after: 'b/file.ts' };
const numbered = (count: number): string => Array.from({ length: count }, (_, index) => `line ${index + 1}\n`).join('');

/** Applies a unified diff strictly: every context and deleted line must match the old text. */
function applyPatch(before: string, patch: string): string {
  const old = splitLines(before);
  const result: string[] = [];
  let cursor = 0;
  const lines = patch.split('\n');
  lines.pop();
  for (let index = 2; index < lines.length; index++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[index]);
    if (!header) throw new Error(`expected a hunk header: ${lines[index]}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const oldStart = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    result.push(...old.slice(cursor, oldStart));
    cursor = oldStart;
    let body: string[] = [];
    for (index++; index < lines.length && !lines[index].startsWith('@@'); index++) body.push(lines[index]);
    index--;
    for (let line = 0; line < body.length; line++) {
      const noNewline = body[line + 1] === '\\ No newline at end of file';
      const text = body[line].slice(1) + (noNewline ? '' : '\n');
      const marker = body[line][0];
      if (marker === ' ' || marker === '-') {
        if (old[cursor] !== text) throw new Error(`context mismatch at old line ${cursor + 1}`);
        cursor++;
      }
      if (marker === ' ' || marker === '+') result.push(text);
      if (noNewline) line++;
    }
    body = [];
  }
  return [...result, ...old.slice(cursor)].join('');
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table[0][0];
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', labels)).toBe('');
  });

  it('shows a change with three lines of context, as diff -u does', () => {
    const before = numbered(10);
    const after = before.replace('line 5\n', 'line five\n');
    expect(unifiedDiff(before, after, labels)).toBe(
      [
        '--- a/file.ts',
        '+++ b/file.ts',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it('puts deletions before insertions within a change', () => {
    const patch = unifiedDiff('keep\nold 1\nold 2\nkeep too\n', 'keep\nnew 1\nnew 2\nkeep too\n', labels);
    expect(patch.split('\n').slice(3, 9)).toEqual([' keep', '-old 1', '-old 2', '+new 1', '+new 2', ' keep too']);
  });

  it('names the line before an empty range and leaves out a count of one', () => {
    expect(unifiedDiff('', 'first\n', labels)).toBe('--- a/file.ts\n+++ b/file.ts\n@@ -0,0 +1 @@\n+first\n');
    expect(unifiedDiff('gone\n', '', labels)).toBe('--- a/file.ts\n+++ b/file.ts\n@@ -1 +0,0 @@\n-gone\n');
  });

  it('marks a last line without newline', () => {
    expect(unifiedDiff('a\nb', 'a\nb\n', labels)).toBe(
      '--- a/file.ts\n+++ b/file.ts\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
    );
  });

  it('keeps distant changes in separate hunks and merges changes up to six lines apart', () => {
    const before = numbered(30);
    const distant = before.replace('line 3\n', 'three\n').replace('line 20\n', 'twenty\n');
    expect(unifiedDiff(before, distant, labels).match(/^@@/gm)).toHaveLength(2);
    const close = before.replace('line 3\n', 'three\n').replace('line 10\n', 'ten\n');
    expect(unifiedDiff(before, close, labels).match(/^@@ -1,13 \+1,13 @@$/gm)).toHaveLength(1);
    const apart = before.replace('line 3\n', 'three\n').replace('line 11\n', 'eleven\n');
    expect(unifiedDiff(before, apart, labels).match(/^@@/gm)).toHaveLength(2);
  });

  it('produces patches that apply and edit scripts of minimal length, on random texts', () => {
    const next = random(42);
    const vocabulary = ['a\n', 'b\n', 'c\n', '}\n', '  return x;\n', ''];
    const text = (): string[] => {
      const lines = Array.from({ length: Math.floor(next() * 25) }, () => vocabulary[Math.floor(next() * 5)]);
      if (lines.length > 0 && next() < 0.3) lines[lines.length - 1] = lines[lines.length - 1].replace('\n', '');
      return lines;
    };
    for (let round = 0; round < 300; round++) {
      const before = text();
      const after = text();
      const patch = unifiedDiff(before.join(''), after.join(''), labels, Math.floor(next() * 4));
      expect(applyPatch(before.join(''), patch)).toBe(after.join(''));
      const beforeLines = splitLines(before.join(''));
      const afterLines = splitLines(after.join(''));
      const changes = lineEdits(beforeLines, afterLines).filter((edit) => edit !== '=').length;
      expect(changes).toBe(beforeLines.length + afterLines.length - 2 * longestCommonSubsequence(beforeLines, afterLines));
    }
  });

  it('stays correct, if not minimal, when the texts have nothing in common over thousands of lines', () => {
    const before = Array.from({ length: 3000 }, (_, index) => `old ${index}\n`).join('');
    const after = Array.from({ length: 3000 }, (_, index) => `new ${index}\n`).join('');
    expect(applyPatch(before, unifiedDiff(before, after, labels))).toBe(after);
  });
});
