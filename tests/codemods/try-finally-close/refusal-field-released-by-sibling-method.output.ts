import { Client } from 'basic-ftp';

export class Publisher {
  private client: Client | undefined;

  async publish(host: string, file: string): Promise<void> {
    /* leakguard-todo(try-finally-close): it is kept in `this.client`, which the method releases itself; release it in a `finally` (or a `catch` that rethrows) around the statements after it is assigned */
    this.client = new Client();
    await this.client.access({ host });
    await this.client.uploadFrom(file, file);
    this.stop();
  }

  stop(): void {
    this.client?.close();
    this.client = undefined;
  }
}
