import { closeSync, constants as fsConstants, openSync, unlinkSync, writeSync } from 'node:fs';

export interface FileLockHandle {
  fd: number;
  path: string;
}

export function tryAcquireSync(lockPath: string): FileLockHandle | null {
  try {
    const fd = openSync(lockPath, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o600);
    try {
      const payload = JSON.stringify({ pid: process.pid, timestamp: Date.now() });
      writeSync(fd, payload, null, 'utf-8');
    } catch (writeErr) {
      closeSync(fd);
      try {
        unlinkSync(lockPath);
      } catch {
        /* already gone */
      }
      throw writeErr;
    }
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
