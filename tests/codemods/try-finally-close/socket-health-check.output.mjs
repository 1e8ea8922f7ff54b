import { once } from 'node:events';
import net from 'node:net';

/** A Redis-style liveness probe: true when the server answers PING with PONG. */
export async function probe(host, port) {
  const socket = net.connect({ host, port });
  try {
    await once(socket, 'connect');
    socket.write('PING\r\n');
    const [reply] = await once(socket, 'data');
    return String(reply).startsWith('+PONG');
  } finally {
    socket.end();
  }
}
