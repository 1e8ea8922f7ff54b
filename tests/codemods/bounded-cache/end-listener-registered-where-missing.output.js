const { EventEmitter } = require('node:events');

class User extends EventEmitter {
  constructor(id, serverId) {
    super();
    this.id = id;
    this.serverId = serverId;
  }
}

// Local users leave the index when destroyed; users looked up on other servers never do (playnetwork).
class Users extends EventEmitter {
  constructor() {
    super();
    this._index = new Map();
  }

  add(user) {
    this._index.set(user.id, user);
    user.once('destroy', () => {
      this._index.delete(user.id);
      this.emit('disconnect', user);
    });
  }

  async get(id, lookup) {
    if (!this._index.has(id)) {
      const serverId = await lookup(id);
      if (!serverId) return null;
      const user = new User(id, serverId);
      this._index.set(user.id, user);
      user.once('destroy', () => this._index.delete(user.id));
    }
    return this._index.get(id);
  }
}

module.exports = { users: new Users() };
