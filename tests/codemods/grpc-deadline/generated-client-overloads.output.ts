// codemod-typed-only: which argument is the call options, and what kind of call it is, comes from the generated client's overloads
// codemod-options: {"stream-deadline-ms":3600000}
import * as grpc from '@grpc/grpc-js';

interface HelloRequest { name: string }
interface HelloReply { message: string }
type Done = (error: grpc.ServiceError | null, reply?: HelloReply) => void;
export interface GreeterClient extends grpc.Client {
  sayHello(argument: HelloRequest, callback: Done): grpc.ClientUnaryCall;
  sayHello(argument: HelloRequest, metadata: grpc.Metadata, callback: Done): grpc.ClientUnaryCall;
  sayHello(argument: HelloRequest, options: Partial<grpc.CallOptions>, callback: Done): grpc.ClientUnaryCall;
  sayHello(argument: HelloRequest, metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: Done): grpc.ClientUnaryCall;
  watch(argument: HelloRequest, options?: Partial<grpc.CallOptions>): grpc.ClientReadableStream<HelloReply>;
  watch(argument: HelloRequest, metadata?: grpc.Metadata, options?: Partial<grpc.CallOptions>): grpc.ClientReadableStream<HelloReply>;
}

export function hello(client: GreeterClient, name: string, done: Done): void {
  client.sayHello({ name }, new grpc.Metadata(), { deadline: Date.now() + 10000 }, done);
}

export function helloVia(client: GreeterClient, name: string, done: Done): void {
  const options: grpc.CallOptions = {};
  /* leakguard-todo(grpc-deadline): the call options come from `options`: give them a `deadline` where they are made */
  client.sayHello({ name }, options, done);
}

export function watch(client: GreeterClient, name: string): grpc.ClientReadableStream<HelloReply> {
  return client.watch({ name }, { deadline: Date.now() + 3600000 });
}
