'use strict'
const grpc = require('@grpc/grpc-js')

function lookup(id) {
  const client = new grpc.Client('users:50051', grpc.credentials.createInsecure())
  client.getChannel()
  return id
}

module.exports = { lookup }
