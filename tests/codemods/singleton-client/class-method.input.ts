import * as grpc from '@grpc/grpc-js';

export class BillingService {
  async charge(orderId: string): Promise<string> {
    const client = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
    client.getChannel();
    return orderId;
  }
}
