const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const definition = protoLoader.loadSync('users.proto');
const proto = grpc.loadPackageDefinition(definition);
const users = new proto.users.Users('users:50051', grpc.credentials.createInsecure());

function getUser(id, callback) {
  users.getUser({ id }, { deadline: Date.now() + 10000 }, callback);
}

function getUserAs(id, metadata, callback) {
  users.getUser({ id }, metadata, { deadline: Date.now() + 10000, host: 'users.internal' }, (error, user) => callback(error, user));
}

function findUser(name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    users.findUser({ name }, { deadline }, (error, user) => (error ? reject(error) : resolve(user)));
  });
}

function watchUsers(onUser) {
  /* leakguard-todo(grpc-deadline): a streaming call that may be meant to stay open (a watch, a subscription) gets no blanket deadline: pass one that fits it, or run again with --stream-deadline-ms; keep keepalive on its channel and cancel it when its consumer goes away */
  const stream = users.watchUsers({});
  stream.on('data', onUser);
  return stream;
}

module.exports = { getUser, getUserAs, findUser, watchUsers };
