import type { TSESTree } from '@typescript-eslint/utils';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike, VariableLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { TypeOracle } from '../oracle/type-oracle';
import { isNodeBuiltin, type Registry } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';
import { awaitedOrItself, chainedCall, sameHandleCall } from './acquisition-binding';
import { lendingBorrower, type Borrower } from './borrowed-options';
import { isBorrowedByWrapper, isBorrowedRequestOption } from './borrowing-calls';
import { isReadinessWait } from './readiness-waits';
import type { OwnershipOptions } from './ownership-options';
import { onlyBorrowsArgument } from './reading-helpers';
import { releasesItsParameter, releasesItsParameterInCallback } from './releasing-helpers';
import { lentOnEveryIteration } from './repeated-loans';
import { isSettlingListener } from './settling-listener';
import { returnedWithin } from '../ast/returned-within';

export type EscapeReason =
  | 'returned'
  | 'stored'
  | 'passed to an owner'
  | 'passed to a function'
  | 'reassigned'
  | 'released in a callback'
  | 'handed to its listeners'
  | 'piped'
  | 'piped into';

/**
 * One way the handle leaves the owning function (or a place where it goes on living wrapped), in
 * source order, all of them rather than the first: a hand-off ends ownership only where it runs, and
 * what runs before it can still throw with the handle open.
 */
export interface HandOff {
  /** The reference that hands it over; for `released in a callback`, the release call. */
  readonly node: Node;
  readonly reason: EscapeReason | 'returned wrapped';
  /** Whether it happens in the owning function itself rather than in a callback. */
  readonly inOwner: boolean;
  /** A listener that only settles the promise the function awaits (`once('error', reject)`): no hand-off. */
  readonly settles: boolean;
  /** A helper of this file that only reads it and gives it back (`await this.handshake(worker)`): a loan, no hand-off. */
  readonly borrowed?: boolean;
}

export interface HandleUsage {
  /** The handle's variable and its `const alias = handle` copies. */
  readonly variables: readonly VariableLike[];
  /** Release calls (or consuming `for await` loops) that run in the owning function itself. */
  readonly releases: readonly Node[];
  /** Every reference, callbacks included, release or not: a fix must cover them all. */
  readonly references: readonly TSESTree.Identifier[];
  /** Set when ownership leaves the function: then it is not this function's to release. */
  readonly escape: { readonly node: Node; readonly reason: EscapeReason } | undefined;
  /**
   * The only escapes are loans: the handle is passed to calls (`consume(fh)`, `callback({ client })`)
   * while the function keeps its own references. A function that also releases it on every normal
   * path is its owner, and what it passed on was only borrowed (graphile's context object).
   */
  readonly lentOnly: boolean;
  /** `createInterface({ input: handle })` that only borrow it (not drained): see borrowed-options. */
  readonly borrowers: readonly Borrower[];
  /** Every hand-off, also past the first escape; and releases past it (`catch { stream?.destroy() }`). */
  readonly handOffs: readonly HandOff[];
  readonly releasesAlongHandOffs: readonly Node[];
}

function methodName(member: TSESTree.MemberExpression): string | undefined {
  const name = staticPropertyName(member);
  if (name !== undefined) return name;
  // `fh[Symbol.asyncDispose]()`
  const property = member.property;
  if (
    member.computed &&
    property.type === AST_NODE_TYPES.MemberExpression &&
    property.object.type === AST_NODE_TYPES.Identifier &&
    property.object.name === 'Symbol' &&
    property.property.type === AST_NODE_TYPES.Identifier
  ) {
    return `[Symbol.${property.property.name}]`;
  }
  return undefined;
}

type Role = { kind: 'release'; node: Node } | { kind: 'escape'; reason: EscapeReason; lent?: boolean; borrowed?: boolean; settles?: boolean } | { kind: 'alias'; declarator: TSESTree.VariableDeclarator } | { kind: 'use'; borrower?: Borrower };

/** What the role of a reference depends on: the handle's registry entry, the oracle and the options. */
interface RoleContext {
  readonly entry: ResourceEntry;
  readonly analysis: { oracle: TypeOracle; registry: Registry; scopeManager: ScopeManagerLike };
  readonly options: OwnershipOptions;
}

/** `handle.close()`, `handle.pipe(…)`, `handle.on(…)`: a method of the handle itself, or a property read. */
function isReleaseOrListener(member: TSESTree.MemberExpression, entry: ResourceEntry): boolean {
  const method = methodName(member);
  return method === undefined || method === 'pipe' || isEmitterListenerMethod(method) || entry.releases.some((release) => 'method' in release && release.method === method);
}

