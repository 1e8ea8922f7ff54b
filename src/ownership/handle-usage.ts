import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike, VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { TypeOracle } from '../oracle/type-oracle';
import { isNodeBuiltin, type Registry } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';

export type EscapeReason =
  | 'returned'
  | 'stored'
  | 'passed to an owner'
  | 'passed to a function'
  | 'reassigned'
  | 'released in a callback'
  | 'handed to its listeners'
  | 'piped';

export interface HandleUsage {
  /** The handle's variable and its `const alias = handle` copies. */
  readonly variables: readonly VariableLike[];
  /** Release calls (or consuming `for await` loops) that run in the owning function itself. */
  readonly releases: readonly Node[];
  /** Every reference, callbacks included, release or not: a fix must cover them all. */
  readonly references: readonly TSESTree.Identifier[];
  /** Set when ownership leaves the function: then it is not this function's to release. */
  readonly escape: { readonly node: Node; readonly reason: EscapeReason } | undefined;
}

export interface HandleUsageOptions {
  /** Passing the handle to a function we know nothing about hands it over (precision first). */
  readonly unknownCallsTakeOwnership: boolean;
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

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

type Role = { kind: 'release'; node: Node } | { kind: 'escape'; reason: EscapeReason } | { kind: 'alias'; declarator: TSESTree.VariableDeclarator } | { kind: 'use' };

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
  options: HandleUsageOptions,
): HandleUsage {
  const variables: VariableLike[] = [variable];
  const releases: Node[] = [];
  const references: TSESTree.Identifier[] = [];
  let escape: HandleUsage['escape'];

  const roleOf = (identifier: TSESTree.Identifier): Role => {
    const node = outermostWrapper(identifier);
    const parent = node.parent;
    if (!parent) return { kind: 'use' };
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== node) return { kind: 'use' };
        const callee = outermostWrapper(parent);
        const call = callee.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return { kind: 'use' };
        const method = methodName(parent);
        if (method === undefined) return { kind: 'use' };
        for (const release of entry.releases) {
          if ('method' in release && release.method === method) return { kind: 'release', node: call };
          if (
            'listener' in release &&
            LISTENER_METHODS.has(method) &&
            call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
            call.arguments[0].value === release.listener
          ) {
            return { kind: 'release', node: call };
          }
        }
        if (method === 'pipe') return { kind: 'escape', reason: 'piped' };
        // An event-driven handle (`socket.on('data', …)`, `rl.on('line', …)`) lives on in its listeners and
        // ends with its peer or its input; judging it from the function that wired it up is guesswork.
        if (LISTENER_METHODS.has(method)) return { kind: 'escape', reason: 'handed to its listeners' };
        return { kind: 'use' };
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (parent.callee === node) return { kind: 'use' };
        if (parent.type === AST_NODE_TYPES.CallExpression) {
          for (const release of entry.releases) {
            if (
              'function' in release &&
              parent.arguments[0] === node &&
              context.oracle.callsPackageFunction(parent, release.function.package, release.function.name)
            ) {
              return { kind: 'release', node: parent };
            }
          }
          if (context.registry.owners.some((owner) => context.oracle.callsPackageFunction(parent, owner.package, owner.name))) {
            return { kind: 'escape', reason: 'passed to an owner' };
          }
          if (isConsoleCall(parent)) return { kind: 'use' };
        }
        // Node's own functions borrow what they are given (`fs.readSync(fd, …)`, `events.once(rl, 'close')`);
        // the ones that take ownership (`stream.pipeline`) are owners above.
        const module = context.oracle.calleeModule(parent);
        if (module !== undefined && isNodeBuiltin(module)) return { kind: 'use' };
        return options.unknownCallsTakeOwnership ? { kind: 'escape', reason: 'passed to a function' } : { kind: 'use' };
      }
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
      case AST_NODE_TYPES.Property:
        if (parent.value !== node) return { kind: 'use' };
        return isBorrowedOption(parent, context) ? { kind: 'use' } : { kind: 'escape', reason: 'stored' };
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
  };

  for (let index = 0; index < variables.length && !escape; index++) {
    for (const reference of variables[index].references) {
      const identifier = reference.identifier;
      if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
      if (identifier === acquisitionTarget) continue;
      if (reference.init && index > 0) continue; // the alias's own declaration
      if (reference.isWrite()) {
        escape = { node: identifier, reason: 'reassigned' };
        break;
      }
      const inOwner = enclosingFunction(identifier) === owner;
      const role = roleOf(identifier);
      references.push(identifier);
      if (role.kind === 'escape') {
        escape = { node: identifier, reason: role.reason };
        break;
      }
      if (role.kind === 'release') {
        if (!inOwner) {
          escape = { node: identifier, reason: 'released in a callback' };
          break;
        }
        releases.push(role.node);
      }
      if (role.kind === 'alias') {
        if (!inOwner) {
          escape = { node: identifier, reason: 'stored' };
          break;
        }
        variables.push(...context.scopeManager.getDeclaredVariables(role.declarator));
      }
    }
  }
  return { variables, releases, references, escape };
}

/**
 * `readline.createInterface({ input })`: the interface reads `input` but never closes it, so the
 * stream stays this function's to release — unless a `for await` drains the interface, which reads
 * the stream to its end (where it closes itself): Node's own documented idiom, not reported.
 */
function isBorrowedOption(
  property: TSESTree.Property,
  context: { oracle: TypeOracle; scopeManager: ScopeManagerLike },
): boolean {
  const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  const object = property.parent;
  const call = object.parent;
  if (!key || (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression)) return false;
  if (!(call.arguments as readonly Node[]).includes(object)) return false;
  const holder = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  if (!context.oracle.acquisition(holder)?.borrowedOptions?.includes(key)) return false;
  const declarator = holder.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  const drained = context.scopeManager
    .getDeclaredVariables(declarator)
    .some((borrower) =>
      borrower.references.some((reference) => {
        const parent = outermostWrapper(reference.identifier).parent;
        return parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === outermostWrapper(reference.identifier);
      }),
    );
  return !drained;
}

function isConsoleCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'console'
  );
}
