import { Client } from 'basic-ftp';

export class Publisher {
  private client: Client | undefined;

  async publish(host: string, file: string): Promise<void> {
    this.client = new Client();
    try {
      await this.client.access({ host });
      await this.client.uploadFrom(file, file);
    } finally {
      this.stop();
    }
  }

  stop(): void {
    this.client?.close();
    this.client = undefined;
  }
}
