import type { TSESTree } from '@typescript-eslint/utils';
import { callSitesOf, prototypeMethodOf } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike, isModuleScope } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { functionName } from '../ast/function-name';

/**
 * A long-lived slot a client is put in: a field of the instance (`this.client = createClient()`) or
 * a module variable (`client = new Pool()`). The slot outlives the call; storing a new client there
 * drops the previous one, open, unless something closes it first.
 */
export interface ClientSlot {
  readonly assignment: TSESTree.AssignmentExpression;
  /** The slot as code writes it: `this.client`, `pool`. */
  readonly text: string;
  /** The function that fills it. */
  readonly owner: FunctionNode;
}

/** `this.client`, `this.#client`, `pool` (a module variable): a comparable key for the slot. */
export function slotKey(target: Node, scopeManager: ScopeManagerLike): string | undefined {
  const node = unwrapExpression(target);
  if (node.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(node.object).type === AST_NODE_TYPES.ThisExpression) {
    if (node.property.type === AST_NODE_TYPES.PrivateIdentifier && !node.computed) return `this.#${node.property.name}`;
    const name = staticPropertyName(node);
    return name === undefined ? undefined : `this.${name}`;
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeManager, node);
    return variable && isModuleScope(variable.scope) ? node.name : undefined;
  }
  return undefined;
}

/**
 * A method of a class (not its constructor, which fills the slot of a new instance) or of a constructor
 * function's prototype, or an arrow in a class field: `this` there is the long-lived instance. `this` in a plain function may be a new
 * object (a constructor function, a node-red node), so those fields are not judged.
 */
function isInstanceCode(fn: FunctionNode): boolean {
  for (let current: FunctionNode | undefined = fn; current; current = enclosingFunction(current)) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition) return holder.kind === 'method' || holder.kind === 'get' || holder.kind === 'set';
    if (holder?.type === AST_NODE_TYPES.PropertyDefinition) return holder.value === current;
    // `Agent.prototype.exec = function () { … }`: a method of a constructor function, called on an instance.
    if (prototypeMethodOf(current)) return true;
    // Arrows inherit `this` from the function around them; a plain function has its own.
    if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  return false;
}

/** A class constructor, or an arrow inside one: `this` is the instance being built. */
function isClassConstructorCode(fn: FunctionNode): boolean {
  for (let current: FunctionNode | undefined = fn; current; current = enclosingFunction(current)) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition) return holder.kind === 'constructor';
    if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  return false;
}

/** The slot the acquisition is stored into, when it is one (`this.client = await connect()`). */
export function clientSlotOf(acquisition: Node, scopeManager: ScopeManagerLike): ClientSlot | undefined {
  const value = outermostWrapper(acquisition);
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value || assignment.operator !== '=') return undefined;
  const owner = enclosingFunction(assignment);
  const text = slotKey(assignment.left, scopeManager);
  if (!owner || text === undefined) return undefined;
  if (text.startsWith('this.') && !isInstanceCode(owner)) return undefined;
  return { assignment, text, owner };
}

/** Every read of the slot in `fn` itself (not nested functions), in source order. */
function slotReads(fn: FunctionNode, key: string, scopeManager: ScopeManagerLike): Node[] {
  const reads: Node[] = [];
  walkSameFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (slotKey(node, scopeManager) !== key) return undefined;
    const parent = node.parent;
    const written = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node;
    if (!written) reads.push(node);
    return node.type === AST_NODE_TYPES.MemberExpression ? false : undefined;
  });
  return reads;
}

/**
 * Whether code before the assignment in the same function looks at the slot: `if (this.client) return`,
 * `await this.client?.quit()`, `if (!pool)`. Then the old value is checked or closed, and the
 * overwrite is deliberate (precision first: what the check does is not followed).
 */
export function isSlotCheckedFirst(slot: ClientSlot, scopeManager: ScopeManagerLike): boolean {
  return slotReads(slot.owner, slot.text, scopeManager).some((read) => read.range[0] < slot.assignment.range[0]);
}

/** `this.client.quit()`: a call of one of the entry's release methods on the slot. */
function slotReleases(fn: FunctionNode, key: string, entry: ResourceEntry, scopeManager: ScopeManagerLike): Node[] {
  const methods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  return slotReads(fn, key, scopeManager).filter((read) => {
    const member = outermostWrapper(read).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(read)) return false;
    const method = staticPropertyName(member);
    const call = outermostWrapper(member).parent;
    return method !== undefined && methods.has(method) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(member);
  });
}

function insideFinally(node: Node, fn: FunctionNode): boolean {
  for (let current: Node | undefined = node; current && current !== fn; current = current.parent) {
    const parent: Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.TryStatement && parent.finalizer === current) return true;
    if (isFunction(parent)) return false;
  }
  return false;
}

/**
 * The slot's client is made and closed per use: the function that fills it, or one of this file that
 * calls it, also closes it — outside a `finally`, so a failure between the two leaves it open, and
 * the next call overwrites it (node-redis: `setRedisClient()` then `connect`, `hGetAll`, `quit` in
 * every `getAll()`). Returns the close, if so.
 */
