import dgram from 'node:dgram';

/** Asks a time server once; the timeout and a send error reject. */
export function query(host: string, port: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      reject(new Error('no answer'));
    }, timeoutMs);
    socket.once('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message);
    });
    socket.send(Buffer.alloc(48), port, host, (error) => {
      if (error) {
        clearTimeout(timer);
        reject(error);
      }
    });
  });
}
