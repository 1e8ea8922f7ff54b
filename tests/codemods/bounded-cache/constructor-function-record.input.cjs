'use strict';
const { randomUUID } = require('node:crypto');

function Connection(socket) {
  this.socket = socket;
  this.executeHandlers = {};
}

Connection.prototype.execute = function (app, cb) {
  const eventUuid = randomUUID();
  this.executeHandlers[eventUuid] = cb;
  this.socket.write(eventUuid + ' ' + app);
};

Connection.prototype.onEvent = function (uuid, event) {
  if (this.executeHandlers[uuid]) this.executeHandlers[uuid](event);
};

module.exports = Connection;
