// codemod-options: {"keepalive-permit-without-calls": true, "keepalive-time-ms": 600000}
'use strict'
const grpc = require('@grpc/grpc-js')
const proto = grpc.loadPackageDefinition(require('./users-definition'))

const users = new proto.users.Users('users:50051', grpc.credentials.createInsecure(), { 'grpc.keepalive_time_ms': 600000, 'grpc.keepalive_timeout_ms': 10000, 'grpc.keepalive_permit_without_calls': 1 })

module.exports = { users }
