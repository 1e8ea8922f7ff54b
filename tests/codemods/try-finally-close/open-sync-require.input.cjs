'use strict';

const fs = require('fs');

function readMagicNumber(path) {
  const fd = fs.openSync(path, 'r');
  const header = Buffer.alloc(4);
  fs.readSync(fd, header, 0, 4, 0);
  fs.closeSync(fd);
  return header.readUInt32BE(0);
}

function appendLine(path, line) {
  const fd = fs.openSync(path, 'a');
  fs.writeSync(fd, `${line}\n`);
}

module.exports = { readMagicNumber, appendLine };
