'use strict';
const net = require('node:net');

// A timeout only reports that the socket is idle: what ends it is the listener's decision.
function Broker(port) {
  this.port = port;
  this.socket = null;
}

Broker.prototype.open = function (callback) {
  const self = this;
  /* leakguard-todo(try-finally-close): a 'timeout' listener must decide what ends the socket; call `.destroy()` (or `.end()`) in it */
  self.socket = net.createConnection(self.port, '127.0.0.1');
  self.socket.setTimeout(5000);
  self.socket.on('timeout', function () {
    callback(new Error('connect ETIMEDOUT'));
  });
  self.socket.once('data', function () {
    callback();
  });
};

module.exports = Broker;
