import * as grpc from '@grpc/grpc-js';

export function charge(tenant: { address: string }, orderId: string): string {
  /* leakguard-todo(singleton-client): its arguments use `tenant`, a value of this call: one shared client cannot serve every caller; keep one client per key (a Map) or pass the client in */
  const client = new grpc.Client(tenant.address, grpc.credentials.createInsecure());
  client.getChannel();
  return orderId;
}
