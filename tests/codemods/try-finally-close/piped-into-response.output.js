const fs = require('fs');
const http = require('http');

http
  .createServer((req, res) => {
    const stream = fs.createReadStream('index.html');
    stream.on('error', () => res.end());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  })
  .listen(0);
