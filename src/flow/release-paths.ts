import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isInside, outermostWrapper, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { firstThrower, isProcessExit } from './throwing';

/**
 * Where the handle can be at a point of the owning function: not acquired yet, open, or released.
 * A set of them (bit mask), since paths merge.
 */
const BEFORE = 1;
const OPEN = 2;
const RELEASED = 4;
type States = number;

type ExitKind = 'return' | 'throw' | 'break' | 'continue';

interface Exit {
  readonly kind: ExitKind;
  readonly label: string | undefined;
  readonly states: States;
  /** The statement that leaves (return) or the expression that may throw. */
  readonly node: Node;
}

interface Outcome {
  /** States when control falls through to the next statement; 0 = unreachable. */
  readonly normal: States;
  readonly exits: readonly Exit[];
}

export interface LeakPath {
  /**
   * `throw`: an exception (or a `yield` whose consumer stops) leaves with the handle open;
   * `return`: a return, break or continue does; `end`: control runs off the end of the scope.
   */
  readonly kind: 'throw' | 'return' | 'end';
  readonly node: Node;
}

export interface ReleaseSites {
  readonly acquisition: Node;
  /**
   * The statement whose end drops the handle's variable: the block that declares it (the loop body
   * for a `const` in a loop). Leaving it with the handle open leaks it, by any exit.
   */
  readonly scope: Node;
  readonly releases: ReadonlySet<Node>;
  /** Names of the handle and its aliases, for `if (fh)` / `fh !== undefined` guards. */
  readonly names: ReadonlySet<string>;
  /** Methods of the handle that never throw (`stream.write`): calling them is not a failure point. */
  readonly quietMethods?: ReadonlySet<string>;
  /** Other calls known not to throw here (the interface that borrows the handle, and its `close()`). */
  readonly quietCalls?: ReadonlySet<Node>;
  /** Calls whose API is specified never to throw (the oracle's `specifiedNotToThrow`: spans, Map writes). */
  readonly quietByContract?: (call: TSESTree.CallExpression) => boolean;
  /**
   * Calls of the handle's own methods do not count as throwing (a failing operation on a stream
   * destroys it; a factory that opens, configures and returns a handle hands a broken one back to no
   * one only when its own operation fails): used where ownership ends at a hand-off. Awaited ones
   * still do: a stream reports failure by an event, never by rejecting, while a promise API's
   * handle stays open when its operation rejects (`await conn.query('SET NAMES utf8')` in a helper
   * that returns the connection leaves it checked out for good, and nobody holds it).
   */
  readonly ownCallsQuiet?: boolean;
  /** The handle is open when `owner` starts: a callback that continues work on a handle acquired before it. */
  readonly openAtEntry?: boolean;
  /**
   * A `const` flag that says whether the handle was acquired at all (`const s = isPool ? new S(await
   * pool.connect()) : new S(client)`): `if (isPool) s.client.release()` guards like `if (s)`.
   */
  readonly presence?: { readonly name: string; readonly when: 'truthy' | 'falsy' };
  /**
   * Locals that a listener for the handle's own end sets (`browser.on('disconnected', () => { gone =
   * true; })`): once set, the handle has ended by itself, so `if (browser && !gone) browser.close()`
   * releases it wherever it still needs releasing.
   */
  readonly endedFlags?: ReadonlySet<string>;
  /**
   * Calls after which the owner's work is over though control goes on (`reject(err)` in a promise
   * executor's callback): reaching one with the handle open records a `return` leak at the call.
   */
  readonly stops?: ReadonlySet<Node>;
}

const release = (states: States): States => (states & OPEN ? (states & ~OPEN) | RELEASED : states);

/**
 * Walks the owning function's statements with the handle's state, exceptions included, and
 * returns the exits through which it leaves the function still open. Structured control flow
 * only (no CFG): try/catch/finally, loops, switch, labels, early returns.
 */
/** The oracle's calls specified never to throw, as ReleaseSites' `quietByContract`. */
export function quietByContract(analysis: { readonly oracle: { specifiedNotToThrow(call: TSESTree.CallExpression): boolean } }): (call: TSESTree.CallExpression) => boolean {
  return (call) => analysis.oracle.specifiedNotToThrow(call);
}

export function findLeakPaths(owner: FunctionNode, sites: ReleaseSites): LeakPath[] {
  const interpreter = new ReleaseInterpreter(sites);
  const body = owner.body;
  const entry = sites.openAtEntry ? OPEN : BEFORE;
  const outcome = body.type === AST_NODE_TYPES.BlockStatement ? interpreter.statement(body, entry) : interpreter.returnOf(body, body, entry);
  // A scope the interpreter did not recognise still ends with the function.
  interpreter.leaveScope(outcome, body);
  return interpreter.leaks;
}

