const fs = require('node:fs');

class AuditLog {
  constructor(path) {
    this.out = fs.createWriteStream(path, { flags: 'a' });
    this.closed = false;
  }

  write(line) {
    this.out.write(`${line}\n`);
  }

  async close() {
    this.closed = true;
    this.out.end();
  }
}

module.exports = { AuditLog };
