'use strict'
const grpc = require('@grpc/grpc-js')

let client

function getClient() {
  return (client ??= new grpc.Client('users:50051', grpc.credentials.createInsecure()))
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
function closeClient() {
  client?.close()
  client = undefined
}

function lookup(id, client = getClient()) {
  client.getChannel()
  return id
}

module.exports = { lookup }
module.exports.closeClient = closeClient
