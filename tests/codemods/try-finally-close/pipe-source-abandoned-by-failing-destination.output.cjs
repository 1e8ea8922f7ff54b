const fs = require('fs');
const zlib = require('zlib');

// A corrupt archive fails the gunzip stream: pipe() stops reading the file and leaves it open.
function isArchive(path, callback) {
  const stream = fs.createReadStream(path);
  stream
    .pipe(zlib.createGunzip())
    .on('error', () => { stream.destroy(); callback(false); })
    .on('end', () => callback(true));
}

function countLines(path, callback) {
  const input = fs.createReadStream(path);
  let lines = 0;
  input
    .pipe(zlib.createGunzip())
    .on('error', function (error) {
      input.destroy();
      callback(error);
    })
    .on('data', (chunk) => {
      lines += chunk.toString().split('\n').length - 1;
    })
    .on('end', () => callback(null, lines));
}

module.exports = { isArchive, countLines };
