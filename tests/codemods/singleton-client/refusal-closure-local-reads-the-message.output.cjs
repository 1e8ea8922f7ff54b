'use strict';
const grpc = require('@grpc/grpc-js');

// The address comes from the message: each message may name another server.
module.exports = function register(RED) {
  function CallNode(config) {
    RED.nodes.createNode(this, config);
    const server = RED.nodes.getNode(config.server);
    this.on('input', (msg, send, done) => {
      const proto = grpc.loadPackageDefinition(server.packageDefinition)[server.packageName];
      const address = `${msg.host}:${server.port}`;
      /* leakguard-todo(singleton-client): its arguments use `proto`, computed per call by `grpc.loadPackageDefinition(…)`: one shared client cannot serve every caller; keep one client per key (a Map keyed by the values that tell clients apart), pass the client in, or close it when done */
      const client = new proto[config.service](address, grpc.credentials.createInsecure());
      client[config.method](msg.payload, (err, response) => {
        if (err) return done(err);
        send({ ...msg, payload: response });
        done();
      });
    });
  }
  RED.nodes.registerType('grpc-call', CallNode);
};
