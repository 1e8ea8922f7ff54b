import * as net from 'node:net';

const lockIds = new Map<net.Socket, Set<string>>();

export const broker = net.createServer((socket) => {
  lockIds.set(socket, new Set());
  socket.on('data', (chunk) => {
    const request = JSON.parse(chunk.toString()) as { id: string };
    lockIds.get(socket)?.add(request.id);
  });
  socket.once('close', () => lockIds.delete(socket));
});
