import rule from '../../rules/grpc-require-keepalive';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/** A generated client as proto-loader-gen-types and grpc_tools_node_protoc_ts write it: a class over grpc.Client. */
const generated = `
import * as grpc from '@grpc/grpc-js';
interface HelloRequest { name: string }
interface HelloReply { message: string }
declare class GreeterClient extends grpc.Client {
  watch(argument: HelloRequest, options?: Partial<grpc.CallOptions>): grpc.ClientReadableStream<HelloReply>;
  sayHello(argument: HelloRequest, callback: (error: grpc.ServiceError | null, reply?: HelloReply) => void): grpc.ClientUnaryCall;
}
const credentials = grpc.credentials.createInsecure();
`;

const keepalive = `{ 'grpc.keepalive_time_ms': 300_000, 'grpc.keepalive_timeout_ms': 10_000 }`;

typedRuleTester().run('grpc-require-keepalive (typed)', rule, {
  valid: [
    { name: 'a server with keepalive', code: `import * as grpc from '@grpc/grpc-js';\nexport const server = new grpc.Server(${keepalive});` },
    { name: 'server options spread from a local literal with keepalive', code: `import * as grpc from '@grpc/grpc-js';\nconst base = ${keepalive};\nexport const server = new grpc.Server({ ...base, 'grpc.max_receive_message_length': 1024 });` },
    { name: 'server options the rule cannot read (a parameter)', code: `import * as grpc from '@grpc/grpc-js';\nexport function serve(options: grpc.ServerOptions) { return new grpc.Server(options); }` },
    { name: 'a module-level client with keepalive', code: `${generated}export const client = new GreeterClient('localhost:50051', credentials, ${keepalive});` },
    {
      name: 'an imported options constant whose type the checker lists, with keepalive',
      code: `${generated}declare const OPTIONS: { 'grpc.keepalive_time_ms': number; 'grpc.keepalive_timeout_ms': number };\nexport const client = new GreeterClient('localhost:50051', credentials, OPTIONS);`,
    },
    {
      name: 'a local options literal given keepalive after its declaration',
      code: `${generated}const options = { 'grpc.max_receive_message_length': 1024 };\nObject.assign(options, { 'grpc.keepalive_time_ms': 300_000 });\nexport const client = new GreeterClient('localhost:50051', credentials, options);`,
    },
    { name: 'a per-call client is no-client-per-call’s finding, not this rule’s', code: `${generated}export function hello(name: string) { const client = new GreeterClient('localhost:50051', credentials); client.watch({ name }); }` },
    { name: 'a factory’s client: its lifetime is its caller’s', code: `${generated}export function makeClient(address: string) { return new GreeterClient(address, credentials); }` },
    { name: 'a wrapper’s channel options with keepalive', code: `declare class MilvusClient { constructor(config: { address: string; channelOptions?: Record<string, number> }) }\nexport const milvus = new MilvusClient({ address: 'localhost:19530', channelOptions: { 'grpc.keepalive_time_ms': 60_000, 'grpc.max_receive_message_length': 1 } });` },
  ],
  invalid: [
    { name: 'a server without options', code: `import * as grpc from '@grpc/grpc-js';\nexport const server = new grpc.Server();`, errors: [{ messageId: 'serverWithoutKeepalive' }] },
    { name: 'a server with an explicit empty options object', code: `import { Server } from '@grpc/grpc-js';\nexport const server = new Server({});`, errors: [{ messageId: 'serverWithoutKeepalive' }] },
    { name: 'a server with only the timeout', code: `import * as grpc from '@grpc/grpc-js';\nexport const server = new grpc.Server({ 'grpc.keepalive_timeout_ms': 10_000 });`, errors: [{ messageId: 'serverWithoutKeepalive' }] },
    {
      name: 'a module-level generated client',
      code: `${generated}export const client = new GreeterClient('localhost:50051', credentials);`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'made once at module level or start-up' } }],
    },
    {
      name: 'a lazily created singleton, as singleton-client writes it',
      code: `import * as grpc from '@grpc/grpc-js';\nlet client: grpc.Client | undefined;\nfunction getClient(): grpc.Client {\n  return (client ??= new grpc.Client('billing:50051', grpc.credentials.createInsecure()));\n}\nexport const channel = () => getClient().getChannel();`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'a lazily created shared client' } }],
    },
    {
      name: 'a client kept in a field by the constructor',
      code: `${generated}export class Greeter {\n  private readonly client: GreeterClient;\n  constructor(address: string) { this.client = new GreeterClient(address, credentials, { 'grpc.max_receive_message_length': 1024 }); }\n}`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'kept in a field or module variable' } }],
    },
    {
      name: 'a client used for a streaming call, closed when done',
      code: `${generated}export async function tail(name: string) {\n  const client = new GreeterClient('localhost:50051', credentials);\n  try { for await (const reply of client.watch({ name })) console.log(reply); } finally { client.close(); }\n}`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'used for streaming calls' } }],
    },
    { name: 'a module-level channel', code: `import * as grpc from '@grpc/grpc-js';\nexport const channel = new grpc.Channel('localhost:50051', grpc.credentials.createInsecure(), {});`, errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC channel', lifetime: 'made once at module level or start-up' } }] },
    {
      name: 'a makeGenericClientConstructor client at module level',
      code: `import * as grpc from '@grpc/grpc-js';\ndeclare const service: grpc.ServiceDefinition;\nconst Greeter = grpc.makeGenericClientConstructor(service, 'Greeter');\nexport const greeter = new Greeter('localhost:50051', grpc.credentials.createInsecure());`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'made once at module level or start-up' } }],
    },
    {
      name: 'a loadPackageDefinition client kept by a service object',
      code: `import * as grpc from '@grpc/grpc-js';\ndeclare const definition: grpc.GrpcObject;\nconst proto = definition as any;\nexport class Users {\n  private readonly client: grpc.Client;\n  constructor() { this.client = new proto.users.Users('users:50051', grpc.credentials.createInsecure()); }\n}`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'kept in a field or module variable' } }],
    },
    {
      name: 'options from an imported constant whose type the checker lists, without keepalive',
      code: `${generated}declare const OPTIONS: { 'grpc.max_receive_message_length': number };\nexport const client = new GreeterClient('localhost:50051', credentials, OPTIONS);`,
      errors: [{ messageId: 'clientWithoutKeepalive' }],
    },
    {
      name: 'options from a function whose result the checker lists',
      code: `${generated}const channelOptions = () => ({ 'grpc.max_receive_message_length': 1024 });\nexport const client = new GreeterClient('localhost:50051', credentials, channelOptions());`,
      errors: [{ messageId: 'clientWithoutKeepalive' }],
    },
    {
      name: 'a wrapper’s channelOptions without keepalive',
      code: `declare class MilvusClient { constructor(config: { address: string; channelOptions?: Record<string, number> }) }\nexport const milvus = new MilvusClient({ address: 'localhost:19530', channelOptions: { 'grpc.max_receive_message_length': 1 } });`,
      errors: [{ messageId: 'channelOptionsWithoutKeepalive', data: { name: 'channelOptions' } }],
    },
  ],
});

