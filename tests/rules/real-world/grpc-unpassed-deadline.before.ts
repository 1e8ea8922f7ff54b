// pathosDev/actor-ts, src/io/broker/GrpcClientActor.ts — https://github.com/pathosDev/actor-ts/issues/577
// The gRPC client actor had a `deadlineMs` option (builder, config file, validator, a documented 30 s
// default) that none of its call sites passed to grpc-js: every unary, server-streaming and bidi call
// was unbounded, and a server that accepted calls and never answered kept each call and its closure
// alive for ever. The fix passes `{ deadline: Date.now() + deadlineMs }` to every call. (The actor looks
// its methods up by name; here they are called by name, the shape a generated client gives.)
// Rule: leakguard/grpc-call-deadline
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
    this.client.publish(request, (error: Error | null, response: unknown) => reply(error, response));
  }

  endpointLabel(): string {
    return `grpc://${this.options.endpoint}`;
  }

  close(): void {
    this.client.close();
  }
}
