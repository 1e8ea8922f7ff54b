'use strict';

const fs = require('fs');

function readMagicNumber(path) {
  const fd = fs.openSync(path, 'r');
  try {
    const header = Buffer.alloc(4);
    fs.readSync(fd, header, 0, 4, 0);
    return header.readUInt32BE(0);
  } finally {
    fs.closeSync(fd);
  }
}

function appendLine(path, line) {
  const fd = fs.openSync(path, 'a');
  try {
    fs.writeSync(fd, `${line}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { readMagicNumber, appendLine };
