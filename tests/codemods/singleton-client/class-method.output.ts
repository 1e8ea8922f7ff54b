import * as grpc from '@grpc/grpc-js';

let client: grpc.Client | undefined;

function getClient(): grpc.Client {
  return (client ??= new grpc.Client('billing:50051', grpc.credentials.createInsecure()));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
export function closeClient(): void {
  client?.close();
  client = undefined;
}

export class BillingService {
  private readonly client = getClient();
  async charge(orderId: string): Promise<string> {
    const client = this.client;
    client.getChannel();
    return orderId;
  }
}
