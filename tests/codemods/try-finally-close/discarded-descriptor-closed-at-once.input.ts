import * as fs from 'node:fs';

// Truncates every log file: opening with 'w' empties it, and nothing else reads the descriptor.
export function flushLogs(paths: readonly string[]): void {
  for (const path of paths) {
    fs.openSync(path, 'w');
  }
}
