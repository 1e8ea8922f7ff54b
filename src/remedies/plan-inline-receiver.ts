import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import { statementListOf } from '../ast/statement-lists';
import { walk, type Node } from '../ast/traverse';
import type { Remedy } from '../findings/finding';
import type { ResourceEntry } from '../registry/resource-entry';
import type { ReleaseSpecifier } from '../registry/specifiers';
import type { WrapInTryFinallyPlan } from './try-finally-plan';

/** Verbs that open a resource: what is left of the factory's name is what it opens (`startSession` → `session`). */
const OPENING_VERBS = /^(?:start|create|open|get|new|acquire|connect|launch|make|begin)(?=[A-Z])/;

/** `session` from `db.startSession()`, unless the function already says it; then `handle`, numbered. */
function receiverName(owner: FunctionNode, opened: Node): string {
  const acquisition = opened.type === AST_NODE_TYPES.AwaitExpression ? opened.argument : opened;
  const callee = acquisition.type === AST_NODE_TYPES.CallExpression || acquisition.type === AST_NODE_TYPES.NewExpression ? acquisition.callee : undefined;
  const factory = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : callee?.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  const rest = factory?.replace(OPENING_VERBS, '');
  const derived = rest && rest !== factory ? `${rest[0].toLowerCase()}${rest.slice(1)}` : undefined;
  const names = namesUsedIn(owner);
  const taken = (name: string) => names.has(name);
  const candidates = [derived, 'handle', 'resource', 'handle2'].filter((name): name is string => name !== undefined && /^[A-Za-z_$][\w$]*$/.test(name));
  return candidates.find((name) => !taken(name)) ?? 'ownedHandle';
}

/** TypeScript nodes that hold a value (`x as T`, `x!`); every other `TS…` node is a type, whose names bind nothing here. */
const VALUE_WRAPPERS = new Set<string>([AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSNonNullExpression, AST_NODE_TYPES.TSSatisfiesExpression, AST_NODE_TYPES.TSTypeAssertion]);

/**
 * The names the function's code reads or declares: a new `const` must not shadow one. A parameter
 * name inside a type (`fn: (session: ClientSession) => …`) and a property name (`x.session`) do not count.
 */
function namesUsedIn(owner: FunctionNode): Set<string> {
  const names = new Set<string>();
  walk(owner, (node) => {
    if (node.type.startsWith('TS') && !VALUE_WRAPPERS.has(node.type)) return false;
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return undefined;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) return undefined;
    names.add(node.name);
    return undefined;
  });
  return names;
}

/**
 * `return await (await db.startSession()).withTransaction(fn);`: the handle is opened inline, used
 * once as the receiver of an awaited call and dropped (novu's MongoDB sessions). It gets a `const`
 * of its own right before that statement, and the statement goes into a `try` whose `finally`
 * releases it, awaited when the release returns a promise. A call not awaited is refused (its work
 * would outlive the `finally`); undefined for any other shape: a statement other than an expression
 * or a `return`, or no method release in the registry.
 */
export function planInlineReceiver(analysis: Analysis, site: { readonly acquisition: Node; readonly entry: ResourceEntry; readonly owner: FunctionNode }): Remedy<WrapInTryFinallyPlan> | undefined {
  const { acquisition, entry, owner } = site;
  if (!owner.async) return undefined;
  const opened = outermostWrapper(acquisition.parent?.type === AST_NODE_TYPES.AwaitExpression ? acquisition.parent : acquisition);
  const member = opened.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== opened || member.computed || member.optional) return undefined;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  const awaited = call.parent;
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) {
    const method = staticPropertyName(member) ?? 'call';
    return {
      kind: 'refusal',
      reason: `it is opened inline as the receiver of \`.${method}()\`, which is not awaited here, so a \`finally\` would release it before that call is done; keep it in a \`const\`, \`await\` the call in a \`try\`, and release it in the \`finally\``,
    };
  }
  const statement = awaited.parent;
  const isStatement =
    (statement?.type === AST_NODE_TYPES.ReturnStatement && statement.argument === awaited) ||
    (statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.expression === awaited);
  if (!statement || !isStatement || !statementListOf(statement.parent)) return undefined;
  const release = entry.releases.find((candidate): candidate is Extract<ReleaseSpecifier, { method: string }> => 'method' in candidate && !candidate.method.startsWith('['));
  if (!release) return undefined;
  const text = analysis.sourceText;
  const name = receiverName(owner, acquisition);
  const semicolon = text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const keyword = text.slice(owner.range[0], owner.range[1]).match(/\b(?:const|let)\s/) || !/\bvar\s/.test(text) ? 'const' : 'var';
  const releaseStatement = `${release.async ? 'await ' : ''}${name}.${release.method}()${semicolon}`;
  return {
    kind: 'wrap-in-try-finally',
    declaration: undefined,
    first: statement as TSESTree.Statement,
    last: statement as TSESTree.Statement,
    removals: [],
    release: releaseStatement,
    disposal: undefined,
    inAsyncFunction: owner.async,
    inlineReceiver: {
      statement: statement as TSESTree.Statement,
      declaration: `${keyword} ${name} = ${text.slice(opened.range[0], opened.range[1])}${semicolon}`,
      // `(await db.startSession()).` up to the method's name becomes `session.`.
      receiver: [member.range[0], member.property.range[0]],
      name,
    },
  };
}
