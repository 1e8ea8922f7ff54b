import { once } from 'node:events';
import WebSocket from 'ws';

// Not a resource the registry lists: the function's own close() says it holds a connection.
export async function ping(url: string): Promise<void> {
  const socket = new WebSocket(url);
  await once(socket, 'open');
  socket.send('ping');
  socket.close();
}
