// momentohq/client-sdk-javascript — https://github.com/momentohq/client-sdk-javascript/pull/689
// The SDK's data client kept one grpc-js client for the life of the cache client and built it with
// no keepalive options: after a quiet period the connection could be dead without the client
// knowing, and the next calls waited on it. The fix turns on grpc-js keepalive pings for the
// long-lived client. Paraphrased in our own words (Apache-2.0 project, not copied).
// Rule: leakguard/grpc-require-keepalive
import { Client, credentials } from '@grpc/grpc-js';

export interface CacheClientOptions {
  endpoint: string;
  requestTimeoutMs: number;
}

export class DataClient {
  private readonly grpc: Client;

  constructor(private readonly options: CacheClientOptions) {
    this.grpc = new Client(options.endpoint, credentials.createSsl(), {
      'grpc.max_receive_message_length': 5_000_000,
      // Ping an idle connection so a dead one is noticed before the next call waits on it.
      'grpc.keepalive_time_ms': 5_000,
      'grpc.keepalive_timeout_ms': 1_000,
      'grpc.keepalive_permit_without_calls': 1,
    });
  }

  deadline(): Date {
    return new Date(Date.now() + this.options.requestTimeoutMs);
  }

  close(): void {
    this.grpc.close();
  }
}
