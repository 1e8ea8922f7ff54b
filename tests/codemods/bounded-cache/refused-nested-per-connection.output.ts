import * as net from 'node:net';

/* leakguard-todo(bounded-cache): it is the collections kept under each key that grow (`lockIds.get(socket)?.add(request.id)`), and what reads them decides whether their entries may go: bound or prune them where they grow, or drop them if nothing reads them */
const lockIds = new Map<net.Socket, Set<string>>();

export const broker = net.createServer((socket) => {
  lockIds.set(socket, new Set());
  socket.on('data', (chunk) => {
    const request = JSON.parse(chunk.toString()) as { id: string };
    lockIds.get(socket)?.add(request.id);
  });
  socket.once('close', () => lockIds.delete(socket));
});