class ReleaseInterpreter {
  readonly leaks: LeakPath[] = [];

  constructor(private readonly sites: ReleaseSites) {}

  readonly quietCall = (call: TSESTree.CallExpression): boolean => {
    if (this.sites.quietCalls?.has(call)) return true;
    if (this.sites.quietByContract?.(call)) return true;
    // `page.isClosed()`: asking the handle whether it has ended does not throw.
    if (endedStateRead(call) !== undefined) return true;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
    const receiver = unwrapExpression(callee.object);
    return (
      receiver.type === AST_NODE_TYPES.Identifier &&
      this.sites.names.has(receiver.name) &&
      (((this.sites.ownCallsQuiet ?? false) && outermostWrapper(call).parent?.type !== AST_NODE_TYPES.AwaitExpression) || (this.sites.quietMethods?.has(callee.property.name) ?? false))
    );
  };

  /** Records the paths that leave `scope` with the handle open; past it, those paths carry no handle. */
  leaveScope(outcome: Outcome, scope: Node): Outcome {
    const exits = outcome.exits.map((exit) => {
      if (!(exit.states & OPEN)) return exit;
      this.leaks.push({ kind: exit.kind === 'throw' ? 'throw' : 'return', node: exit.node });
      return { ...exit, states: release(exit.states) };
    });
    if (outcome.normal & OPEN) this.leaks.push({ kind: 'end', node: scope });
    return { normal: release(outcome.normal), exits };
  }

  block(statements: readonly Node[], states: States): Outcome {
    const exits: Exit[] = [];
    let current = states;
    for (const statement of statements) {
      if (current === 0) break;
      const outcome = this.statement(statement, current);
      exits.push(...outcome.exits);
      current = outcome.normal;
    }
    return { normal: current, exits };
  }

  returnOf(statement: Node, argument: Node | null | undefined, states: States): Outcome {
    const evaluated = argument ? this.simple(argument, states) : { normal: states, exits: [] };
    return {
      normal: 0,
      exits: [...evaluated.exits, { kind: 'return', label: undefined, states: evaluated.normal, node: statement }],
    };
  }

  statement(node: Node, states: States): Outcome {
    const outcome = this.statementIn(node, states);
    return node === this.sites.scope ? this.leaveScope(outcome, node) : outcome;
  }

