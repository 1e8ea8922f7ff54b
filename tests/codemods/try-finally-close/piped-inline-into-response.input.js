import { createReadStream } from 'node:fs';
import http from 'node:http';

http
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    createReadStream('index.html').pipe(res);
  })
  .listen(0);
