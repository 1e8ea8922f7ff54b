// Each room is sent its frame on every tick: the order rooms are visited in does not matter.
import type { WebSocket } from 'ws';
import { LRUCache } from 'lru-cache';

interface Room {
  buffer: string;
  sockets: Set<WebSocket>;
}

const rooms: LRUCache<string, Room> = new LRUCache<string, Room>({ max: 1000 });

export function join(name: string, ws: WebSocket): void {
  const room = rooms.get(name) ?? { buffer: '', sockets: new Set<WebSocket>() };
  room.sockets.add(ws);
  rooms.set(name, room);
}

setInterval(() => {
  for (const room of [...rooms.values()]) {
    for (const ws of room.sockets) ws.send(room.buffer);
  }
}, 1000 / 30);
