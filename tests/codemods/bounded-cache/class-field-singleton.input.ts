import type { IncomingMessage } from 'node:http';

class ConnectionThrottle {
  private readonly attempts = new Map<string, number>();

  connectionsByIp: Map<string, number[]> = new Map();

  onConnect(request: IncomingMessage): boolean {
    const ip = request.socket.remoteAddress ?? '';
    const count = (this.attempts.get(ip) ?? 0) + 1;
    this.attempts.set(ip, count);
    const recent = this.connectionsByIp.get(ip) ?? [];
    recent.push(Date.now());
    this.connectionsByIp.set(ip, recent);
    return count > 10;
  }
}

export const throttle = new ConnectionThrottle();
