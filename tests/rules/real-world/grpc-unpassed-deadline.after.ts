import * as grpc from '@grpc/grpc-js';

export interface GrpcClientOptions {
  endpoint: string;
  definition: grpc.GrpcObject;
  deadlineMs: number;
}

type Reply = (error: Error | null, response?: unknown) => void;

export class GrpcClientActor {
  private readonly client;

  constructor(private readonly options: GrpcClientOptions) {
    const proto = options.definition as any;
    this.client = new proto.broker.Broker(options.endpoint, grpc.credentials.createInsecure(), {
      // Not part of the deadline fix: the pair keeps its client's keepalive out of the picture.
      'grpc.keepalive_time_ms': 300_000,
      'grpc.keepalive_timeout_ms': 10_000,
    });
  }

  invokeUnary(request: unknown, reply: Reply): void {
    this.client.publish(request, { deadline: Date.now() + this.options.deadlineMs }, (error: Error | null, response: unknown) => reply(error, response));
  }

  endpointLabel(): string {
    return `grpc://${this.options.endpoint}`;
  }

  close(): void {
    this.client.close();
  }
}
