import { createGunzip } from 'node:zlib';
import type { IncomingMessage } from 'node:http';

export function decodedBody(response: IncomingMessage, onText: (text: string) => void): void {
  if (response.headers['content-encoding'] === 'gzip') {
    const gunzip = createGunzip();
    gunzip.setEncoding('utf8');
    gunzip.on('data', onText);
    response.on('error', (error) => gunzip.destroy(error));
    response.pipe(gunzip);
  } else {
    response.setEncoding('utf8');
    response.on('data', onText);
  }
}
