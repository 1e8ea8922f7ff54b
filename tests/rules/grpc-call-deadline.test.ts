import rule from '../../rules/grpc-call-deadline';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/** A generated client as proto-loader-gen-types and grpc_tools_node_protoc_ts write it: an interface over grpc.Client, every overload. */
const generated = `
import * as grpc from '@grpc/grpc-js';
interface HelloRequest { name: string }
interface HelloReply { message: string }
type Done = (error: grpc.ServiceError | null, reply?: HelloReply) => void;
interface GreeterClient extends grpc.Client {
  sayHello(argument: HelloRequest, callback: Done): grpc.ClientUnaryCall;
  sayHello(argument: HelloRequest, metadata: grpc.Metadata, callback: Done): grpc.ClientUnaryCall;
  sayHello(argument: HelloRequest, options: Partial<grpc.CallOptions>, callback: Done): grpc.ClientUnaryCall;
  sayHello(argument: HelloRequest, metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: Done): grpc.ClientUnaryCall;
  watch(argument: HelloRequest, options?: Partial<grpc.CallOptions>): grpc.ClientReadableStream<HelloReply>;
  watch(argument: HelloRequest, metadata?: grpc.Metadata, options?: Partial<grpc.CallOptions>): grpc.ClientReadableStream<HelloReply>;
  upload(metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: Done): grpc.ClientWritableStream<HelloRequest>;
  upload(options: Partial<grpc.CallOptions>, callback: Done): grpc.ClientWritableStream<HelloRequest>;
  upload(callback: Done): grpc.ClientWritableStream<HelloRequest>;
}
declare const client: GreeterClient;
const done: Done = () => {};
`;

const service = `{ sayHello: { path: '/hello.Greeter/SayHello', requestStream: false, responseStream: false, requestSerialize: (value: unknown) => Buffer.from(JSON.stringify(value)), requestDeserialize: (bytes: Buffer) => JSON.parse(String(bytes)), responseSerialize: (value: unknown) => Buffer.from(JSON.stringify(value)), responseDeserialize: (bytes: Buffer) => JSON.parse(String(bytes)) } }`;