  statementIn(node: Node, states: States): Outcome {
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
        return this.block(node.body, states);
      case AST_NODE_TYPES.ReturnStatement:
        return this.returnOf(node, node.argument, states);
      case AST_NODE_TYPES.ThrowStatement: {
        const evaluated = this.simple(node.argument, states);
        return { normal: 0, exits: [...evaluated.exits, { kind: 'throw', label: undefined, states: evaluated.normal, node }] };
      }
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        return {
          normal: 0,
          exits: [
            {
              kind: node.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue',
              label: node.label?.name,
              states,
              node,
            },
          ],
        };
      case AST_NODE_TYPES.IfStatement:
        return this.ifStatement(node, states);
      case AST_NODE_TYPES.TryStatement:
        return this.tryStatement(node, states);
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return this.loop(node, states);
      case AST_NODE_TYPES.LabeledStatement: {
        const outcome = this.statement(node.body, states);
        const broken = outcome.exits.filter((exit) => exit.kind === 'break' && exit.label === node.label.name);
        return {
          normal: broken.reduce((sum, exit) => sum | exit.states, outcome.normal),
          exits: outcome.exits.filter((exit) => !broken.includes(exit)),
        };
      }
      case AST_NODE_TYPES.SwitchStatement:
        return this.switchStatement(node, states);
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
        return { normal: states, exits: [] };
      default:
        if (isProcessExit(node)) return { normal: 0, exits: [] };
        return this.simple(node, states);
    }
  }

  /** A statement or expression without control flow of its own. */
  simple(node: Node, states: States): Outcome {
    const acquires = isInside(this.sites.acquisition, node);
    const releases = [...this.sites.releases].some((site) => isInside(site, node));
    const thrower = firstThrower(node, this.quietCall);
    const exits: Exit[] = [];
    if (thrower) {
      // A failing release still counts as released: the handle is not ours to retry.
      exits.push({ kind: 'throw', label: undefined, states: releases ? release(states) : states, node: thrower });
    }
    const normal = acquires ? (releases ? RELEASED : OPEN) : releases ? release(states) : states;
    if (this.sites.stops && normal & OPEN) for (const stop of this.sites.stops) if (isInside(stop, node)) this.leaks.push({ kind: 'return', node: stop });
    return { normal, exits };
  }

  ifStatement(node: TSESTree.IfStatement, states: States): Outcome {
    const test = this.simple(node.test, states);
    // The `if` that chooses whether to acquire (`if (useCache) … else producer = acquire()`) tests
    // the flag before there is anything to guard: its branches are walked as they are.
    const guard = isInside(this.sites.acquisition, node) ? undefined : this.guardOf(node.test);
    // `if (fh) await fh.close()`: the handle variable is empty only before the acquisition ran.
    const present = guard ? test.normal & ~BEFORE : test.normal;
    const absent = guard ? test.normal & BEFORE : test.normal;
    const consequentStates = guard === 'absent' ? absent : present;
    const alternateStates = guard === 'absent' ? present : absent;
    const consequent = consequentStates ? this.statement(node.consequent, consequentStates) : { normal: 0, exits: [] };
    const alternate = node.alternate
      ? alternateStates
        ? this.statement(node.alternate, alternateStates)
        : { normal: 0, exits: [] }
      : { normal: alternateStates, exits: [] };
    return {
      normal: consequent.normal | alternate.normal,
      exits: [...test.exits, ...consequent.exits, ...alternate.exits],
    };
  }

  /** `fh`, `fh != null`, `fh !== undefined`, `!fh.closed` → present; `!fh`, `fh == null`, `page.isClosed()` → absent. */
  guardOf(test: Node): 'present' | 'absent' | undefined {
    const node = unwrapExpression(test);
    const isHandle = (candidate: Node) => {
      const unwrapped = unwrapExpression(candidate);
      return unwrapped.type === AST_NODE_TYPES.Identifier && this.sites.names.has(unwrapped.name);
    };
    if (isHandle(node)) return 'present';
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!' && isHandle(node.argument)) return 'absent';
    const presence = this.sites.presence;
    if (presence) {
      const negated = node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!';
      const flag = unwrapExpression(negated ? (node).argument : node);
      if (flag.type === AST_NODE_TYPES.Identifier && flag.name === presence.name) return negated === (presence.when === 'truthy') ? 'absent' : 'present';
    }
    const ended = this.sites.endedFlags;
    if (ended) {
      const negated = node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!';
      const flag = unwrapExpression(negated ? (node as TSESTree.UnaryExpression).argument : node);
      if (flag.type === AST_NODE_TYPES.Identifier && ended.has(flag.name)) return negated ? 'present' : 'absent';
    }
    // `page.isClosed()`, `stream.destroyed`: the handle's own account of having ended.
    const negatedState = node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!';
    const state = endedStateRead(unwrapExpression(negatedState ? (node as TSESTree.UnaryExpression).argument : node));
    if (state && isHandle(state)) return negatedState ? 'present' : 'absent';
    // `fh && !closed`: open only when both say so.
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&' && this.guardOf(node.left) === 'present' && this.guardOf(node.right) === 'present') return 'present';
    if (node.type === AST_NODE_TYPES.BinaryExpression) {
      const other = isHandle(node.left) ? node.right : isHandle(node.right) ? node.left : undefined;
      const nullish =
        other &&
        ((other.type === AST_NODE_TYPES.Literal && other.value === null) ||
          (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined'));
      if (!nullish) return undefined;
      if (node.operator === '!=' || node.operator === '!==') return 'present';
      if (node.operator === '==' || node.operator === '===') return 'absent';
    }
    return undefined;
  }

  loop(
    node:
      | TSESTree.WhileStatement
      | TSESTree.DoWhileStatement
      | TSESTree.ForStatement
      | TSESTree.ForInStatement
      | TSESTree.ForOfStatement,
    states: States,
  ): Outcome {
    // `for await (const chunk of stream)` consumes the stream and destroys it, also on break/throw.
    if (node.type === AST_NODE_TYPES.ForOfStatement && this.sites.releases.has(node)) return this.simple(node, states);
    const label = node.parent?.type === AST_NODE_TYPES.LabeledStatement ? node.parent.label.name : undefined;
    const targetsThisLoop = (exit: Exit) => exit.label === undefined || exit.label === label;
    const exits: Exit[] = [];
    let entry = states;
    if (node.type === AST_NODE_TYPES.ForStatement && node.init) {
      const init = this.simple(node.init, entry);
      exits.push(...init.exits);
      entry = init.normal;
    }
    const header =
      node.type === AST_NODE_TYPES.ForInStatement || node.type === AST_NODE_TYPES.ForOfStatement ? node.right : node.test;
    let iteration = entry;
    let broken = 0;
    let bodyOutcome: Outcome = { normal: 0, exits: [] };
    // The lattice has 3 bits: a few rounds reach the fixed point.
    for (let round = 0; round < 4; round++) {
      const headerOutcome = header ? this.simple(header, iteration) : { normal: iteration, exits: [] };
      bodyOutcome = this.statement(node.body, headerOutcome.normal);
      const continued = bodyOutcome.exits
        .filter((exit) => exit.kind === 'continue' && targetsThisLoop(exit))
        .reduce((sum, exit) => sum | exit.states, 0);
      broken = bodyOutcome.exits
        .filter((exit) => exit.kind === 'break' && targetsThisLoop(exit))
        .reduce((sum, exit) => sum | exit.states, 0);
      const update = node.type === AST_NODE_TYPES.ForStatement && node.update ? this.simple(node.update, bodyOutcome.normal | continued) : undefined;
      const next = iteration | (update ? update.normal : bodyOutcome.normal | continued);
      if (round === 0) exits.push(...headerOutcome.exits, ...(update?.exits ?? []));
      if (next === iteration) break;
      iteration = next;
    }
    exits.push(
      ...bodyOutcome.exits.filter(
        (exit) => !((exit.kind === 'break' || exit.kind === 'continue') && targetsThisLoop(exit)),
      ),
    );
    const normal = (node.type === AST_NODE_TYPES.DoWhileStatement ? bodyOutcome.normal : iteration) | iteration | broken;
    return { normal, exits };
  }

  switchStatement(node: TSESTree.SwitchStatement, states: States): Outcome {
    const discriminant = this.simple(node.discriminant, states);
    const exits: Exit[] = [...discriminant.exits];
    let fallthrough = 0;
    let broken = 0;
    for (const switchCase of node.cases) {
      const outcome = this.block(switchCase.consequent, discriminant.normal | fallthrough);
      for (const exit of outcome.exits) {
        if (exit.kind === 'break' && exit.label === undefined) broken |= exit.states;
        else exits.push(exit);
      }
      fallthrough = outcome.normal;
    }
    const hasDefault = node.cases.some((switchCase) => switchCase.test === null);
    return { normal: fallthrough | broken | (hasDefault ? 0 : discriminant.normal), exits };
  }

  tryStatement(node: TSESTree.TryStatement, states: States): Outcome {
    // Through `statement`, so that leaving a `const` declared in the `try` block is seen where it happens.
    const attempt = this.statement(node.block, states);
    let normal = attempt.normal;
    let exits: Exit[];
    if (node.handler) {
      const thrown = attempt.exits.filter((exit) => exit.kind === 'throw');
      const caughtStates = thrown.reduce((sum, exit) => sum | exit.states, 0);
      const handled = caughtStates ? this.statement(node.handler.body, caughtStates) : { normal: 0, exits: [] };
      normal |= handled.normal;
      exits = [...attempt.exits.filter((exit) => exit.kind !== 'throw'), ...handled.exits];
    } else {
      exits = [...attempt.exits];
    }
    const finalizer = node.finalizer;
    if (!finalizer) return { normal, exits };

    // The finally block runs on every path out of the try; each path keeps its own state.
    const runs = new Map<States, Outcome>();
    const runFinally = (input: States): Outcome => {
      let outcome = runs.get(input);
      if (!outcome) {
        outcome = this.block(finalizer.body, input);
        runs.set(input, outcome);
      }
      return outcome;
    };
    const finalExits: Exit[] = [];
    let finalNormal = 0;
    if (normal) {
      const outcome = runFinally(normal);
      finalNormal = outcome.normal;
      finalExits.push(...outcome.exits);
    }
    for (const exit of exits) {
      const outcome = runFinally(exit.states);
      if (outcome.normal) finalExits.push({ ...exit, states: outcome.normal });
      finalExits.push(...outcome.exits);
    }
    return { normal: finalNormal, exits: dedupe(finalExits) };
  }
}

function dedupe(exits: Exit[]): Exit[] {
  const seen = new Set<string>();
  return exits.filter((exit) => {
    const key = `${exit.kind}:${exit.label ?? ''}:${exit.states}:${exit.node.range[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Properties and no-argument methods by which a handle says it has already ended (Node streams, sockets, Puppeteer pages). */
const ENDED_STATES = new Set(['closed', 'isClosed', 'destroyed', 'isDestroyed', 'ended', 'writableEnded', 'readableEnded', 'released', 'disposed', 'killed']);

/** `x.closed`, `x.isClosed()`: the object `x` whose ended state the expression reads, else undefined. */
function endedStateRead(node: Node): Node | undefined {
  const read = node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 0 ? unwrapExpression(node.callee) : node;
  if (read.type !== AST_NODE_TYPES.MemberExpression || read.computed || read.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return ENDED_STATES.has(read.property.name) ? read.object : undefined;
}
