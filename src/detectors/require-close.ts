import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, type FunctionNode } from '../ast/predicates';
import { nodeIndexOf } from '../ast/node-index';
import type { Node } from '../ast/traverse';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { OptionValues } from '../descriptors/option-spec';
import type { Finding, Refusal, Remedy } from '../findings/finding';
import { editsForWrapInTryFinally } from '../fix/wrap-in-try-finally';
import type { WrapInTryFinallyPlan } from '../remedies/try-finally-plan';
import { ownershipOptions } from '../ownership/ownership-options';
import { findLeakPaths, type LeakPath } from '../flow/release-paths';
import { bindingOf, couldBeOwnedHere } from '../ownership/acquisition-binding';
import { borrowedOptionProperty, borrowerOf, borrowerQuietCalls, drainingLoops, isDrained } from '../ownership/borrowed-options';
import { analyzeHandleUsage, type HandleUsage } from '../ownership/handle-usage';
import type { ResourceEntry } from '../registry/resource-entry';
import { mayMentionAcquisition } from '../registry/text-precheck';
import { planTryFinally } from '../remedies/plan-try-finally';

export const REQUIRE_CLOSE = 'require-close';

const requireCloseOptions = ownershipOptions('handle');

type RequireCloseOptions = OptionValues<typeof requireCloseOptions>;

type RequireCloseMessageId = 'neverReleased' | 'releasedOnlyOnSuccess' | 'notReleasedOnEveryPath' | 'handedOverOnlyOnSuccess';

/** The finding `require-close` reports: its message, and a plan for `try-finally-close`. */
type RequireCloseFinding = Finding<RequireCloseMessageId, WrapInTryFinallyPlan>;

function lineOf(node: Node): number {
  return node.loc.start.line;
}

function releaseName(entry: ResourceEntry): string {
  const release = entry.releases[0];
  if (!release) return 'release it';
  if ('method' in release) return release.method.startsWith('[') ? `${release.method}()` : `.${release.method}()`;
  if ('function' in release) return `${release.function.name}()`;
  return `an '${release.listener}' listener`;
}

/**
 * `require-close`: a handle acquired by a function (not returned, stored or handed to an owner)
 * that is not released on every path out of it, exceptions included.
 */
function detectUnreleasedHandles(analysis: Analysis, options: RequireCloseOptions): RequireCloseFinding[] {
  // Typed mode also finds project factories and Disposable types, which no text check can see.
  if (!analysis.oracle.typed && !mayMentionAcquisition(analysis.sourceText, analysis.registry, 'handle')) return [];
  const findings: RequireCloseFinding[] = [];
  for (const node of nodeIndexOf(analysis.ast).acquisitionCandidates) {
    const owner = enclosingFunction(node);
    // Module level and class fields run once and live as long as the process or the instance.
    if (!owner) continue;
    const option = couldBeOwnedHere(node) ? undefined : borrowedOptionProperty(node, analysis.registry);
    if (!option && !couldBeOwnedHere(node)) continue;
    const entry = analysis.oracle.acquisition(node);
    if (!entry || entry.kind !== 'handle') continue;
    const finding = option
      ? judgeInlineOption(analysis, options, node, option, owner, entry)
      : judgeAcquisition(analysis, options, node, owner, entry);
    if (finding) findings.push(finding);
  }
  return findings;
}

function judgeAcquisition(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  owner: FunctionNode,
  entry: ResourceEntry,
): RequireCloseFinding | undefined {
  const binding = bindingOf(acquisition, owner, entry, analysis.scopeManager, analysis.oracle);
  const data = { resource: entry.description, release: releaseName(entry) };
  const report = (messageId: RequireCloseMessageId, extra: Record<string, string>, remedy: Remedy<WrapInTryFinallyPlan>): RequireCloseFinding => ({
    ruleId: REQUIRE_CLOSE,
    messageId,
    node: acquisition,
    data: { ...data, ...extra },
    remedy,
  });
  if (binding.kind === 'discarded') {
    return report('neverReleased', {}, { kind: 'refusal', reason: 'the handle is not kept in a variable, so there is nothing to close in a `finally`; assign it to a `const` first' });
  }
  if (binding.kind !== 'variable') return undefined;

  const usage = analyzeHandleUsage(binding.variable, binding.target, owner, entry, analysis, options);
  // Lent to calls and released here too: this function is the owner, the callees only borrowed it.
  const owned = !usage.escape || (usage.lentOnly && usage.releases.length > 0);
  if (!owned) {
    const thrower = throwBeforeHandOff(owner, acquisition, binding, usage, entry);
    if (!thrower) return undefined;
    return report(
      'handedOverOnlyOnSuccess',
      {
        thrower: describeThrower(analysis, thrower.leak.node),
        line: String(lineOf(thrower.leak.node)),
        handOff: describeThrower(analysis, thrower.handOff),
        handOffLine: String(lineOf(thrower.handOff)),
      },
      { kind: 'refusal', reason: 'it is handed over later, so a `finally` would release it on success too; release it in a `catch` that rethrows, around the statements before the hand-off' },
    );
  }
  const remedy = () => planTryFinally(analysis, { acquisition, binding, owner, entry, usage });
  if (usage.releases.length === 0) return report('neverReleased', {}, remedy());

  const names = new Set(usage.variables.map((variable) => variable.name));
  const scope = declaringScope(binding.variable.defs[0]?.node) ?? owner.body;
  const quietMethods = new Set(entry.quietMethods ?? []);
  const quietCalls = borrowerQuietCalls(usage.borrowers, analysis);
  const leaks = findLeakPaths(owner, { acquisition, scope, releases: new Set(usage.releases), names, quietMethods, quietCalls });
  if (leaks.length === 0) return undefined;
  // A loan is a borrow only if the function releases the handle on every normal way out; a path that
  // ends without a release may have handed it over for good (`register(fh)` on success).
  if (usage.lentOnly && leaks.some((leak) => leak.kind !== 'throw')) return undefined;
  const earlyExit = leaks.find((leak) => leak.kind !== 'throw');
  if (earlyExit) return report('notReleasedOnEveryPath', { line: String(exitLine(earlyExit)) }, remedy());
  const thrower = firstLeak(leaks);
  return report('releasedOnlyOnSuccess', { thrower: describeThrower(analysis, thrower.node), line: String(lineOf(thrower.node)) }, remedy());
}

