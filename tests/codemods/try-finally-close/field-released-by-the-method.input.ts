import { open, type FileHandle } from 'node:fs/promises';

export class ReportReader {
  private file: FileHandle | undefined;

  async firstLine(path: string): Promise<string> {
    this.file = await open(path);
    const { buffer, bytesRead } = await this.file.read(Buffer.alloc(256), 0, 256, 0);
    const line = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0];
    await this.close();
    return line;
  }

  async close(): Promise<void> {
    await this.file?.close();
    this.file = undefined;
  }
}