untypedRuleTester().run('grpc-require-keepalive (untyped)', rule, {
  valid: [
    { name: 'a server with keepalive', code: `const grpc = require('@grpc/grpc-js');\nconst server = new grpc.Server(${keepalive});` },
    { name: 'server options the rule cannot read', code: `const grpc = require('@grpc/grpc-js');\nconst { serverOptions } = require('./config');\nconst server = new grpc.Server(serverOptions);` },
    { name: 'client options spread from something unknown', code: `const grpc = require('@grpc/grpc-js');\nconst client = new grpc.Client('localhost:50051', grpc.credentials.createInsecure(), { ...require('./channel-options') });` },
    { name: 'a Server that is not grpc-js’s', code: `const { Server } = require('socket.io');\nconst io = new Server();` },
    { name: 'a per-call client is no-client-per-call’s finding', code: `const grpc = require('@grpc/grpc-js');\nfunction lookup(id) { const client = new grpc.Client('users:50051', grpc.credentials.createInsecure()); return client.getChannel(); }\nmodule.exports = { lookup };` },
    { name: 'channelOptions of something else in a file without grpc', code: `const amqp = require('amqp-connection-manager');\nconst connection = amqp.connect(['amqp://localhost']);\nconst channel = connection.createChannel({ channelOptions: { prefetch: 10 } });` },
  ],
  invalid: [
    { name: 'a server without options', code: `const grpc = require('@grpc/grpc-js');\nconst server = new grpc.Server();`, errors: [{ messageId: 'serverWithoutKeepalive' }] },
    { name: 'server options in a local constant without keepalive', code: `import { Server } from '@grpc/grpc-js';\nconst options = { 'grpc.max_receive_message_length': 1024 };\nexport const server = new Server(options);`, errors: [{ messageId: 'serverWithoutKeepalive' }] },
    {
      name: 'a loadPackageDefinition client at module level',
      code: `const grpc = require('@grpc/grpc-js');\nconst proto = grpc.loadPackageDefinition(require('./definition'));\nconst client = new proto.hello.Greeter('localhost:50051', grpc.credentials.createInsecure());\nmodule.exports = { client };`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'made once at module level or start-up' } }],
    },
    {
      name: 'singleton-client’s output (CommonJS)',
      code: `const grpc = require('@grpc/grpc-js')\nlet client\nfunction getClient() {\n  return (client ??= new grpc.Client('users:50051', grpc.credentials.createInsecure()))\n}\nmodule.exports = { getClient }`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'a lazily created shared client' } }],
    },
    {
      name: 'a generated client in a class field',
      code: `import * as grpc from '@grpc/grpc-js';\nimport { GreeterClient } from './generated/greeter_grpc_pb';\nexport class Greeter { client = new GreeterClient('localhost:50051', grpc.credentials.createInsecure()); }`,
      errors: [{ messageId: 'clientWithoutKeepalive' }],
    },
    {
      name: 'a client used for a raw streaming request',
      code: `const grpc = require('@grpc/grpc-js');\nasync function upload(chunks) {\n  const client = new grpc.Client('localhost:50051', grpc.credentials.createInsecure());\n  try { const call = client.makeClientStreamRequest('/files.Files/Upload', (b) => b, (b) => b, () => {}); for (const chunk of chunks) call.write(chunk); call.end(); } finally { client.close(); }\n}\nmodule.exports = { upload };`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'used for streaming calls' } }],
    },
    {
      name: 'a makeGenericClientConstructor client filled into a module variable by a get-or-create',
      code: `const grpc = require('@grpc/grpc-js');\nconst Greeter = grpc.makeGenericClientConstructor(require('./service'), 'Greeter');\nlet greeter = null;\nfunction getGreeter() {\n  if (greeter) return greeter;\n  greeter = new Greeter('localhost:50051', grpc.credentials.createInsecure());\n  return greeter;\n}\nmodule.exports = { getGreeter };`,
      errors: [{ messageId: 'clientWithoutKeepalive', data: { resource: 'gRPC client', lifetime: 'kept in a field or module variable' } }],
    },
    { name: 'a wrapper’s channelArgs in a file that imports grpc-js', code: `import * as grpc from '@grpc/grpc-js';\nimport { connect } from './transport';\nexport const transport = connect({ credentials: grpc.credentials.createInsecure(), channelArgs: {} });`, errors: [{ messageId: 'channelOptionsWithoutKeepalive', data: { name: 'channelArgs' } }] },
  ],
});
