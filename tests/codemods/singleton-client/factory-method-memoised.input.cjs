const Redis = require('ioredis');

class SessionStore {
  constructor(options) {
    this.options = options;
  }

  createClient() {
    return new Redis({ host: this.options.host, port: this.options.port, lazyConnect: true });
  }

  async get(id) {
    const raw = await this.createClient().get(`session:${id}`);
    return raw ? JSON.parse(raw) : undefined;
  }
}

module.exports = { SessionStore };