/** `handle.<method>(…)`: a release, a pipe, a listener (the handle lives on in it), or a plain use. */
function methodCallRole(node: Node, member: TSESTree.MemberExpression, entry: ResourceEntry): Role {
  if (member.object !== node) return { kind: 'use' };
  const callee = outermostWrapper(member);
  const call = callee.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return { kind: 'use' };
  const method = methodName(member);
  if (method === undefined) return { kind: 'use' };
  for (const release of entry.releases) {
    if ('method' in release && release.method === method) return { kind: 'release', node: call };
    if (
      'listener' in release &&
      isEmitterListenerMethod(method) &&
      call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      call.arguments[0].value === release.listener
    ) {
      return { kind: 'release', node: call };
    }
  }
  if (method === 'pipe') return { kind: 'escape', reason: 'piped' };
  // An event-driven handle (`socket.on('data', …)`, `rl.on('line', …)`) lives on in its listeners and
  // ends with its peer or its input; judging it from the function that wired it up is guesswork.
  if (isEmitterListenerMethod(method)) {
    const settles = isSettlingListener(call.arguments[1]);
    // A page's `response` listener collects what it loads: the page is still the function's to close.
    // A listener that names the page (`page.on('error', () => page.close())`) is judged as before.
    if (entry.outlivesItsListeners && !settles && !mentionsName(call.arguments[1], node)) return { kind: 'use' };
    return { kind: 'escape', reason: 'handed to its listeners', settles };
  }
  return { kind: 'use' };
}

/** Whether `listener` mentions the handle `reference` names (or is no inline function, which could). */
function mentionsName(listener: Node | undefined, reference: Node): boolean {
  if (!listener || !isFunction(listener) || reference.type !== AST_NODE_TYPES.Identifier) return true;
  let found = false;
  walk(listener, (child) => {
    if (found) return false;
    if (child.type === AST_NODE_TYPES.Identifier && child.name === reference.name) found = true;
    return undefined;
  });
  return found;
}

/**
 * `promisify(client.get).bind(client)`, `client.info.call(client, cb)`: the handle is the `this` of one
 * of its own methods, which is a call on it, not a hand-off.
 */
function bindsOwnMethod(node: Node, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node || node.type !== AST_NODE_TYPES.Identifier) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  if (method !== 'bind' && method !== 'call' && method !== 'apply') return false;
  let ownMethod = false;
  walk(callee.object, (child) => {
    if (ownMethod) return false;
    if (child.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const receiver = unwrapExpression(child.object);
    if (receiver.type === AST_NODE_TYPES.Identifier && receiver.name === node.name) ownMethod = true;
    return undefined;
  });
  return ownMethod;
}

/** `f(handle)`, `new W(handle)`: a release function, an owner, a borrowing built-in, or an unknown callee. */
function argumentRole(node: Node, call: TSESTree.CallExpression | TSESTree.NewExpression, { entry, analysis, options }: RoleContext): Role {
  if (call.callee === node) return { kind: 'use' };
  if (bindsOwnMethod(node, call)) return { kind: 'use' };
  if (call.type === AST_NODE_TYPES.CallExpression) {
    for (const release of entry.releases) {
      if ('function' in release && call.arguments[0] === node && analysis.oracle.callsPackageFunction(call, release.function.package, release.function.name)) {
        return { kind: 'release', node: call };
      }
    }
    if (analysis.registry.owners.some((owner) => analysis.oracle.callsPackageFunction(call, owner.package, owner.name))) {
      return { kind: 'escape', reason: 'passed to an owner' };
    }
    if (isConsoleCall(call)) return { kind: 'use' };
    // `source.pipe(handle)`: the source ends the handle when it ends (and only then), whatever module it is from.
    if (call.arguments[0] === node && call.callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(call.callee) === 'pipe') {
      return { kind: 'escape', reason: 'piped into' };
    }
  }
  // Node's own functions borrow what they are given (`fs.readSync(fd, …)`, `events.once(rl, 'close')`);
  // the ones that take ownership (`stream.pipeline`) are owners above.
  const module = analysis.oracle.calleeModule(call);
  if (module !== undefined && isNodeBuiltin(module)) return { kind: 'use' };
  // `databaseError(req, res, err, connection)`: a helper of this file that releases what it is given.
  if (call.type === AST_NODE_TYPES.CallExpression && releasesItsParameter(call, call.arguments.indexOf(node as TSESTree.CallExpressionArgument), analysis.scopeManager, entry)) {
    return { kind: 'release', node: call };
  }
  if (call.type === AST_NODE_TYPES.CallExpression && releasesItsParameterInCallback(call, call.arguments.indexOf(node as TSESTree.CallExpressionArgument), analysis.scopeManager, entry)) {
    return { kind: 'escape', reason: 'released in a callback' };
  }
  if (!options.unknownCallsTakeOwnership || isBorrowedByWrapper(node, call, analysis.oracle)) return { kind: 'use' };
  // A helper of this file that only calls methods on it reads it and gives it back: no loan that
  // could have handed it over for good. Still a point where it leaves this function's hands, for a
  // function that later hands it over (returns, stores it) anyway.
  const borrowed =
    (call.type === AST_NODE_TYPES.CallExpression && onlyBorrowsArgument(call, call.arguments.indexOf(node as TSESTree.CallExpressionArgument), analysis, entry)) ||
    lentOnEveryIteration(node, call, analysis.scopeManager);
  return { kind: 'escape', reason: 'passed to a function', lent: true, borrowed };
}

