const fs = require('fs');
const http = require('http');

http
  .createServer((req, res) => {
    /* leakguard-todo(try-finally-close): `.pipe(res)` does not destroy it when `res` closes early; use `pipeline()` from 'node:stream', or destroy it on `res`'s 'close' */
    const stream = fs.createReadStream('index.html');
    stream.on('error', () => res.end());
    stream.pipe(res);
  })
  .listen(0);
