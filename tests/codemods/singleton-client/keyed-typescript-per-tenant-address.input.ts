import * as grpc from '@grpc/grpc-js';

export function charge(tenant: { address: string }, orderId: string): string {
  const client = new grpc.Client(tenant.address, grpc.credentials.createInsecure());
  client.getChannel();
  return orderId;
}
