import * as grpc from '@grpc/grpc-js';

const clients = new Map<string, grpc.Client>();

function getClient(tenant: { address: string }): grpc.Client {
  const key = tenant.address;
  let client = clients.get(key);
  if (!client) {
    client = new grpc.Client(tenant.address, grpc.credentials.createInsecure());
    clients.set(key, client);
  }
  return client;
}

/** Closes the shared clients on graceful shutdown; the next `getClient()` creates new ones. */
export function closeClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}

export function charge(tenant: { address: string }, orderId: string): string {
  const client = getClient(tenant);
  client.getChannel();
  return orderId;
}
