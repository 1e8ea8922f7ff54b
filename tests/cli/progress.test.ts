import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress';

function logStream(): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY: false, text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress outside a terminal (CI logs)', () => {
  it('prints a line only once the interval has passed since the last one, and none at the end', () => {
    let now = 0;
    const stream = logStream();
    const progress = createProgress(5, stream, { now: () => now, logIntervalMs: 10_000 });
    for (const at of [3_000, 11_000, 15_000, 22_000, 40_000]) {
      now = at;
      progress.advance('src/file.ts');
    }
    progress.finish();
    expect(stream.text).toBe('leakguard: 2/5 files (40 %) after 11 s\nleakguard: 4/5 files (80 %) after 22 s\n');
  });

  it('prints nothing for a run shorter than the interval', () => {
    let now = 0;
    const stream = logStream();
    const progress = createProgress(3, stream, { now: () => (now += 1_000), logIntervalMs: 10_000 });
    for (let index = 0; index < 3; index++) progress.advance('src/file.ts');
    expect(stream.text).toBe('');
  });
});