/**
 * A handle that is handed over (returned, stored, passed on, piped into) is this function's until the
 * hand-off runs: every throwing point between the acquisition and the hand-off must release it. The
 * hand-offs and releases are the ends of ownership; a throw that leaves with the handle still open
 * is the finding (api-scoring's writer: the download request fails before `body.pipe(writer)`).
 * Only hand-offs in the function itself: one in a callback happens at a time we cannot place.
 */
function throwBeforeHandOff(
  owner: FunctionNode,
  acquisition: Node,
  binding: Extract<ReturnType<typeof bindingOf>, { kind: 'variable' }>,
  usage: HandleUsage,
  entry: ResourceEntry,
): { leak: LeakPath; handOff: Node } | undefined {
  const handOffs = usage.handOffs.filter((handOff) => !handOff.settles);
  if (handOffs.length === 0) return undefined;
  if (handOffs.some((handOff) => !handOff.inOwner || handOff.reason === 'reassigned')) return undefined;
  const ends = new Set<Node>([...handOffs.map((handOff) => handOff.node), ...usage.releasesAlongHandOffs]);
  const names = new Set(usage.variables.map((variable) => variable.name));
  const scope = declaringScope(binding.variable.defs[0]?.node) ?? owner.body;
  const leaks = findLeakPaths(owner, { acquisition, scope, releases: ends, names, quietMethods: new Set(entry.quietMethods ?? []) });
  const thrown = leaks.filter((leak) => leak.kind === 'throw');
  if (thrown.length === 0) return undefined;
  const leak = firstLeak(thrown);
  const handOff = handOffs.find((candidate) => candidate.node.range[0] > leak.node.range[0]) ?? handOffs[0];
  return { leak, handOff: statementOf(handOff.node) };
}

/** The expression statement, return or declaration a hand-off happens in: what the message quotes. */
function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && !current.parent.type.endsWith('Statement') && current.parent.type !== AST_NODE_TYPES.VariableDeclaration) current = current.parent;
  const statement = current.parent ?? current;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) return statement.expression;
  if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) return statement.argument;
  return current;
}

/**
 * `createInterface({ input: createReadStream(p) })`: the stream is not kept anywhere, and the interface
 * only borrows it. It closes itself when a `for await` over the interface reads it to the end; a
 * `break` or `return` out of that loop, or no such loop at all, leaves it open.
 */
function judgeInlineOption(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  option: TSESTree.Property,
  owner: FunctionNode,
  entry: ResourceEntry,
): RequireCloseFinding | undefined {
  const borrower = borrowerOf(option, analysis.oracle);
  const borrowerEntry = borrower && analysis.oracle.acquisition(borrower.holder);
  if (!borrower?.declarator || borrower.declarator.id.type !== AST_NODE_TYPES.Identifier || !borrowerEntry) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(borrower.declarator)[0];
  if (!variable) return undefined;
  // Returned, stored or wired to listeners: the interface, and its input with it, live on elsewhere.
  const usage = analyzeHandleUsage(variable, borrower.declarator.id, owner, borrowerEntry, analysis, options);
  if (usage.escape) return undefined;
  const loops = drainingLoops(usage.variables);
  if (isDrained(loops)) return undefined;
  // An interface that is itself not closed on every path has its own finding, which names the inline input.
  if (borrowerEntry.kind === 'handle') {
    if (usage.releases.length === 0) return undefined;
    const names = new Set(usage.variables.map((borrowerVariable) => borrowerVariable.name));
    const scope = declaringScope(borrower.declarator) ?? owner.body;
    const leaks = findLeakPaths(owner, {
      acquisition: borrower.holder,
      scope,
      releases: new Set(usage.releases),
      names,
      quietMethods: new Set(borrowerEntry.quietMethods ?? []),
    });
    if (leaks.length > 0) return undefined;
  }
  const data = { resource: entry.description, release: releaseName(entry) };
  const remedy: Refusal = {
    kind: 'refusal',
    reason: `the ${entry.description} is created inline as an option that the call only borrows; keep it in a \`const\` and release it in a \`finally\` after its last use`,
  };
  const exit = loops.find((loop) => loop.earlyExit)?.earlyExit;
  return exit
    ? { ruleId: REQUIRE_CLOSE, messageId: 'notReleasedOnEveryPath', node: acquisition, data: { ...data, line: String(lineOf(exit)) }, remedy }
    : { ruleId: REQUIRE_CLOSE, messageId: 'neverReleased', node: acquisition, data, remedy };
}

