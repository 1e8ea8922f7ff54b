const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const definition = protoLoader.loadSync('users.proto');
const proto = grpc.loadPackageDefinition(definition);
const users = new proto.users.Users('users:50051', grpc.credentials.createInsecure());

function getUser(id, callback) {
  users.getUser({ id }, callback);
}

function getUserAs(id, metadata, callback) {
  users.getUser({ id }, metadata, { host: 'users.internal' }, (error, user) => callback(error, user));
}

function findUser(name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    users.findUser({ name }, (error, user) => (error ? reject(error) : resolve(user)));
  });
}

function watchUsers(onUser) {
  const stream = users.watchUsers({});
  stream.on('data', onUser);
  return stream;
}

module.exports = { getUser, getUserAs, findUser, watchUsers };
