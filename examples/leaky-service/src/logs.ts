import * as fs from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * The last `maxBytes` of the service log, for the /debug/log endpoint.
 *
 * LEAK (require-close: not released on every path): a freshly rotated, empty log takes the early
 * return and its descriptor is never closed. Monitoring polls this endpoint every few seconds.
 */
export function tailLog(path: string, maxBytes = 64 * 1024): string {
  const fd = fs.openSync(path, 'r');
  const { size } = fs.fstatSync(fd);
  if (size === 0) return '';
  const length = Math.min(size, maxBytes);
  const buffer = Buffer.alloc(length);
  fs.readSync(fd, buffer, 0, length, size - length);
  fs.closeSync(fd);
  return buffer.toString('utf8');
}

/**
 * OK: `open` hands the handle to the caller through the returned AccessLog, which keeps it for the
 * life of the process; `close()` is the caller's job at shutdown.
 */
export class AccessLog {
  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<AccessLog> {
    const handle = await open(path, 'a');
    return new AccessLog(handle);
  }

  async write(method: string, url: string, status: number): Promise<void> {
    await this.handle.appendFile(`${new Date().toISOString()} ${method} ${url} ${status}\n`);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
