'use strict';
const { randomUUID } = require('node:crypto');
const { LRUCache } = require('lru-cache');

function Connection(socket) {
  this.socket = socket;
  /** @type {LRUCache<any, any>} */
  this.executeHandlers = new LRUCache({ max: 1000 });
}

Connection.prototype.execute = function (app, cb) {
  const eventUuid = randomUUID();
  this.executeHandlers.set(eventUuid, cb);
  this.socket.write(eventUuid + ' ' + app);
};

Connection.prototype.onEvent = function (uuid, event) {
  if (this.executeHandlers.get(uuid)) this.executeHandlers.get(uuid)(event);
};

module.exports = Connection;