export function perUseRelease(
  slot: ClientSlot,
  entry: ResourceEntry,
  calls: readonly TSESTree.CallExpression[],
  scopeManager: ScopeManagerLike,
): Node | undefined {
  const users = [slot.owner, ...callSitesOf(slot.owner, scopeManager, calls).flatMap((call) => enclosingFunction(call) ?? [])];
  for (const user of users) {
    const release = slotReleases(user, slot.text, entry, scopeManager).find((candidate) => !insideFinally(candidate, user));
    if (release) return release;
  }
  return undefined;
}

/**
 * `db.getTables = (req, res, next) => { client = new pg.Client(uri); … }` and, in the middleware
 * after it, `client.end()`: another function of this file that runs per use as well (`runsPerUse`: a
 * request handler, a listener) closes the slot's client, so each request's client is closed when its
 * chain is done with it before the next one takes the slot. An `end()` method of the API (serverless-pg's
 * `end()` after a `connect()` that may run twice) closes only the last client: that is still reported. Whether a failure can skip that close is the code's order across
 * functions, which the file does not show: not reported as a slot replaced unclosed.
 */
export function releasedByAnotherFunction(
  program: Node,
  slot: ClientSlot,
  entry: ResourceEntry,
  scopeManager: ScopeManagerLike,
  runsPerUse: (fn: FunctionNode) => boolean,
): boolean {
  let found = false;
  walk(program, (node) => {
    if (found) return false;
    if (isFunction(node) && node !== slot.owner && runsPerUse(node) && slotReleases(node, slot.text, entry, scopeManager).length > 0) found = true;
    return undefined;
  });
  return found;
}

/**
 * `db = client.db('shop')`, `this.collection = client.db().collection('items')`: a view the client
 * hands out (a database, a collection, a channel), kept in a long-lived slot, keeps the client
 * alive with it: the client is meant to live as long as that slot, as at start-up.
 */
export function storesViewInSlot(variable: VariableLike, scopeManager: ScopeManagerLike): boolean {
  return variable.references.some((reference) => {
    let value: Node = outermostWrapper(reference.identifier);
    // Through a chain of method calls and awaits: `client.db().collection('items')`.
    for (;;) {
      const member = value.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) break;
      const call = outermostWrapper(member).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(member)) break;
      value = outermostWrapper(call);
      if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = outermostWrapper(value.parent);
    }
    if (value === outermostWrapper(reference.identifier)) return false;
    const assignment = value.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value) return false;
    const key = slotKey(assignment.left, scopeManager);
    if (key === undefined) return false;
    // `this` of a plain function may be an object made per call (dadi's `new Model()` per collection).
    const owner = enclosingFunction(assignment);
    return !key.startsWith('this.') || (owner !== undefined && (isInstanceCode(owner) || isClassConstructorCode(owner)));
  });
}

/** Calls on a client that set it up rather than use it: connecting and wiring listeners. */
const SET_UP_METHODS: ReadonlySet<string> = new Set(['connect', '$connect', 'on', 'once', 'addListener', 'prependListener', 'setMaxListeners', 'off', 'removeListener', 'removeAllListeners']);

/** `init`, `start`, `connect`, `setup`, `bootstrap` …: names of code that runs to set something up, once. */
const SET_UP_NAME = /^(init|initiali[sz]e|start|setup|setUp|connect|open|bootstrap|configure|main|load|register|prepare|ensure|create|make|build|reset|restart|reconnect|reinit)(?![a-z])/;

/** `onConfigure` → `configure`: a framework's lifecycle hook named for the step it runs (Hocuspocus extensions, `onInit`). */
function hookedName(name: string): string {
  return /^on[A-Z]/.test(name) ? name.charAt(2).toLowerCase() + name.slice(3) : name;
}

/**
 * `p = new Producer(config); await p.connect(); await p.sendMessage(message)` in `produceMessage`:
 * the function that fills the slot also does the work it exists for with the new client — it is the
 * per-operation code, not set-up that runs once — so every call replaces the client the previous call
 * left in the slot (mojaloop: a Kafka producer per message, each left connected). A function named for
 * set-up (`init`, `start`, `connect`) is left alone whatever it does on the way. Returns the first such
 * use.
 */
export function slotUsedForWork(slot: ClientSlot, entry: ResourceEntry, scopeManager: ScopeManagerLike): Node | undefined {
  const name = functionName(slot.owner);
  if (name === undefined || SET_UP_NAME.test(name) || SET_UP_NAME.test(hookedName(name))) return undefined;
  const releases = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  return slotReads(slot.owner, slot.text, scopeManager).find((read) => {
    if (read.range[0] < slot.assignment.range[1]) return false;
    const member = outermostWrapper(read).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(read)) return false;
    const method = staticPropertyName(member);
    const call = outermostWrapper(member).parent;
    return method !== undefined && !SET_UP_METHODS.has(method) && !releases.has(method) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(member);
  });
}
