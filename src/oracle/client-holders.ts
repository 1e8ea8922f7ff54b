import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { isLazyInitGuard } from '../lifetime/execution';
import type { ResourceEntry } from '../registry/resource-entry';
import type { ReleaseSpecifier } from '../registry/specifiers';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A client a class of this file makes for each of its instances, and where it keeps it. */
export interface HeldClient {
  /** The instance field that keeps it: `pool` for `this.pool = new Pool()`. */
  readonly field: string;
  readonly entry: ResourceEntry;
  /** Made when the instance is built (constructor, field initialiser) or by the first call of a method (`ensurePool()`). */
  readonly made: 'on construction' | 'lazily';
  /** The expression that makes it: `new Pool(config)`. */
  readonly value: Node;
}

/** `this.pool`, `this.#pool`: the field's name; undefined for anything else. */
function thisField(target: Node): string | undefined {
  const node = unwrapExpression(target);
  if (node.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(node.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  if (!node.computed && node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
  return staticPropertyName(node);
}

function memberKey(member: TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  if (member.computed) return undefined;
  if (member.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.key.name}`;
  return member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
}

/**
 * The clients a class of this file creates for each instance and keeps in its fields: a field
 * initialiser (`pool = new Pool()`), an assignment in the constructor (`this.pool = new Pool(config)`),
 * or a lazy guard in a method (`if (!this.pool) this.pool = new Pool()`, `this.pool ??= …`). An
 * instance is then as much a client as what it holds: each one opens its own connections, and they
 * live until the instance's close method (if any) ends them. A client passed in (`constructor(pool)`)
 * is not the instance's own.
 */
export function heldClients(classNode: ClassNode, acquisition: (expression: Node) => ResourceEntry | undefined): HeldClient[] {
  const held: HeldClient[] = [];
  const keep = (field: string | undefined, value: Node, made: HeldClient['made']) => {
    if (field === undefined || held.some((known) => known.field === field)) return;
    const entry = acquisition(value);
    if (entry?.kind === 'client') held.push({ field, entry, made, value });
  };
  const connectors = guardedConnectors(classNode);
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value && !isFunction(member.value)) {
      keep(memberKey(member), member.value, 'on construction');
      continue;
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static || !member.value.body) continue;
    const constructing = member.kind === 'constructor';
    const connector = connectors.get(memberKey(member) ?? '');
    walkSameFunction(member.value.body, (node) => {
      if (node.type !== AST_NODE_TYPES.AssignmentExpression) return undefined;
      const field = thisField(node.left);
      const connects = node.operator === '=' && field !== undefined && connector?.has(field) === true;
      if (constructing ? node.operator === '=' : isLazyInitGuard(node) || connects) keep(field, node.right, constructing ? 'on construction' : 'lazily');
      return undefined;
    });
  }
  return held;
}

/**
 * The methods other methods call only while a field is still empty (`if (!this.client) await
 * this.connect()`), with those fields: a lazy-connect wrapper, whose `connect()` assigns the client
 * the instance then keeps (datagroom's DbAbstraction, opened by the first query of each instance).
 */
function guardedConnectors(classNode: ClassNode): Map<string, Set<string>> {
  const connectors = new Map<string, Set<string>>();
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static || !member.value.body) continue;
    walkSameFunction(member.value.body, (node) => {
      if (node.type !== AST_NODE_TYPES.IfStatement) return undefined;
      const test = unwrapExpression(node.test);
      if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return undefined;
      const field = thisField(test.argument);
      const method = field === undefined ? undefined : calledThisMethod(node.consequent);
      if (field !== undefined && method !== undefined) connectors.set(method, new Set([...(connectors.get(method) ?? []), field]));
      return undefined;
    });
  }
  return connectors;
}

/** `this.connect()` or `await this.connect();` (alone, or alone in a block): the method's name. */
function calledThisMethod(statement: Node): string | undefined {
  let node: Node = statement;
  if (node.type === AST_NODE_TYPES.BlockStatement && node.body.length === 1) node = node.body[0];
  if (node.type === AST_NODE_TYPES.ExpressionStatement) node = node.expression;
  node = unwrapExpression(node);
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrapExpression(node.argument);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return undefined;
  const callee = unwrapExpression(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression ? staticPropertyName(callee) : undefined;
}

/**
 * The methods of the class that close a held client (`async close() { await this.pool.end() }`): they
 * release the instance. Their names, in the registry's form; awaited when the method is async.
 */
export function holderReleases(classNode: ClassNode, held: readonly HeldClient[]): ReleaseSpecifier[] {
  const releases: ReleaseSpecifier[] = [];
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || member.static || !member.value.body) continue;
    const name = memberKey(member);
    if (name === undefined || name.startsWith('#')) continue;
    let closes = false;
    walkSameFunction(member.value.body, (node) => {
      if (closes || node.type !== AST_NODE_TYPES.MemberExpression) return !closes;
      const field = thisField(node);
      const client = field === undefined ? undefined : held.find((candidate) => candidate.field === field);
      const call = outermostWrapper(node).parent;
      const method = call?.type === AST_NODE_TYPES.MemberExpression && call.object === outermostWrapper(node) ? staticPropertyName(call) : undefined;
      if (client && method !== undefined && client.entry.releases.some((release) => 'method' in release && release.method === method)) closes = true;
      return undefined;
    });
    if (closes) releases.push({ method: name, async: member.value.async });
  }
  return releases;
}

/** Holder entries whose every client is made by the first method call that needs it (see connectsOnFirstUse). */
const lazyHolders = new WeakSet<ResourceEntry>();

/** The registry entry a class of this file stands for when it holds clients of its own; undefined otherwise. */
export function clientHolderEntry(classNode: ClassNode, acquisition: (expression: Node) => ResourceEntry | undefined): ResourceEntry | undefined {
  const name = classNode.id?.name;
  if (name === undefined) return undefined;
  const held = heldClients(classNode, acquisition);
  if (held.length === 0) return undefined;
  const first = held[0];
  const how = first.made === 'lazily' ? 'creates a' : 'creates its own';
  const entry: ResourceEntry = {
    description: `\`${name}\` (which ${how} ${first.entry.description})`,
    kind: 'client',
    types: [{ from: 'file', name }],
    releases: holderReleases(classNode, held),
  };
  if (held.every((client) => client.made === 'lazily')) lazyHolders.add(entry);
  return entry;
}

/**
 * Does an instance of this holder open its connections only when first used (every held client made
 * lazily)? Then nothing that throws before its first use can leave one open, and that first use is
 * where it connects (a failed connect tears down what it opened, as for a client's own `connect()`).
 */
export function connectsOnFirstUse(entry: ResourceEntry): boolean {
  return lazyHolders.has(entry);
}
