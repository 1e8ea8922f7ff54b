const fs = require('fs');
const util = require('util');

const open = util.promisify(fs.open);
const read = util.promisify(fs.read);
const close = util.promisify(fs.close);

async function firstByte(path) {
  const fd = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1);
    const { bytesRead } = await read(fd, buffer, 0, 1, 0);
    if (bytesRead === 0) return null;
    return buffer[0];
  } finally {
    await close(fd);
  }
}

module.exports = { firstByte };
