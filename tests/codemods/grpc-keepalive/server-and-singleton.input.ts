import * as grpc from '@grpc/grpc-js';

// The server pings a quiet connection only after two hours.
export const server = new grpc.Server();

let client: grpc.Client | undefined;

function getClient(): grpc.Client {
  return (client ??= new grpc.Client('billing:50051', grpc.credentials.createInsecure()));
}

export function channelState(): grpc.connectivityState {
  return getClient().getChannel().getConnectivityState(false);
}
