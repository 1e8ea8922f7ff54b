/**
 * Progress on stderr. On a terminal, a status line `leakguard [12/340] src/file.ts` redrawn per file.
 * Elsewhere (a CI log), a plain line every `logIntervalMs` while the run lasts: a long migration job
 * shows it is alive without flooding the log, and a short run prints nothing. `--quiet` turns both off.
 */
export interface Progress {
  advance(path: string): void;
  /** Write something else to the terminal without tearing the status line. */
  around(write: () => void): void;
  finish(): void;
}

export const silentProgress: Progress = {
  advance: () => {},
  around: (write) => write(),
  finish: () => {},
};

export interface ProgressClock {
  readonly now: () => number;
  readonly logIntervalMs: number;
}

const defaultClock: ProgressClock = { now: () => Date.now(), logIntervalMs: 10_000 };

export function createProgress(total: number, stream: NodeJS.WriteStream, clock: ProgressClock = defaultClock): Progress {
  return stream.isTTY ? terminalProgress(total, stream) : logProgress(total, stream, clock);
}

function terminalProgress(total: number, stream: NodeJS.WriteStream): Progress {
  let done = 0;
  let shown = '';
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[2K');
  };
  const draw = (): void => {
    stream.write(`\r\x1b[2K${shown}`);
  };
  return {
    advance(path) {
      done++;
      const line = `leakguard [${done}/${total}] ${path}`;
      // A terminal of unknown size (a pty without a window) reports 0 columns.
      const width = stream.columns || 80;
      shown = line.length < width ? line : `${line.slice(0, width - 2)}…`;
      draw();
    },
    around(write) {
      clear();
      write();
      if (shown) draw();
    },
    finish() {
      clear();
      shown = '';
    },
  };
}

function logProgress(total: number, stream: NodeJS.WritableStream, clock: ProgressClock): Progress {
  const startedAt = clock.now();
  let lastLogAt = startedAt;
  let done = 0;
  return {
    advance() {
      done++;
      const now = clock.now();
      if (now - lastLogAt < clock.logIntervalMs || done === total) return;
      lastLogAt = now;
      const seconds = Math.round((now - startedAt) / 1000);
      stream.write(`leakguard: ${done}/${total} files (${Math.floor((done / total) * 100)} %) after ${seconds} s\n`);
    },
    around: (write) => write(),
    finish: () => {},
  };
}
