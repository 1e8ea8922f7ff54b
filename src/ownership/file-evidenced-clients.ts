import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import { isNodeBuiltin } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';

/** The methods that end what a package makes: a connection, a pool, a transport, a browser. */
export const ENDING_METHODS: ReadonlySet<string> = new Set(['close', 'quit', 'disconnect', 'destroy', 'end', 'shutdown', 'terminate']);

/**
 * `client.connect()` with no arguments (or only a callback), or with where to connect to (a URL
 * string, connection options, `config.endpointUrl`): the file opens the value's connection itself
 * (pg, mongodb, node-redis, ioredis with `lazyConnect`, an OPC UA or vendor SDK client). With another
 * object it wires one node to another (`source.connect(destination)` in audio graphs) and says nothing.
 */
const CONNECTING_METHOD = 'connect';

/** `url`, `endpointUrl`, `opts.host`, `DATABASE_URI`: names of where a connection goes. */
const ADDRESS_NAME = /(?:url|uri|endpoint|host|address|dsn|connectionString)$/i;

function opensItself(call: TSESTree.CallExpression): boolean {
  const [first, ...rest] = call.arguments;
  if (first === undefined) return true;
  const callbackOnly = (node: Node | undefined) => node === undefined || node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
  if (callbackOnly(first)) return rest.length === 0;
  return rest.length <= 1 && callbackOnly(rest[0]) && namesAnAddress(first);
}

function namesAnAddress(argument: Node): boolean {
  const node = unwrapExpression(argument);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.ObjectExpression) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return ADDRESS_NAME.test(node.name);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(node);
    return name !== undefined && ADDRESS_NAME.test(name);
  }
  return false;
}

/** A package's constructor or factory, as the file names it: `nodemailer.createTransport`, `SubscriptionClient`. */
type Maker = string;

/** Per file: which package makers' values the file itself ends somewhere, and with which method. */
const evidence = new WeakMap<TSESTree.Program, ReadonlyMap<Maker, string>>();

/** Entries this model made: the rule judges them only when never closed (see fileEvidencedClient). */
const evidenced = new WeakSet<ResourceEntry>();

/** `nodemailer.createTransport` for `nodemailer.createTransport(o)`, `await X.connect(u)`, `new X(…)`, when `X` is a package's (not node's, not this project's). */
function packageMaker(expression: Node, program: TSESTree.Program, sourceText: string): Maker | undefined {
  const outer = unwrapExpression(expression);
  const inner = outer.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(outer.argument) : outer;
  if (inner.type !== AST_NODE_TYPES.NewExpression && inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const member = resolveModuleMember(inner.callee, moduleBindings(program));
  if (!member || member.module.startsWith('.') || member.module.startsWith('/') || isNodeBuiltin(member.module)) return undefined;
  return sourceText.slice(inner.callee.range[0], inner.callee.range[1]).replace(/\s+/g, '');
}

/** The expression a release's receiver was made by: `transport` → its initialiser; `this.db` → what the file assigns to `db`. */
function makersOf(receiver: Node, scopeManager: ScopeManagerLike, fieldValues: ReadonlyMap<string, Node[]>): Node[] {
  const node = unwrapExpression(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeManager, node);
    const initialised = (variable?.defs ?? []).flatMap((definition) =>
      definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init ? [definition.node.init] : [],
    );
    // `let producer; … producer = new Producer(config)`: what the file assigns to it later counts too.
    const assigned = (variable?.references ?? []).flatMap((reference) => {
      const assignment = reference.identifier.parent;
      return reference.isWrite() && !reference.init && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '=' && assignment.left === reference.identifier
        ? [assignment.right]
        : [];
    });
    return [...initialised, ...assigned];
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const field = staticPropertyName(node);
    return field === undefined ? [] : (fieldValues.get(field) ?? []);
  }
  return [];
}

function fileEvidence(program: TSESTree.Program, scopeManager: ScopeManagerLike, sourceText: string): ReadonlyMap<Maker, string> {
  const known = evidence.get(program);
  if (known) return known;
  // Cheap pre-check: no ending method called anywhere, no evidence.
  const found = new Map<Maker, string>();
  if (!mayEndValues(sourceText)) {
    evidence.set(program, found);
    return found;
  }
  const fieldValues = new Map<string, Node[]>();
  const endings: { receiver: Node; method: string }[] = [];
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const field = staticPropertyName(node.left);
      if (field !== undefined) fieldValues.set(field, [...(fieldValues.get(field) ?? []), node.right]);
    } else if (node.type === AST_NODE_TYPES.PropertyDefinition && node.value && node.key.type === AST_NODE_TYPES.Identifier) {
      fieldValues.set(node.key.name, [...(fieldValues.get(node.key.name) ?? []), node.value]);
    } else if (node.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticPropertyName(node);
      const callee = outermostWrapper(node);
      const call = callee.parent?.type === AST_NODE_TYPES.CallExpression && callee.parent.callee === callee ? callee.parent : undefined;
      if (method !== undefined && call && (ENDING_METHODS.has(method) || (method === CONNECTING_METHOD && opensItself(call)))) {
        endings.push({ receiver: node.object, method });
      }
    }
    return undefined;
  });
  for (const { receiver, method } of endings) {
    for (const made of makersOf(receiver, scopeManager, fieldValues)) {
      const maker = packageMaker(made, program, sourceText);
      // An ending names the release; a connect only says the value holds a connection.
      if (maker !== undefined && (!found.has(maker) || found.get(maker) === CONNECTING_METHOD)) found.set(maker, method);
    }
  }
  evidence.set(program, found);
  return found;
}

/**
 * A client of a package the registry does not list, recognised by what the file does with it:
 * `nodemailer.createTransport(…)` where the same file ends another transport made the same way
 * (`transport.close()`), `new SubscriptionClient(…)` where some code here calls `client.close()`, or
 * `new VendorClient(…)` that the file opens with `client.connect()`. The file itself says that what
 * this maker returns holds something open until it is ended. Only the
 * constructor or factory of a package counts (not node's own, not this project's files), and the
 * rule reports such a value only when the code that makes it never ends it.
 */
export function fileEvidencedClient(
  expression: Node,
  program: TSESTree.Program,
  scopeManager: ScopeManagerLike,
  sourceText: string,
): ResourceEntry | undefined {
  const maker = packageMaker(expression, program, sourceText);
  if (maker === undefined) return undefined;
  const method = fileEvidence(program, scopeManager, sourceText).get(maker);
  if (method === undefined) return undefined;
  const entry: ResourceEntry =
    method === CONNECTING_METHOD
      ? {
          description: `\`${maker}(…)\` result (which this file opens with \`connect()\`)`,
          kind: 'client',
          // `disconnect()` first: the counterpart a fix writes for a value opened with `connect()`.
          releases: ['disconnect', ...[...ENDING_METHODS].filter((ending) => ending !== 'disconnect')].map((ending) => ({ method: ending })),
        }
      : {
          description: `\`${maker}(…)\` result (which this file ends with \`${method}()\` elsewhere)`,
          kind: 'client',
          releases: [{ method }],
        };
  evidenced.add(entry);
  return entry;
}

/** Was this entry recognised from the file's own use (see fileEvidencedClient)? */
export function isFileEvidenced(entry: ResourceEntry): boolean {
  return evidenced.has(entry);
}

/** A cheap text test before any AST work: can this file end (or open) anything at all? */
export function mayEndValues(sourceText: string): boolean {
  return ENDING_CALL.test(sourceText);
}

const ENDING_CALL = /\.(?:close|quit|disconnect|destroy|end|shutdown|terminate|connect)\(/;
