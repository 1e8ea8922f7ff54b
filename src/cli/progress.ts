/** Stderr status line `[12/340] src/file.ts`, only on a terminal: logs and pipes stay clean. */
export interface Progress {
  advance(path: string): void;
  /** Write something else to the terminal without tearing the status line. */
  around(write: () => void): void;
  finish(): void;
}

const silent: Progress = {
  advance: () => {},
  around: (write) => write(),
  finish: () => {},
};

export function createProgress(total: number, stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return silent;
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
