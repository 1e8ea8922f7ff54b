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
    this.client = new proto.broker.Broker(options.endpoint, grpc.credentials.createInsecure());
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
