import { functionName } from '../ast/function-name';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import type { TypeOracle } from '../oracle/type-oracle';
import type { CallSiteRegistration, ConnectionObject, ExecutionRole, Framework, GrpcMethodKind, Registration } from './execution-role';
import { grpcMethodKinds } from './request-scoped-types';
import { programOf } from '../ast/program-of';

type ParameterTypes = Pick<TypeOracle, 'requestScopedType'> | undefined;

/** The module a receiver was made from: `const app = express()`, `const wss = new WebSocketServer()`, `io.of('/chat')`. */
function originModule(receiver: Node): string | undefined {
  let root: Node = unwrapExpression(receiver);
  for (;;) {
    if (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
    else if (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.callee.object);
    else break;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const program = programOf(root);
  if (!program) return undefined;
  const bindings = moduleBindings(program);
  const imported = bindings.get(root.name);
  if (imported) return imported.module;
  const init = moduleLevelInitializer(program, root.name);
  if (!init) return undefined;
  const made = unwrapExpression(init);
  const maker = made.type === AST_NODE_TYPES.NewExpression || made.type === AST_NODE_TYPES.CallExpression ? made.callee : made;
  return resolveModuleMember(maker, bindings)?.module;
}

/** `const name = <init>` at module level (where servers and apps are made), exported or not. */
function moduleLevelInitializer(program: TSESTree.Program, name: string): TSESTree.Expression | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) return declarator.init;
    }
  }
  return undefined;
}

const FRAMEWORK_MODULES: Readonly<Record<string, Framework>> = {
  http: 'node-http',
  https: 'node-http',
  http2: 'node-http',
  express: 'express',
  fastify: 'fastify',
  koa: 'koa',
  '@koa/router': 'koa',
  'koa-router': 'koa',
  ws: 'ws',
  'socket.io': 'socket.io',
  net: 'net',
  tls: 'net',
  '@grpc/grpc-js': 'grpc-js',
};

function frameworkOf(receiver: Node): Framework {
  const module = originModule(receiver);
  return (module !== undefined ? FRAMEWORK_MODULES[module.replace(/^node:/, '')] : undefined) ?? 'unknown';
}

function parameterName(parameter: TSESTree.Parameter | undefined): string | undefined {
  if (!parameter) return undefined;
  const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return target.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
}

function connectionObjects(fn: FunctionNode, objects: readonly (ConnectionObject['object'] | undefined)[]): ConnectionObject[] {
  const found: ConnectionObject[] = [];
  objects.forEach((object, index) => {
    const parameter = fn.params[index];
    if (object && parameter) found.push({ parameter, name: parameterName(parameter), object });
  });
  // `(req, res, signal)`, `({ signal })` is not a parameter: an AbortSignal parameter by its name or type ends the call too.
  for (const parameter of fn.params) {
    if (parameterName(parameter) === 'signal' && !found.some((known) => known.parameter === parameter)) found.push({ parameter, name: 'signal', object: 'signal' });
  }
  return found;
}

/** Router and middleware frameworks, when the receiver's origin does not say: by the handler's parameters. */
function routerFramework(fn: FunctionNode, receiver: Node): Framework {
  const framework = frameworkOf(receiver);
  if (framework !== 'unknown') return framework;
  const first = parameterName(fn.params[0]);
  if (first === 'ctx' || first === 'context') return 'koa';
  if (parameterName(fn.params[1]) === 'reply') return 'fastify';
  return 'express';
}

function requestHandler(fn: FunctionNode, registration: Registration, framework: Framework): ExecutionRole {
  const objects: readonly ConnectionObject['object'][] = framework === 'koa' ? ['context'] : ['request', 'response'];
  return { kind: 'request-handler', function: fn, registration, framework, connection: connectionObjects(fn, objects) };
}

function grpcMethodKind(fn: FunctionNode, oracle: ParameterTypes): GrpcMethodKind {
  const call = fn.params[0];
  const match = call && oracle?.requestScopedType(call);
  return (match && grpcMethodKinds[match.entry.type.name]) ?? 'unknown';
}

/**
 * The role of a callback whose call site registers it (`app.get('/x', handler)`, `wss.on('connection',
 * …)`, `setInterval(…)`): which kind of code it is, which framework serves its connection and which
 * parameters stand for the connection.
 */
export function roleOfCallback(fn: FunctionNode, registration: CallSiteRegistration, oracle: ParameterTypes): ExecutionRole {
  switch (registration.via) {
    case 'server-factory':
      return requestHandler(fn, registration, 'node-http');
    case 'router':
    case 'middleware':
      return requestHandler(fn, registration, routerFramework(fn, registration.receiver));
    case 'route-object':
      return requestHandler(fn, registration, 'fastify');
    case 'service-implementation':
      return { kind: 'stream-handler', function: fn, registration, framework: 'grpc-js', method: grpcMethodKind(fn, oracle), connection: connectionObjects(fn, ['call']) };
    case 'consumer-run':
      return { kind: 'consumer-callback', function: fn, registration };
    case 'timer':
      return { kind: 'timer-callback', function: fn, registration };
    case 'iteration':
      return { kind: 'iteration-callback', function: fn, registration };
    case 'listener': {
      if (registration.event === 'request') {
        const framework = frameworkOf(registration.target);
        return requestHandler(fn, registration, framework === 'unknown' ? 'node-http' : framework);
      }
      if (registration.event === 'connection' || registration.event === 'secureConnection') {
        return { kind: 'connection-handler', function: fn, registration, framework: frameworkOf(registration.target), connection: connectionObjects(fn, ['socket']) };
      }
      return { kind: 'listener', function: fn, registration };
    }
  }
}

/** A handler factory's product (see returned-handlers): `(request, reply)` is fastify's; the rest any framework's. */
export function roleOfReturnedHandler(fn: FunctionNode, registration: Extract<Registration, { via: 'handler-factory' }>): ExecutionRole {
  return requestHandler(fn, registration, parameterName(fn.params[1]) === 'reply' ? 'fastify' : 'unknown');
}

/**
 * Untyped: a function written with the signature every Node HTTP framework's handlers share, `(req,
 * res[, next])`, `(request, reply)`, `(request, h)`, is a handler wherever it is declared — an
 * exported controller, a property of a route table — as a typed parameter says (see roleOfTypedHandler).
 */
export function roleOfSignatureHandler(fn: FunctionNode): ExecutionRole {
  return requestHandler(fn, { via: 'handler-signature', name: functionName(fn) }, parameterName(fn.params[1]) === 'reply' ? 'fastify' : 'unknown');
}

/**
 * Typed: a function whose parameters are request, response, connection or call types is a handler
 * wherever it is declared (`function list(req: Request, res: Response)` passed by name to a router).
 */
export function roleOfTypedHandler(fn: FunctionNode, oracle: NonNullable<ParameterTypes>): ExecutionRole | undefined {
  for (const parameter of fn.params) {
    const match = oracle.requestScopedType(parameter);
    if (!match) continue;
    const registration: Registration = { via: 'typed-parameter', parameter: parameterName(parameter), type: match.name };
    const objects = fn.params.map((candidate) => oracle.requestScopedType(candidate)?.entry.object);
    const connection = connectionObjects(fn, objects);
    const { framework } = match.entry;
    if (framework === 'grpc-js') return { kind: 'stream-handler', function: fn, registration, framework, method: grpcMethodKinds[match.entry.type.name] ?? 'unknown', connection };
    if (match.entry.object === 'socket') return { kind: 'connection-handler', function: fn, registration, framework, connection };
    return { kind: 'request-handler', function: fn, registration, framework, connection };
  }
  return undefined;
}
