// Yeachan-Heo/oh-my-claudecode, src/lib/file-lock.ts — https://github.com/Yeachan-Heo/oh-my-claudecode/issues/2327
// tryAcquireSync creates the lock file with O_EXCL and writes its PID payload before handing the
// descriptor to the caller: when writeSync fails (ENOSPC on a full disk) the descriptor leaks for
// the life of the process, and the lock file stays behind without a valid PID.
// Rule: leakguard/require-close
// Known gap: the descriptor is handed to the caller by the `return`, and require-close does not judge what can fail before a hand-off (precision first: `const fh = await open(p); await fh.write(h); return fh` is documented as correct). Reporting it needs CA2000-style "dispose before the transfer" semantics.
import { closeSync, constants as fsConstants, openSync, unlinkSync, writeSync } from 'node:fs';

export interface FileLockHandle {
  fd: number;
  path: string;
}

export function tryAcquireSync(lockPath: string): FileLockHandle | null {
  try {
    const fd = openSync(lockPath, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o600);
    const payload = JSON.stringify({ pid: process.pid, timestamp: Date.now() });
    writeSync(fd, payload, null, 'utf-8');
    return { fd, path: lockPath };
  } catch (err: unknown) {
    if (err && typeof err === 'object' && 'code' in err && (err as { code: string }).code === 'EEXIST') return null;
    throw err;
  }
}

export function releaseFileLockSync(handle: FileLockHandle): void {
  closeSync(handle.fd);
  unlinkSync(handle.path);
}
