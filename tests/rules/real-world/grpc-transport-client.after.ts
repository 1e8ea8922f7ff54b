import { Client, Metadata, type CallOptions, type ChannelCredentials, type ClientOptions, type ServiceError } from '@grpc/grpc-js';

export interface GrpcOptions {
  host: string;
  channelCredentials: ChannelCredentials;
  clientOptions?: ClientOptions;
  timeout?: number;
}

export class GrpcTransport {
  private readonly defaultOptions: GrpcOptions;
  private readonly client: Client;

  constructor(defaultOptions: GrpcOptions) {
    this.defaultOptions = defaultOptions;
    this.client = new Client(defaultOptions.host, defaultOptions.channelCredentials, defaultOptions.clientOptions);
  }

  private pickCallOptions(options: GrpcOptions): CallOptions {
    return typeof options.timeout === 'number' ? { deadline: Date.now() + options.timeout } : {};
  }

  unary(path: string, input: Buffer, options: GrpcOptions = this.defaultOptions): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest<Buffer, Buffer>(
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

  close(): void {
    this.client.close();
  }
}
