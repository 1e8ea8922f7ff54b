import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Replace `filePath` with `text` so that a reader (an editor, a watcher, a crash, Ctrl-C) sees either
 * the old or the new file, never half of one: write a temporary file in the same directory (a rename
 * is atomic only within one file system), flush it, then rename it over the original. The original's
 * permission bits are kept (an executable script stays executable) and, where allowed, its owner.
 * Synchronous on purpose: a signal handler cannot run between the write and the rename.
 */
export function writeFileAtomic(filePath: string, text: string): void {
  const original = statIfExists(filePath);
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.leakguard-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const descriptor = fs.openSync(temporary, 'wx', original ? original.mode & 0o7777 : 0o666);
    try {
      fs.writeFileSync(descriptor, text);
      if (original) keepOwnershipAndMode(descriptor, original);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function statIfExists(filePath: string): fs.Stats | undefined {
  try {
    return fs.statSync(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function keepOwnershipAndMode(descriptor: number, original: fs.Stats): void {
  if (original.uid !== process.getuid?.() || original.gid !== process.getgid?.()) {
    try {
      fs.fchownSync(descriptor, original.uid, original.gid);
    } catch {
      // Only root may give a file away; otherwise the rewritten file belongs to whoever ran the fix.
    }
  }
  // After the chown, which clears set-id bits; and openSync's mode was filtered by the umask.
  fs.fchmodSync(descriptor, original.mode & 0o7777);
}