typedRuleTester().run('grpc-call-deadline (typed)', rule, {
  valid: [
    { name: 'a unary call with a deadline in its options', code: `${generated}client.sayHello({ name: 'a' }, { deadline: Date.now() + 5_000 }, done);` },
    { name: 'metadata and options with a deadline', code: `${generated}client.sayHello({ name: 'a' }, new grpc.Metadata(), { deadline: new Date(Date.now() + 5_000) }, done);` },
    { name: 'options the caller passes in (they may carry a deadline)', code: `${generated}export function hello(options: grpc.CallOptions) { client.sayHello({ name: 'a' }, options, done); }` },
    { name: 'options with an interceptor (it may set the deadline)', code: `${generated}declare const withTimeout: grpc.Interceptor;\nclient.watch({ name: 'a' }, { interceptors: [withTimeout] });` },
    { name: 'a local options object that gets its deadline before the call', code: `${generated}const options: grpc.CallOptions = {};\noptions.deadline = Date.now() + 1_000;\nclient.sayHello({ name: 'a' }, options, done);` },
    { name: 'the client’s own methods are no RPCs', code: `${generated}client.close(); client.waitForReady(Date.now() + 1_000, () => {});` },
    {
      name: 'a wrapper method with a body is not the RPC: the call inside it is',
      code: `${generated}class Greeter { hello(options: grpc.CallOptions): grpc.ClientUnaryCall { return client.sayHello({ name: 'a' }, options, done); } }\nnew Greeter().hello({});`,
    },
    {
      name: 'a generic client built with a service config that sets a timeout',
      code: `import * as grpc from '@grpc/grpc-js';
const Greeter = grpc.makeGenericClientConstructor(${service}, 'Greeter');
const serviceConfig = { methodConfig: [{ name: [{ service: 'hello.Greeter' }], timeout: '5s' }] };
const greeter = new Greeter('localhost:50051', grpc.credentials.createInsecure(), { 'grpc.service_config': JSON.stringify(serviceConfig) });
greeter.sayHello({ name: 'a' }, () => {});`,
    },
    {
      name: 'a call its maker cancels on an abort signal (nice-grpc’s deadlines)',
      code: `${generated}export function watch(signal: AbortSignal) {\n  const call = client.watch({ name: 'a' });\n  signal.addEventListener('abort', () => call.cancel());\n  return call;\n}`,
    },
    {
      name: 'a call inside a deadline wrapper named in the settings',
      code: `${generated}declare function withDeadline<T>(call: (options: grpc.CallOptions) => T): T;\nwithDeadline(() => client.sayHello({ name: 'a' }, done));`,
      settings: { leakguard: { deadlineWrappers: [{ name: 'withDeadline' }] } },
    },
  ],
  invalid: [
    { name: 'a unary call with a callback only', code: `${generated}client.sayHello({ name: 'a' }, done);`, errors: [{ messageId: 'noDeadline', data: { method: 'sayHello' } }] },
    { name: 'metadata but no options', code: `${generated}client.sayHello({ name: 'a' }, new grpc.Metadata(), done);`, errors: [{ messageId: 'noDeadline' }] },
    { name: 'options without a deadline', code: `${generated}client.sayHello({ name: 'a' }, { host: 'a.example' }, done);`, errors: [{ messageId: 'noDeadline' }] },
    { name: 'a local empty options object', code: `${generated}const options: grpc.CallOptions = {};\nclient.sayHello({ name: 'a' }, options, done);`, errors: [{ messageId: 'noDeadline' }] },
    { name: 'a server-streaming call', code: `${generated}client.watch({ name: 'a' }).on('data', () => {});`, errors: [{ messageId: 'streamWithoutDeadline', data: { kind: 'server-streaming', method: 'watch' } }] },
    { name: 'a client-streaming call with a callback only', code: `${generated}const upload = client.upload(done);\nupload.end();`, errors: [{ messageId: 'streamWithoutDeadline', data: { kind: 'client-streaming', method: 'upload' } }] },
    {
      name: 'a deadline the function receives and never passes',
      code: `${generated}export function hello(name: string, deadline: Date) { client.sayHello({ name }, done); }`,
      errors: [{ messageId: 'deadlineNotPassed', data: { name: 'deadline', method: 'sayHello' } }],
    },
    {
      name: 'grpc-js’s raw unary request',
      code: `import * as grpc from '@grpc/grpc-js';
export class Greeter extends grpc.Client {
  hello(name: string, callback: grpc.requestCallback<string>) {
    return this.makeUnaryRequest('/hello.Greeter/SayHello', (value: string) => Buffer.from(value), String, name, new grpc.Metadata(), callback);
  }
}`,
      errors: [{ messageId: 'noDeadline', data: { method: 'makeUnaryRequest' } }],
    },
    {
      name: 'a makeGenericClientConstructor client’s method',
      code: `import * as grpc from '@grpc/grpc-js';
const Greeter = grpc.makeGenericClientConstructor(${service}, 'Greeter');
const greeter = new Greeter('localhost:50051', grpc.credentials.createInsecure());
greeter.sayHello({ name: 'a' }, () => {});`,
      errors: [{ messageId: 'noDeadline', data: { method: 'sayHello' } }],
    },
    {
      name: 'a loadPackageDefinition client',
      code: `import * as grpc from '@grpc/grpc-js';
declare const definition: grpc.GrpcObject;
const proto = definition as any;
const greeter = new proto.hello.Greeter('localhost:50051', grpc.credentials.createInsecure());
export function hello(name: string) { greeter.sayHello({ name }, () => {}); }`,
      errors: [{ messageId: 'noDeadline' }],
    },
  ],
});

