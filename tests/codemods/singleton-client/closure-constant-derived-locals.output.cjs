'use strict';
const grpc = require('@grpc/grpc-js');

// The handler's locals are computed from the node's configuration only, the same on every message:
// one client per node serves every message with the arguments it would have used.
module.exports = function register(RED) {
  function CallNode(config) {
    RED.nodes.createNode(this, config);
    const server = RED.nodes.getNode(config.server);
    let sharedClient;
    this.on('input', (msg, send, done) => {
      const proto = grpc.loadPackageDefinition(server.packageDefinition)[server.packageName];
      const address = `${server.host}:${server.port}`;
      const client = (sharedClient ??= new proto[config.service](address, grpc.credentials.createInsecure()));
      client[config.method](msg.payload, (err, response) => {
        if (err) return done(err);
        send({ ...msg, payload: response });
        done();
      });
    });
  }
  RED.nodes.registerType('grpc-call', CallNode);
};