/** What the expression holding the handle does with it: where the value goes decides release or escape. */
function roleOfValue(node: Node, roles: RoleContext): Role {
  const { entry, analysis, options } = roles;
  // `cursor.sort(…).toArray()`: the chained call is the handle again; what happens to it decides.
  const chained = chainedCall(node, entry);
  if (chained && isReadinessWait(outermostWrapper(chained), analysis.scopeManager)) return { kind: 'use' };
  if (chained) return roleOfValue(outermostWrapper(awaitedOrItself(chained)), roles);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !isReleaseOrListener(parent, entry)) {
    // `return await client.connect()` (Promise<this>): the client leaves through the call's value.
    const same = sameHandleCall(node, entry, analysis.oracle);
    if (same) return roleOfValue(outermostWrapper(same), roles);
  }
  if (!parent) return { kind: 'use' };
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return methodCallRole(node, parent, entry);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return argumentRole(node, parent, roles);
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ThrowStatement:
      return { kind: 'escape', reason: 'returned' };
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node ? { kind: 'escape', reason: 'returned' } : { kind: 'use' };
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) return { kind: 'alias', declarator: parent };
      return { kind: 'use' };
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node ? { kind: 'escape', reason: 'stored' } : { kind: 'use' };
    case AST_NODE_TYPES.Property: {
      if (parent.value !== node) return { kind: 'use' };
      const borrower = lendingBorrower(parent, analysis);
      if (borrower) return { kind: 'use', borrower };
      if (isBorrowedRequestOption(parent, analysis)) return { kind: 'use' };
      // `callback({ [$$pgClient]: client })`: an object built for one call lends what it holds, like an argument.
      return { kind: 'escape', reason: 'stored', lent: options.unknownCallsTakeOwnership && isCallArgument(parent.parent) };
    }
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return { kind: 'escape', reason: 'stored' };
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node ? { kind: 'use' } : { kind: 'escape', reason: 'stored' };
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === node ? { kind: 'use' } : { kind: 'escape', reason: 'stored' };
    case AST_NODE_TYPES.ForOfStatement:
      // Async iteration destroys the stream (or closes the Dir) when the loop ends, breaks or throws.
      return parent.right === node ? { kind: 'release', node: parent } : { kind: 'use' };
    default:
      return { kind: 'use' };
  }
}

/**
 * Follows one handle through its owning function: is it released there, used, or handed to
 * someone else? Ownership transfer is the first source of false positives in every mature leak
 * checker (CA2000, Checker Framework, bodyclose), so anything that lets the value leave counts.
 */
