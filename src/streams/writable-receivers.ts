import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';
import { isHandlerRole, type ConnectionObject } from '../lifetime/execution-role';
import { requestObjectParameters } from '../lifetime/request-objects';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import type { TypeOracle } from '../oracle/type-oracle';
import { programOf } from '../ast/program-of';

/**
 * Node's factories of writable streams, by module and name: what a variable made by one of them is,
 * without types. Conservative on purpose: a `write` method alone says nothing (loggers, builders,
 * buffers), a stream these factories made says everything. An in-memory `PassThrough` a function
 * fills and hands back is left to the typed mode, which sees what the caller does with it.
 */
const WRITABLE_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  fs: new Set(['createWriteStream']),
  zlib: new Set([
    'createGzip',
    'createGunzip',
    'createDeflate',
    'createInflate',
    'createDeflateRaw',
    'createInflateRaw',
    'createUnzip',
    'createBrotliCompress',
    'createBrotliDecompress',
    'Gzip',
    'Deflate',
  ]),
  net: new Set(['connect', 'createConnection', 'Socket']),
  tls: new Set(['connect', 'TLSSocket']),
};

function isFactoryMade(init: Node, program: TSESTree.Program): boolean {
  const made = unwrapExpression(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
  if (made.type !== AST_NODE_TYPES.CallExpression && made.type !== AST_NODE_TYPES.NewExpression) return false;
  const member = resolveModuleMember(made.callee, moduleBindings(program));
  if (!member || member.path.length !== 1) return false;
  return WRITABLE_FACTORIES[member.module.replace(/^node:/, '')]?.has(member.path[0]) ?? false;
}

/** The handler connection object `parameter` stands for, at any depth of enclosing handlers. */
function connectionObjectOf(fn: FunctionNode, parameter: Node, oracle: TypeOracle): { object: ConnectionObject; framework: string } | undefined {
  const role = executionOf(fn.body, oracle).role;
  if (!isHandlerRole(role)) return undefined;
  const object = role.connection.find((candidate) => candidate.parameter === parameter || (candidate.parameter.type === AST_NODE_TYPES.AssignmentPattern && candidate.parameter.left === parameter));
  return object ? { object, framework: role.framework } : undefined;
}

/**
 * Untyped shapes of a writable: the response of a recognised request handler (`res`, fastify's
 * `reply.raw`, koa's `ctx.res`), a grpc-js streaming call, a net connection's socket, or a variable
 * made by one of node's stream factories.
 */
function isWritableShape(receiver: Node, scopeManager: ScopeManagerLike, oracle: TypeOracle): boolean {
  const node = unwrapExpression(receiver);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(node);
    const object = unwrapExpression(node.object);
    if (object.type !== AST_NODE_TYPES.Identifier || (name !== 'raw' && name !== 'res')) return false;
    const parameter = parameterOf(object, scopeManager);
    const found = parameter && connectionObjectOf(parameter.fn, parameter.node, oracle);
    if (!found) return false;
    return (name === 'raw' && found.framework === 'fastify' && found.object.object === 'response') || (name === 'res' && found.object.object === 'context');
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scopeManager, node);
  const definition = variable?.defs[0];
  if (!definition) return false;
  if (definition.type === 'Variable') {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const program = programOf(node);
    return declarator.id === definition.name && declarator.init != null && program !== undefined && isFactoryMade(declarator.init, program);
  }
  const parameter = parameterOf(node, scopeManager);
  const found = parameter && connectionObjectOf(parameter.fn, parameter.node, oracle);
  // `function exportRows(req, res)` declared apart and handed to a server or router by name: the
  // `(req, res)` signature every node HTTP framework's handlers share says it.
  if (!found) return parameter !== undefined && isConventionalResponse(parameter.fn, parameter.node, oracle);
  const { object } = found.object;
  if (object === 'response') return found.framework !== 'fastify' && found.framework !== 'koa';
  if (object === 'call') return true;
  return object === 'socket' && found.framework === 'net';
}

function isConventionalResponse(fn: FunctionNode, parameter: Node, oracle: TypeOracle): boolean {
  const [, response] = requestObjectParameters(fn, oracle);
  return response === parameter && response.type === AST_NODE_TYPES.Identifier && response.name !== 'reply';
}

function parameterOf(identifier: TSESTree.Identifier, scopeManager: ScopeManagerLike): { fn: FunctionNode; node: Node } | undefined {
  const definition = findVariable(scopeManager, identifier)?.defs[0];
  if (definition?.type !== 'Parameter') return undefined;
  const fn = definition.node as FunctionNode;
  const parameter = fn.params.find((candidate) => candidate === definition.name || (candidate.type === AST_NODE_TYPES.AssignmentPattern && candidate.left === definition.name));
  return parameter ? { fn, node: parameter } : undefined;
}

/**
 * `process.stdout`/`process.stderr`: writes to a terminal or a file are synchronous in node, and a
 * command-line tool printing its output line by line is not the server that buffers for a client
 * that went away.
 */
function isStandardOutput(receiver: Node): boolean {
  const node = unwrapExpression(receiver);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticPropertyName(node);
  const object = unwrapExpression(node.object);
  return (name === 'stdout' || name === 'stderr') && object.type === AST_NODE_TYPES.Identifier && object.name === 'process';
}

/** Is the receiver of `write()` a node Writable: typed by its type's declaration site, untyped by shape. */
export function isWritableReceiver(receiver: Node, scopeManager: ScopeManagerLike, oracle: TypeOracle): boolean {
  if (isStandardOutput(receiver)) return false;
  const typed = oracle.isWritableStream(receiver);
  if (typed !== undefined) return typed;
  return isWritableShape(receiver, scopeManager, oracle);
}

