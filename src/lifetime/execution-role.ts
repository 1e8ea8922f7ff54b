import type { TSESTree } from '@typescript-eslint/utils';
import type { LoopNode } from '../ast/loops';
import type { FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/**
 * How a callback's call site (or, typed, its parameters) says it runs repeatedly: which API it is
 * handed to. Kept with the role so reports can say it in the words of the code.
 */
export type Registration =
  /** `http.createServer(handler)`, `https.createServer(options, handler)`. */
  | { readonly via: 'server-factory'; readonly factory: string }
  /** `emitter.on(event, listener)` and the other methods that attach a listener for every event. */
  | { readonly via: 'listener'; readonly method: string; readonly event: string | undefined; readonly target: Node }
  /** `app.get('/path', handler)`, `router.post(…)`. */
  | { readonly via: 'router'; readonly method: string; readonly receiver: Node }
  /** `app.use(handler)`. */
  | { readonly via: 'middleware'; readonly receiver: Node }
  /** `fastify.route({ handler })`. */
  | { readonly via: 'route-object'; readonly receiver: Node }
  /** `consumer.run({ eachMessage })`. */
  | { readonly via: 'consumer-run'; readonly callback: string }
  /** `server.addService(definition, { method })`: a grpc-js service implementation. */
  | { readonly via: 'service-implementation' }
  | { readonly via: 'timer'; readonly timer: TimerFunction }
  /** `items.forEach(callback)`: as often as the code around it, times a bounded count. */
  | { readonly via: 'iteration'; readonly method: string }
  /** Typed: a parameter whose type only exists while a request, response or call is in flight. */
  | { readonly via: 'typed-parameter'; readonly parameter: string | undefined; readonly type: string }
  /** `return (req, res) => …` from a function of the file: a handler factory's product (see returned-handlers). */
  | { readonly via: 'handler-factory'; readonly factory: string | undefined }
  /** `exports.list = (req, res) => …`, `handler(request, h)`: a request handler by its signature alone (see request-objects). */
  | { readonly via: 'handler-signature'; readonly name: string | undefined }
  /** `({ request, params }) => …`: a handler given its request inside a context object (see request-contexts). */
  | { readonly via: 'request-context'; readonly property: string }
  /** `exports.handler = …`, `export function GET(…)`: what a platform or framework invokes per event or request (see invoked-exports). */
  | { readonly via: 'invoked-export'; readonly name: string; readonly convention: 'serverless' | 'route' | 'data-function' };

export type TimerFunction = 'setInterval' | 'setTimeout' | 'setImmediate';

/** A registration a call site shows (every one but the typed parameters and the invoked exports). */
export type CallSiteRegistration = Exclude<
  Registration,
  | { readonly via: 'typed-parameter' }
  | { readonly via: 'invoked-export' }
  | { readonly via: 'handler-factory' }
  | { readonly via: 'handler-signature' }
  | { readonly via: 'request-context' }
>;

/** Which library serves the connection a handler runs for: it decides which event ends it. */
export type Framework = 'node-http' | 'express' | 'fastify' | 'koa' | 'ws' | 'socket.io' | 'net' | 'grpc-js' | 'unknown';

/**
 * A parameter of a handler that stands for its connection: the object whose events say the client
 * left (`req`, `res`, a socket, a grpc-js call, a koa `ctx`, a fastify `request`/`reply`, a signal).
 */
export interface ConnectionObject {
  readonly parameter: TSESTree.Parameter;
  /** Its name, when it is a plain identifier (not destructured). */
  readonly name: string | undefined;
  readonly object: 'request' | 'response' | 'context' | 'socket' | 'call' | 'signal';
}

/** A grpc-js handler's call shape: which of the four method kinds it implements, when types say. */
export type GrpcMethodKind = 'unary' | 'client-streaming' | 'server-streaming' | 'bidi-streaming' | 'unknown';

/**
 * What runs this code, as data: which API calls it and for what. The detectors read the kind (is this
 * a timer callback?), the frequency (`Execution.kind`) and the connection objects; the one function
 * that turns a role into words is `describeRole` (messages), and no detector parses those words.
 */
export type ExecutionRole =
  // Run once.
  | { readonly kind: 'module-load'; readonly at: 'top-level' | 'iife' | 'static-initialiser' | 'static-block' }
  /** `main`/`bootstrap`/`start`/`init`, a registration function, or a function only called from run-once code. */
  | { readonly kind: 'start-up'; readonly function: FunctionNode; readonly name: string; readonly reason: 'entry-point' | 'registration' | 'called-from-start-up' | 'listening' }
  /** A loop, or a `forEach` callback, inside run-once code: run once overall. */
  | { readonly kind: 'start-up-loop'; readonly node: Node; readonly around: ExecutionRole }
  // Run per request, connection, call or message.
  | {
      readonly kind: 'request-handler';
      readonly function: FunctionNode;
      readonly registration: Registration;
      readonly framework: Framework;
      readonly connection: readonly ConnectionObject[];
    }
  | {
      readonly kind: 'connection-handler';
      readonly function: FunctionNode;
      readonly registration: Registration;
      readonly framework: Framework;
      readonly connection: readonly ConnectionObject[];
    }
  | {
      readonly kind: 'stream-handler';
      readonly function: FunctionNode;
      readonly registration: Registration;
      readonly framework: 'grpc-js';
      readonly method: GrpcMethodKind;
      readonly connection: readonly ConnectionObject[];
    }
  /** kafkajs `eachMessage`/`eachBatch` and other subscriber callbacks: per message, no connection of their own. */
  | { readonly kind: 'consumer-callback'; readonly function: FunctionNode; readonly registration: Registration }
  /** A listener that is not a request or connection handler: per event. */
  | { readonly kind: 'listener'; readonly function: FunctionNode; readonly registration: Extract<Registration, { via: 'listener' }> }
  | { readonly kind: 'timer-callback'; readonly function: FunctionNode; readonly registration: Extract<Registration, { via: 'timer' }> }
  | { readonly kind: 'iteration-callback'; readonly function: FunctionNode; readonly registration: Extract<Registration, { via: 'iteration' }> }
  | { readonly kind: 'loop-body'; readonly loop: LoopNode }
  /** A React `useEffect`/`useLayoutEffect` callback: runs after renders, ended by the cleanup it returns. */
  | { readonly kind: 'effect'; readonly function: FunctionNode; readonly hook: string }
  /** Any other function: it may run any number of times, nothing says how often. */
  | { readonly kind: 'function'; readonly function: FunctionNode };

export type RoleKind = ExecutionRole['kind'];

/** The roles whose code runs for one connection, request or call, and has connection objects. */
export type HandlerRole = Extract<ExecutionRole, { readonly connection: readonly ConnectionObject[] }>;

export function isHandlerRole(role: ExecutionRole): role is HandlerRole {
  return role.kind === 'request-handler' || role.kind === 'connection-handler' || role.kind === 'stream-handler';
}

/** How a registration reads in a report: "a route handler", "a `request` listener". */
function describeRegistration(registration: Registration): string {
  switch (registration.via) {
    case 'server-factory':
      return 'a server request handler';
    case 'listener':
      return `a \`${registration.event ?? 'event'}\` listener`;
    case 'router':
    case 'route-object':
      return 'a route handler';
    case 'middleware':
      return 'a middleware';
    case 'consumer-run':
      return `a consumer's \`${registration.callback}\``;
    case 'service-implementation':
      return 'a gRPC service method';
    case 'timer':
      return `a \`${registration.timer}\` callback`;
    case 'iteration':
      return `a \`${registration.method}\` callback`;
    case 'invoked-export':
      if (registration.convention === 'serverless') return `a serverless function's \`${registration.name}\``;
      return registration.convention === 'route' ? `the \`${registration.name}\` route handler` : `the \`${registration.name}\` data function (run per request)`;
    case 'handler-factory':
      return registration.factory === undefined ? 'a request handler (returned by a handler factory)' : `a request handler (returned by \`${registration.factory}\`)`;
    case 'request-context':
      return `a request handler (given \`{ ${registration.property} }\`)`;
    case 'handler-signature':
      return registration.name === undefined ? 'a request handler' : `the request handler \`${registration.name}\``;
    case 'typed-parameter':
      return `a request handler (\`${registration.parameter === undefined ? registration.type : `${registration.parameter}: ${registration.type}`}\`)`;
  }
}

/**
 * The role in the words of a report ("a route handler", "module top level", "`main`"). A plain
 * function has no words of its own here: the detector names it (see ast/function-name).
 */
export function describeRole(role: ExecutionRole): string {
  switch (role.kind) {
    case 'module-load':
      return { 'top-level': 'module top level', iife: 'a module-level IIFE', 'static-initialiser': 'a static field initialiser', 'static-block': 'a static block' }[role.at];
    case 'start-up':
      if (role.reason === 'entry-point') return `\`${role.name}\``;
      if (role.reason === 'listening') return `the \`${role.name}\` callback (once the server is up)`;
      return role.reason === 'registration' ? `\`${role.name}\`, a registration function` : `\`${role.name}\`, called only from run-once code`;
    case 'start-up-loop':
      return `a loop in ${describeRole(role.around)}`;
    case 'loop-body':
      return 'a loop body';
    case 'effect':
      return `a \`${role.hook}\` callback`;
    case 'function':
      return 'a function';
    default:
      return describeRegistration(role.registration);
  }
}
