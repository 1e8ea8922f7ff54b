// wonderwhy-er/DesktopCommanderMCP, src/utils/files/text.ts — https://github.com/wonderwhy-er/DesktopCommanderMCP/issues/631
// (fixed by https://github.com/wonderwhy-er/DesktopCommanderMCP/pull/674). read_file builds the
// read stream inline as readline's `input`. `rl.close()` does not close its input, and the
// `break` at the line budget stops reading before the end of the file, where the stream would
// have closed itself: every read of a file longer than the budget leaks a descriptor (on Windows
// the file can then no longer be replaced).
// Rule: leakguard/require-close
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function readFromStartWithReadline(
  filePath: string,
  offset: number,
  length: number,
  signal?: AbortSignal,
): Promise<string[]> {
  const rl = createInterface({
    input: createReadStream(filePath, { signal }),
    crlfDelay: Infinity,
  });

  const result: string[] = [];
  let lineNumber = 0;

  for await (const line of rl) {
    if (lineNumber >= offset && result.length < length) {
      result.push(line);
    }
    if (result.length >= length) break;
    lineNumber++;
  }

  rl.close();
  return result;
}
