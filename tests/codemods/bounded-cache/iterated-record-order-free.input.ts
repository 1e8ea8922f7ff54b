// Each room is sent its frame on every tick: the order rooms are visited in does not matter.
import type { WebSocket } from 'ws';

interface Room {
  buffer: string;
  sockets: Set<WebSocket>;
}

const rooms: Record<string, Room> = {};

export function join(name: string, ws: WebSocket): void {
  const room = rooms[name] ?? { buffer: '', sockets: new Set<WebSocket>() };
  room.sockets.add(ws);
  rooms[name] = room;
}

setInterval(() => {
  for (const room of Object.values(rooms)) {
    for (const ws of room.sockets) ws.send(room.buffer);
  }
}, 1000 / 30);
