const Redis = require('ioredis');

class SessionStore {
  redis;

  constructor(options) {
    this.options = options;
  }

  createClient() {
    return (this.redis ??= new Redis({ host: this.options.host, port: this.options.port, lazyConnect: true }));
  }

  async get(id) {
    const raw = await this.createClient().get(`session:${id}`);
    return raw ? JSON.parse(raw) : undefined;
  }

  /** Closes this instance's client on graceful shutdown; the next use creates a new one. */
  async closeRedis() {
    const current = this.redis;
    this.redis = undefined;
    await current?.quit();
  }
}

module.exports = { SessionStore };
