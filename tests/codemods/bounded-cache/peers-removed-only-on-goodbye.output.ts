// Peers leave only when their announce says `stopped`; the ones that vanish must age out.
import { LRUCache } from 'lru-cache';

export class Swarm {
  private readonly peers = new LRUCache<string, { port: number }>({ max: 1000 });

  announce(params: { peerId: string; port: number; event?: string }): void {
    if (params.event === 'stopped') {
      this.peers.delete(params.peerId);
      return;
    }
    this.peers.set(params.peerId, { port: params.port });
  }

  lookup(peerId: string): { port: number } | undefined {
    return this.peers.get(peerId);
  }
}
