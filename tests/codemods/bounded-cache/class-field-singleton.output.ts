import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';

class ConnectionThrottle {
  private readonly attempts = new LRUCache<string, number>({ max: 1000 });

  connectionsByIp: LRUCache<string, number[]> = new LRUCache<string, number[]>({ max: 1000 });

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
