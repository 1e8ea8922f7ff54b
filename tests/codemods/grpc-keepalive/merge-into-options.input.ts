import { Channel, Server, credentials } from '@grpc/grpc-js';

const serverOptions = {
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
  'grpc.keepalive_timeout_ms': 5000,
};

export const server = new Server(serverOptions);

export const channel = new Channel('orders:50051', credentials.createInsecure(), { 'grpc.primary_user_agent': 'orders' });

export class Billing {
  private readonly client = new Channel('billing:50051', credentials.createInsecure(), {});
  state(): number {
    return this.client.getConnectivityState(false);
  }
}