/** The statement whose end drops a variable declared by `declarator`: its block, or the switch of its case. */
function declaringScope(declarator: Node | undefined): Node | undefined {
  const declaration = declarator?.parent;
  // `var` lives as long as the function.
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind === 'var') return undefined;
  const container = declaration.parent;
  if (!container) return undefined;
  if (container.type === AST_NODE_TYPES.SwitchCase) return container.parent;
  if (container.type === AST_NODE_TYPES.BlockStatement) return container;
  return undefined;
}

function exitLine(leak: LeakPath): number {
  return leak.kind === 'end' ? leak.node.loc.end.line : lineOf(leak.node);
}

function firstLeak(leaks: readonly LeakPath[]): LeakPath {
  return [...leaks].sort((a, b) => a.node.range[0] - b.node.range[0])[0];
}

const MAX_THROWER_TEXT = 40;

function describeThrower(analysis: Analysis, node: Node): string {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return 'throw';
  const text = analysis.sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  if (text.length <= MAX_THROWER_TEXT) return text;
  // `await connection.query()` reads better than a truncated argument list.
  const awaited = node.type === AST_NODE_TYPES.AwaitExpression;
  const call = awaited ? (node).argument : node;
  if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
    const callee = analysis.sourceText.slice(call.callee.range[0], call.callee.range[1]).replace(/\s+/g, ' ');
    const shortened = `${awaited ? 'await ' : ''}${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${callee}()`;
    if (shortened.length <= MAX_THROWER_TEXT * 2) return shortened;
  }
  return `${text.slice(0, MAX_THROWER_TEXT - 1)}…`;
}

export type { HandleUsage };

/** The messages of its findings and of its two suggestions; the codemod's report renders the same text. */
const requireCloseMessages = {
  neverReleased:
    'This {{resource}} is never released: call `{{release}}` in a `finally` block, or hand it to an owner.',
  releasedOnlyOnSuccess:
    'This {{resource}} is released only on the success path: `{{thrower}}` on line {{line}} can throw first. Release it in a `finally` block.',
  notReleasedOnEveryPath:
    'This {{resource}} is not released on the path through line {{line}}. Release it in a `finally` block.',
  handedOverOnlyOnSuccess:
    'This {{resource}} is handed over only on success (`{{handOff}}` on line {{handOffLine}}): `{{thrower}}` on line {{line}} can throw first and leave it open. Release it in a `catch` that rethrows.',
  wrapInTryFinally: 'Release it in a `finally` block that covers every use.',
  declareWithUsing: 'Declare it with `{{keyword}}` so it is disposed on every path.',
} as const;

type RequireCloseMessage = keyof typeof requireCloseMessages;

/**
 * `require-close`: a handle acquired by a function (not returned, stored or handed to an owner) that
 * is not released on every path out of it, exceptions included. The suggestions are the codemod's own
 * edits: `try { … } finally { <release> }`, and `using` where the type is Disposable.
 */
export const requireClose: RuleDescriptor<RequireCloseMessage, typeof requireCloseOptions, WrapInTryFinallyPlan> = {
  name: REQUIRE_CLOSE,
  description: 'Require handles (files, sockets, streams, pool clients) to be released on every path, exceptions included',
  recommended: true,
  messages: requireCloseMessages,
  options: requireCloseOptions,
  detect: detectUnreleasedHandles,
  suggest(finding, analysis) {
    const plan = finding.remedy;
    if (plan.kind !== 'wrap-in-try-finally') return [];
    const styles = plan.disposal ? (['try-finally', 'using'] as const) : (['try-finally'] as const);
    return styles.flatMap((style) => {
      const result = editsForWrapInTryFinally(plan, analysis.sourceText, analysis.ast, style);
      if ('refusal' in result || ('note' in result && result.note)) return [];
      return [
        {
          messageId: style === 'using' ? 'declareWithUsing' : 'wrapInTryFinally',
          data: { keyword: plan.disposal === 'async' ? 'await using' : 'using' },
          edits: result.edits,
        },
      ];
    });
  },
};
