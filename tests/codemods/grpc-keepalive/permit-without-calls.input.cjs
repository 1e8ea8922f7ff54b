// codemod-options: {"keepalive-permit-without-calls": true, "keepalive-time-ms": 600000}
'use strict'
const grpc = require('@grpc/grpc-js')
const proto = grpc.loadPackageDefinition(require('./users-definition'))

const users = new proto.users.Users('users:50051', grpc.credentials.createInsecure())

module.exports = { users }
