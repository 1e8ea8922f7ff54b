import { createReadStream } from 'node:fs';
import http from 'node:http';

http
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const stream = createReadStream('index.html');
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  })
  .listen(0);
