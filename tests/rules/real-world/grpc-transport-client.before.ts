// timostamm/protobuf-ts, packages/grpc-transport/src/grpc-transport.ts — https://github.com/timostamm/protobuf-ts/issues/107
// GrpcTransport built a @grpc/grpc-js Client (and with it a channel and its HTTP/2 connections) on
// every call and never closed it: 1000 unary calls, 1000 clients that the garbage collector could
// not free. The fix creates the client once in the constructor and closes it in close().
// Rule: leakguard/no-client-per-call
import { Client, Metadata, type CallOptions, type ChannelCredentials, type ClientOptions, type ServiceError } from '@grpc/grpc-js';

export interface GrpcOptions {
  host: string;
  channelCredentials: ChannelCredentials;
  clientOptions?: ClientOptions;
  timeout?: number;
}

export class GrpcTransport {
  private readonly defaultOptions: GrpcOptions;

  constructor(defaultOptions: GrpcOptions) {
    this.defaultOptions = defaultOptions;
  }

  private pickCallOptions(options: GrpcOptions): CallOptions {
    return typeof options.timeout === 'number' ? { deadline: Date.now() + options.timeout } : {};
  }

  unary(path: string, input: Buffer, options: GrpcOptions = this.defaultOptions): Promise<Buffer> {
    const client = new Client(options.host, options.channelCredentials, options.clientOptions);
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest<Buffer, Buffer>(
        path,
        (value) => value,
        (value) => value,
        input,
        new Metadata(),
        this.pickCallOptions(options),
        (err: ServiceError | null, value?: Buffer) => (err ? reject(err) : resolve(value ?? Buffer.alloc(0))),
      );
    });
  }
}