untypedRuleTester().run('grpc-call-deadline (untyped)', rule, {
  valid: [
    {
      name: 'a loadPackageDefinition client’s call with a deadline',
      code: `const grpc = require('@grpc/grpc-js');
const proto = grpc.loadPackageDefinition(require('./definition'));
const client = new proto.hello.Greeter('localhost:50051', grpc.credentials.createInsecure());
client.sayHello({ name: 'a' }, { deadline: Date.now() + 5000 }, () => {});`,
    },
    {
      name: 'metadata and options it cannot see (they may carry a deadline)',
      code: `const grpc = require('@grpc/grpc-js');
const client = new grpc.Client('localhost:50051', grpc.credentials.createInsecure());
function hello(request, metadata, options, callback) { client.sayHello(request, metadata, options, callback); }`,
    },
    {
      name: 'a client built with interceptors',
      code: `import * as grpc from '@grpc/grpc-js';
import { GreeterClient } from './generated/greeter_grpc_pb';
import { deadlineInterceptor } from './interceptors';
const client = new GreeterClient('localhost:50051', grpc.credentials.createInsecure(), { interceptors: [deadlineInterceptor] });
client.sayHello(request, () => {});`,
    },
    {
      name: 'a client-streaming call given options by name',
      code: `import * as grpc from '@grpc/grpc-js';
import { GreeterClient } from './generated/greeter_grpc_pb';
const client = new GreeterClient('localhost:50051', grpc.credentials.createInsecure());
export function upload(callOptions, done) { return client.upload(callOptions, done); }`,
    },
    {
      name: 'methods of other objects and the client’s own',
      code: `import * as grpc from '@grpc/grpc-js';
const client = new grpc.Client('localhost:50051', grpc.credentials.createInsecure());
db.query('select 1', () => {});
client.close();`,
    },
    {
      name: 'a file that does not import grpc-js',
      code: `client.sayHello({ name: 'a' }, () => {});`,
    },
  ],
  invalid: [
    {
      name: 'a loadPackageDefinition client’s unary call with a callback only',
      code: `const grpc = require('@grpc/grpc-js');
const proto = grpc.loadPackageDefinition(require('./definition'));
const client = new proto.hello.Greeter('localhost:50051', grpc.credentials.createInsecure());
client.sayHello({ name: 'a' }, (error, reply) => {});`,
      errors: [{ messageId: 'noDeadline', data: { method: 'sayHello' } }],
    },
    {
      name: 'a generated client’s call with a request variable and metadata',
      code: `import * as grpc from '@grpc/grpc-js';
import { GreeterClient } from './generated/greeter_grpc_pb';
const credentials = grpc.credentials.createInsecure();
const client = new GreeterClient('localhost:50051', credentials);
export function hello(request, callback) { client.sayHello(request, new grpc.Metadata(), callback); }`,
      errors: [{ messageId: 'noDeadline' }],
    },
    {
      name: 'options without a deadline',
      code: `import * as grpc from '@grpc/grpc-js';
import { GreeterClient } from './generated/greeter_grpc_pb';
const client = new GreeterClient('localhost:50051', grpc.credentials.createInsecure());
const options = { host: 'greeter.internal' };
client.sayHello({ name: 'a' }, options, () => {});`,
      errors: [{ messageId: 'noDeadline' }],
    },
    {
      name: 'a computed deadline that never reaches the call',
      code: `import * as grpc from '@grpc/grpc-js';
import { GreeterClient } from './generated/greeter_grpc_pb';
class Greeter {
  constructor() { this.client = new GreeterClient('localhost:50051', grpc.credentials.createInsecure()); }
  hello(name, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => this.client.sayHello({ name }, (error, reply) => (error ? reject(error) : resolve(reply))));
  }
}`,
      errors: [{ messageId: 'deadlineNotPassed', data: { name: 'deadline', method: 'sayHello' } }],
    },
    {
      name: 'a raw bidi stream request without options',
      code: `const grpc = require('@grpc/grpc-js');
class Chat extends grpc.Client {
  chat() { return this.makeBidiStreamRequest('/chat.Chat/Chat', Buffer.from, (b) => b, new grpc.Metadata()); }
}`,
      errors: [{ messageId: 'streamWithoutDeadline', data: { kind: 'bidirectional-streaming', method: 'makeBidiStreamRequest' } }],
    },
  ],
});
