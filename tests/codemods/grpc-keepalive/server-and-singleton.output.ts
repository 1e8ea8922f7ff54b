import * as grpc from '@grpc/grpc-js';

// The server pings a quiet connection only after two hours.
export const server = new grpc.Server({ 'grpc.keepalive_time_ms': 300000, 'grpc.keepalive_timeout_ms': 10000 });

let client: grpc.Client | undefined;

function getClient(): grpc.Client {
  return (client ??= new grpc.Client('billing:50051', grpc.credentials.createInsecure(), { 'grpc.keepalive_time_ms': 300000, 'grpc.keepalive_timeout_ms': 10000 }));
}

export function channelState(): grpc.connectivityState {
  return getClient().getChannel().getConnectivityState(false);
}
