import { spawn, type ChildProcess } from 'node:child_process';

export class CodeServer {
  private process: ChildProcess | null = null;

  async start(port: number, healthy: (port: number) => Promise<void>): Promise<number> {
    try {
      this.process = spawn('code-server', ['--port', String(port)]);
      await healthy(port);
      return port;
    } catch (error) {
      this.process = null;
      throw error;
    }
  }

  stop(): void {
    this.process?.kill();
    this.process = null;
  }
}
