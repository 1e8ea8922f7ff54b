import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper } from '../ast/predicates';
import type { ScopeManagerLike, VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { earlyLoopExit } from '../flow/loop-exits';
import type { TypeOracle } from '../oracle/type-oracle';
import type { Registry } from '../registry/registry';

/**
 * `readline.createInterface({ input })`: the interface reads `input` but never closes it, not even on
 * `rl.close()`. Only reading the input to its end closes it (a file stream closes itself there), and
 * a `for await` over the interface does that — unless it leaves the loop early: the `break` at a line
 * budget leaves the stream open (DesktopCommanderMCP's read_file, one descriptor per long file).
 */
export interface Borrower {
  /** The borrowing call, or the `await` of it: what the registry entry with `borrowedOptions` acquires. */
  readonly holder: Node;
  /** `const rl = createInterface({ input })`; undefined when the borrower is not kept in a variable. */
  readonly declarator: TSESTree.VariableDeclarator | undefined;
}

const optionNamesByRegistry = new WeakMap<Registry, ReadonlySet<string>>();

function borrowedOptionNames(registry: Registry): ReadonlySet<string> {
  let names = optionNamesByRegistry.get(registry);
  if (!names) {
    names = new Set(registry.entries.flatMap((entry) => entry.borrowedOptions ?? []));
    optionNamesByRegistry.set(registry, names);
  }
  return names;
}

function optionKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** The option property whose value `node` is (`{ input: createReadStream(p) }`), when some registry entry borrows an option of that name. */
export function borrowedOptionProperty(node: Node, registry: Registry): TSESTree.Property | undefined {
  const value = outermostWrapper(node);
  const property = value.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== value) return undefined;
  const key = optionKey(property);
  return key !== undefined && borrowedOptionNames(registry).has(key) ? property : undefined;
}

/** The call that borrows this option, when its acquisition lists the option as borrowed. */
export function borrowerOf(property: TSESTree.Property, oracle: TypeOracle): Borrower | undefined {
  const key = optionKey(property);
  const object = property.parent;
  const call = object?.parent;
  if (key === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  if (!(call.arguments as readonly Node[]).includes(object)) return undefined;
  const holder = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  if (!oracle.acquisition(holder)?.borrowedOptions?.includes(key)) return undefined;
  const declarator = outermostWrapper(holder).parent;
  return {
    holder,
    declarator: declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === outermostWrapper(holder) ? declarator : undefined,
  };
}

export interface DrainingLoop {
  readonly loop: TSESTree.ForOfStatement;
  /** The `break`, `return` or `throw` that leaves it before the input's end, if any. */
  readonly earlyExit: Node | undefined;
}

/** The `for await` loops over the borrower (or its aliases). */
export function drainingLoops(borrowers: readonly VariableLike[]): DrainingLoop[] {
  const loops: DrainingLoop[] = [];
  for (const borrower of borrowers) {
    for (const reference of borrower.references) {
      const value = outermostWrapper(reference.identifier);
      const loop = value.parent;
      if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.right === value) loops.push({ loop, earlyExit: earlyLoopExit(loop) });
    }
  }
  return loops;
}

/** Reads its input to the end: at least one `for await` over it, and none leaves early. */
export function isDrained(loops: readonly DrainingLoop[]): boolean {
  return loops.length > 0 && loops.every((loop) => loop.earlyExit === undefined);
}

/**
 * `const input = createReadStream(p); createInterface({ input })`: the interface that only borrows
 * `input` (so `input` is still this function's to release), or undefined when the interface is
 * drained, which closes the stream at its end, or the option is not a borrowed one.
 */
export function lendingBorrower(
  property: TSESTree.Property,
  context: { oracle: TypeOracle; scopeManager: ScopeManagerLike },
): Borrower | undefined {
  const borrower = borrowerOf(property, context.oracle);
  if (!borrower?.declarator) return undefined;
  return isDrained(drainingLoops(context.scopeManager.getDeclaredVariables(borrower.declarator))) ? undefined : borrower;
}

/**
 * Calls that cannot fail while the borrower holds the handle: the borrowing call itself (it attaches to
 * the stream; it throws only on bad arguments) and the borrower's own quiet methods (`rl.close()`).
 * `const rl = createInterface({ input }); … finally { rl.close(); input.destroy(); }` releases `input`.
 */
export function borrowerQuietCalls(
  borrowers: readonly Borrower[],
  context: { oracle: TypeOracle; scopeManager: ScopeManagerLike },
): Set<Node> {
  const calls = new Set<Node>();
  for (const borrower of borrowers) {
    const holder = borrower.holder.type === AST_NODE_TYPES.AwaitExpression ? borrower.holder.argument : borrower.holder;
    calls.add(holder);
    const quiet = new Set(context.oracle.acquisition(borrower.holder)?.quietMethods ?? []);
    if (!borrower.declarator || quiet.size === 0) continue;
    for (const variable of context.scopeManager.getDeclaredVariables(borrower.declarator)) {
      for (const reference of variable.references) {
        const member = outermostWrapper(reference.identifier).parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.computed || member.property.type !== AST_NODE_TYPES.Identifier) continue;
        const call = outermostWrapper(member).parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(member) && quiet.has(member.property.name)) calls.add(call);
      }
    }
  }
  return calls;
}
