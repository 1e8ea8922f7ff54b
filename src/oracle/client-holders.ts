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
    if (entry?.kind === 'client') held.push({ field, entry, made });
  };
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value && !isFunction(member.value)) {
      keep(memberKey(member), member.value, 'on construction');
      continue;
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static || !member.value.body) continue;
    const constructing = member.kind === 'constructor';
    walkSameFunction(member.value.body, (node) => {
      if (node.type !== AST_NODE_TYPES.AssignmentExpression) return undefined;
      if (constructing ? node.operator === '=' : isLazyInitGuard(node)) keep(thisField(node.left), node.right, constructing ? 'on construction' : 'lazily');
      return undefined;
    });
  }
  return held;
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

/** The registry entry a class of this file stands for when it holds clients of its own; undefined otherwise. */
export function clientHolderEntry(classNode: ClassNode, acquisition: (expression: Node) => ResourceEntry | undefined): ResourceEntry | undefined {
  const name = classNode.id?.name;
  if (name === undefined) return undefined;
  const held = heldClients(classNode, acquisition);
  if (held.length === 0) return undefined;
  const first = held[0];
  const how = first.made === 'lazily' ? 'creates a' : 'creates its own';
  return {
    description: `\`${name}\` (which ${how} ${first.entry.description})`,
    kind: 'client',
    types: [{ from: 'file', name }],
    releases: holderReleases(classNode, held),
  };
}
