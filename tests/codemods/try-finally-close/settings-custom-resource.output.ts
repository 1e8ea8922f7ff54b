// codemod-options: {"settings":{"resources":[{"description":"UDP socket","kind":"handle","types":[{"from":"package","package":"dgram","name":"Socket"}],"factories":[{"from":"package","package":"dgram","name":"createSocket"}],"releases":[{"method":"close"}]}]}}
import dgram from 'node:dgram';

/** statsd counter over UDP. */
export async function increment(host: string, metric: string): Promise<void> {
  const socket = dgram.createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.send(`${metric}:1|c`, 8125, host, (error) => (error ? reject(error) : resolve()));
    });
  } finally {
    socket.close();
  }
}