export function analyzeHandleUsage(
  variable: VariableLike,
  acquisitionTarget: TSESTree.Identifier,
  owner: FunctionNode,
  entry: ResourceEntry,
  context: { oracle: TypeOracle; registry: Registry; scopeManager: ScopeManagerLike },
  options: OwnershipOptions,
  /** The handle is kept in this field of `variable`'s object (a wrapper): `wrapper.field` is the handle. */
  field?: string,
  /**
   * Hand-offs after which the owner still owns the value, for this kind of resource (a client's
   * `on('error')` listener, a client hung on the request the handler serves): see client-keeping.
   */
  ownerKeeps?: (value: Node, reason: EscapeReason) => boolean,
  /**
   * The branch of an own-or-borrowed choice that assigns a borrowed value to the same variable
   * (`if (useCache) producer = cached(); else producer = acquire()`): its writes are not reassignments.
   */
  borrowedBranch?: Node,
): HandleUsage {
  const variables: VariableLike[] = [variable];
  const releases: Node[] = [];
  const references: TSESTree.Identifier[] = [];
  let escape: HandleUsage['escape'];
  let loan: HandleUsage['escape'];
  const borrowers: Borrower[] = [];
  const handOffs: HandOff[] = [];
  const releasesAlongHandOffs: Node[] = [];
  // Past the first escape the usage is settled; the walk goes on only to list the hand-offs.
  const followed: VariableLike[] = [variable];

  const roles: RoleContext = { entry, analysis: context, options };
  const handOff = (node: Node, reason: HandOff['reason'], inOwner: boolean, settles = false, borrowed = false) =>
    handOffs.push(borrowed ? { node, reason, inOwner, settles, borrowed } : { node, reason, inOwner, settles });

  for (let index = 0; index < followed.length; index++) {
    const settled = () => escape !== undefined;
    const tracked = !settled() && index < variables.length;
    for (const reference of followed[index].references) {
      const identifier = reference.identifier;
      if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
      if (identifier === acquisitionTarget) continue;
      if (reference.init && index > 0) continue; // the alias's own declaration
      const inOwner = enclosingFunction(identifier) === owner;
      if (reference.isWrite()) {
        if (borrowedBranch && isWithinNode(identifier, borrowedBranch)) continue;
        handOff(identifier, 'reassigned', inOwner);
        if (tracked && !settled()) escape = { node: identifier, reason: 'reassigned' };
        continue;
      }
      const value = fieldOrValue(identifier, field);
      const found = roleOfValue(value, roles);
      const role: Role = found.kind === 'escape' && ownerKeeps?.(value, found.reason) ? { kind: 'use' } : found;
      const recording = tracked && !settled();
      if (recording) references.push(identifier);
      if (role.kind === 'escape') {
        handOff(identifier, role.reason, inOwner, role.settles, role.borrowed);
        if (!recording) continue;
        if (role.lent && inOwner) {
          if (!role.borrowed) loan ??= { node: identifier, reason: role.reason };
          continue;
        }
        escape = { node: identifier, reason: role.reason };
        continue;
      }
      if (role.kind === 'use') {
        if (recording && role.borrower) borrowers.push(role.borrower);
        // `return Readable.toWeb(stream)`: a built-in that borrows it, but the wrapper leaves with it.
        if (inOwner && isArgument(value) && returnedWithin(value, owner)) handOff(identifier, 'returned wrapped', true);
      }
      if (role.kind === 'release') {
        if (!inOwner) {
          handOff(role.node, 'released in a callback', false);
          if (recording) escape = { node: identifier, reason: 'released in a callback' };
          continue;
        }
        releasesAlongHandOffs.push(role.node);
        if (recording) releases.push(role.node);
      }
      if (role.kind === 'alias') {
        if (!inOwner) {
          handOff(identifier, 'stored', false);
          if (recording) escape = { node: identifier, reason: 'stored' };
          continue;
        }
        const aliases = context.scopeManager.getDeclaredVariables(role.declarator);
        if (recording) variables.push(...aliases);
        followed.push(...aliases);
      }
    }
  }
  return {
    variables,
    releases,
    references,
    escape: escape ?? loan,
    lentOnly: escape === undefined && loan !== undefined,
    borrowers,
    handOffs,
    releasesAlongHandOffs,
  };
}

/** `wrapper.field`, when the handle lives in the wrapper's field; else the reference itself. */
function fieldOrValue(identifier: TSESTree.Identifier, field: string | undefined): Node {
  const value = outermostWrapper(identifier);
  const member = value.parent;
  if (field === undefined || member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return value;
  return staticPropertyName(member) === field ? outermostWrapper(member) : value;
}

function isArgument(value: Node): boolean {
  const call = value.parent;
  return (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && (call.arguments as readonly Node[]).includes(value);
}

/** An object literal written directly as an argument: `f({ handle })`, `new Wrapper({ handle })`. */
function isCallArgument(object: Node): boolean {
  const call = object.parent;
  return (
    object.type === AST_NODE_TYPES.ObjectExpression &&
    (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
    (call.arguments as readonly Node[]).includes(object)
  );
}

function isConsoleCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'console'
  );
}

function isWithinNode(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
