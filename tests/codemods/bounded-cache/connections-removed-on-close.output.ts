import { createServer, type Socket } from 'node:net';

// The sockets are kept to end them on shutdown, but a socket that closed was never let go: the
// handler now removes each one when it closes.
export function startEchoServer(port: number) {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.once('close', () => {
      const index = sockets.indexOf(socket);
      if (index !== -1) sockets.splice(index, 1);
    });
    socket.pipe(socket);
  });
  server.listen(port);
  return {
    stop() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
