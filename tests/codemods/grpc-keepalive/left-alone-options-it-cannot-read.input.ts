// codemod-unchanged: options the caller chooses may carry keepalive; a per-call client is no-client-per-call's
import * as grpc from '@grpc/grpc-js';

export function connect(address: string, options: grpc.ChannelOptions): grpc.Client {
  return new grpc.Client(address, grpc.credentials.createInsecure(), options);
}

export const server = new grpc.Server({ 'grpc.keepalive_time_ms': 300000 });
