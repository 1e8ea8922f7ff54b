import { builtinModules } from 'node:module';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { calledLocalFunction, returnedValues } from '../ast/local-functions';
import { findVariable, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';
import { hotCallerOf } from '../lifetime/hot-callers';
import { callsOfFile } from '../lifetime/site-execution';
import { moduleBindings, resolveModuleMember, type ModuleMember } from '../oracle/module-bindings';
import { injectedFactoryProduct } from '../oracle/injected-factories';
import type { Registry } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * Method names that end what a value holds. A function that calls one of them on a value it made
 * itself says, in its own code, that the value must be released; `end` is among them because pg,
 * ssh2 and every Writable end that way.
 */
const RELEASE_METHODS = new Set(['close', 'end', 'destroy', 'quit', 'disconnect', 'release', 'dispose', 'terminate']);

/** A cheap text check before any tree walk: a file that never calls a release method has nothing to find here. */
const MENTIONS_RELEASE = /\.\s*(?:close|end|destroy|quit|disconnect|release|dispose|terminate)\s*\(/;

const NODE_BUILTINS = new Set(builtinModules.map((name) => (name.startsWith('node:') ? name.slice('node:'.length) : name)));

export function mayMentionObservedRelease(sourceText: string): boolean {
  return MENTIONS_RELEASE.test(sourceText);
}

/** `./lease.js`, `../db`, `/abs/path`: the project's own module, not a package. */
function isProjectModule(member: ModuleMember): boolean {
  return member.module.startsWith('.') || member.module.startsWith('/');
}

function isBuiltin(member: ModuleMember): boolean {
  const name = member.module.startsWith('node:') ? member.module.slice('node:'.length) : member.module;
  return NODE_BUILTINS.has(name) || NODE_BUILTINS.has(name.split('/')[0] ?? name);
}

/** `puppeteer.launch()`, `new ftp.Client()`: how the message names what made the value. */
function madeBy(analysis: Analysis, produced: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const callee = analysis.sourceText.slice(produced.callee.range[0], produced.callee.range[1]);
  return produced.type === AST_NODE_TYPES.NewExpression ? `new ${callee}()` : `${callee}()`;
}

/** The release method (one of `methods`) the function itself calls on `variable`, if it calls one. */
function ownReleaseCall(
  variable: { references: ReadonlyArray<{ identifier: TSESTree.Identifier | TSESTree.JSXIdentifier }> },
  owner: FunctionNode,
  methods: ReadonlySet<string> = RELEASE_METHODS,
): string | undefined {
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (!isInside(identifier, owner)) continue;
    const member = outermostWrapper(identifier).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || outermostWrapper(member.object) !== outermostWrapper(identifier)) continue;
    const name = staticPropertyName(member);
    const call = member.parent;
    if (name && methods.has(name) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) return name;
  }
  return undefined;
}

/**
 * A value the function makes with a package's constructor or factory and releases itself, by name,
 * though the registry does not know its type: `const browser = await puppeteer.launch()` …
 * `await browser.close()`, `const client = new ftp.Client()` … `client.close()`. The function's own
 * release call is the evidence that it owns something with a lifetime (a browser process, an FTP or
 * SSH connection, a database file); whether that release happens on every path, exceptions
 * included, is then `require-close`'s question as for any handle, in code that runs more than once.
 * Node's built-in modules are left to the registry, which lists what of them must be released and
 * what not.
 */
/**
 * `const client = new pg.Client(…)`, or `browser = await puppeteer.launch()` into a `let browser`
 * of the function itself: the local variable that holds what `acquisition` makes. An outer or
 * module variable keeps it longer than the call, and is not this function's to release.
 */
function heldBy(analysis: Analysis, acquisition: Node, owner?: FunctionNode) {
  const holder = outermostWrapper(acquisition).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && outermostWrapper(acquisition) === holder.init) {
    const variable = analysis.scopeManager.getDeclaredVariables(holder)[0];
    return variable ? { name: holder.id.name, variable } : undefined;
  }
  if (
    owner &&
    holder?.type === AST_NODE_TYPES.AssignmentExpression &&
    holder.operator === '=' &&
    holder.right === outermostWrapper(acquisition) &&
    holder.left.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = findVariable(analysis.scopeManager, holder.left);
    const definition = variable?.defs[0];
    if (!variable || definition?.type !== 'Variable' || enclosingFunction(definition.name) !== owner) return undefined;
    return { name: holder.left.name, variable };
  }
  return undefined;
}

/**
 * A connection-owning client used as a one-shot connection: made and closed by the same function
 * (`const setup = new pg.Client(…)` … `await setup.end()` to read the type OIDs before building the
 * pool). Clients are meant to live long and `no-client-per-call` judges the ones made per request or
 * per message; one that its function closes itself, in code that is neither start-up nor such a hot
 * path, is a handle of that function, and its `end()` must happen on every path like any handle's.
 */
export function oneShotClientEntry(analysis: Analysis, acquisition: Node, owner: FunctionNode, client: ResourceEntry, handedOver?: HandedOver): ResourceEntry | undefined {
  const held = handedOver?.held ?? heldBy(analysis, acquisition, owner);
  if (!held) return undefined;
  const methods = new Set(client.releases.flatMap((release) => ('method' in release && !release.method.startsWith('[') ? [release.method] : [])));
  if (methods.size === 0 || !(ownReleaseCall(held.variable, owner, methods) ?? closureRelease(handedOver, methods))) return undefined;
  const execution = executionOf(handedOver?.site ?? acquisition, analysis.oracle);
  if (execution.kind !== 'repeated') return undefined;
  if (hotCallerOf(owner, callsOfFile(analysis.ast), analysis.scopeManager, analysis.oracle)) return undefined;
  return { ...client, kind: 'handle' };
}

/**
 * `const client = createClient({ url }); await client.connect(); … clients[url] = new RedisClient(client)`
 * in code that runs more than once: the client connects before the function keeps it (in a cache, a
 * field, a wrapper). Until it is kept, the function owns it: when a call after `connect()` throws
 * (`dbSize()`, a ping), the connected client — its socket, its reconnect loop — is dropped unclosed,
 * and the next call makes another (across's relayer). Judged as a handle of the function up to the
 * hand-off; a failed `connect()` itself leaves nothing to release, as for any client.
 */
export function connectedBeforeKeptEntry(analysis: Analysis, acquisition: Node, owner: FunctionNode, client: ResourceEntry): ResourceEntry | undefined {
  const held = heldBy(analysis, acquisition, owner);
  if (!held) return undefined;
  const methods = new Set(client.releases.flatMap((release) => ('method' in release && !release.method.startsWith('[') ? [release.method] : [])));
  if (methods.size === 0 || ownReleaseCall(held.variable, owner, methods)) return undefined;
  if (ownReleaseCall(held.variable, owner, CONNECTING) === undefined) return undefined;
  if (executionOf(acquisition, analysis.oracle).kind === 'once') return undefined;
  // Only awaited work after the connect fails in practice (a query, a ping): a log line or a field
  // store before the hand-off is no reason to hold the client (umami's kafka producer).
  return awaitsAfterConnecting(held.variable, owner) ? { ...client, kind: 'handle' } : undefined;
}

/** An `await` in the function's own body after its `x.connect()` call. */
function awaitsAfterConnecting(variable: { references: ReadonlyArray<{ identifier: TSESTree.Identifier | TSESTree.JSXIdentifier }> }, owner: FunctionNode): boolean {
  const connects = variable.references.flatMap((reference) => {
    const member = outermostWrapper(reference.identifier).parent;
    const call = member?.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(member) === 'connect' ? outermostWrapper(member).parent : undefined;
    return call?.type === AST_NODE_TYPES.CallExpression && isInside(call, owner) ? [call] : [];
  });
  const connectEnd = Math.min(...connects.map((call) => call.range[1]));
  let found = false;
  walkSameFunction(owner.body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression && node.range[0] > connectEnd) found = true;
    return undefined;
  });
  return found;
}

const CONNECTING: ReadonlySet<string> = new Set(['connect']);

/** What made the value: the imported function or class called, or what an injected factory's written type returns. */
function packageMaker(analysis: Analysis, produced: TSESTree.CallExpression | TSESTree.NewExpression): ModuleMember | undefined {
  const bindings = moduleBindings(analysis.ast);
  return (
    resolveModuleMember(produced.callee, bindings) ??
    (produced.type === AST_NODE_TYPES.CallExpression ? injectedFactoryProduct(produced, analysis.ast, analysis.scopeManager, bindings) : undefined)
  );
}

/**
 * `puppeteer.launch()`, `new ftp.Client()`: a call of a package's own constructor or factory (not
 * Node's, which the registry describes; not the project's, which typed mode reads), in code that
 * runs more than once. What it makes may hold a process, a connection or a file.
 */
export function isRepeatedPackageProduct(analysis: Analysis, acquisition: Node): boolean {
  const produced = acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition;
  if (produced.type !== AST_NODE_TYPES.CallExpression && produced.type !== AST_NODE_TYPES.NewExpression) return false;
  const member = packageMaker(analysis, produced);
  if (!member || isBuiltin(member) || isProjectModule(member)) return false;
  return executionOf(acquisition, analysis.oracle).kind !== 'once';
}

export { RELEASE_METHODS };

/**
 * `new X()`, `createQueryRunner()`, `openDatabase()`, `pool.acquire()`: a call whose name says it makes
 * or opens something. A lookup (`Session.findByUid(id)`) hands back what lives elsewhere, and its
 * `destroy()` deletes a record rather than releasing what the function opened (oidc-provider).
 */
const ACQUIRING_NAME = /^(?:create|open|connect|launch|acquire|start|begin|spawn|fork|checkout|lease|lock|make|obtain|new[A-Z_]|get(?:Connection|Client|Session|Browser|Page|Socket|Channel|Lock))/;

function isAcquiringCall(acquisition: Node, registry: Registry): boolean {
  const produced = acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition;
  if (produced.type === AST_NODE_TYPES.NewExpression) return true;
  if (produced.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = produced.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  if (name === undefined) return false;
  // `context.driver.session()`: a method the registry knows makes handles (neo4j's `Driver.session()`)
  // on a receiver whose type the file does not show.
  return ACQUIRING_NAME.test(name) || (callee.type === AST_NODE_TYPES.MemberExpression && handleFactoryMethods(registry).has(name));
}

const handleFactoryMethodsByRegistry = new WeakMap<Registry, ReadonlySet<string>>();

/** The method names registry entries of handles are made by (`session`, `newPage`, `createQueryRunner` …). */
function handleFactoryMethods(registry: Registry): ReadonlySet<string> {
  let names = handleFactoryMethodsByRegistry.get(registry);
  if (!names) {
    names = new Set(registry.entries.flatMap((entry) => (entry.kind === 'handle' ? (entry.factories ?? []).flatMap((factory) => ('method' in factory ? [factory.method] : [])) : [])));
    handleFactoryMethodsByRegistry.set(registry, names);
  }
  return names;
}

/** `new Helper()` of a class declared in this file: a local helper (a test double, a wrapper), as before. */
function constructsLocalClass(analysis: Analysis, acquisition: Node): boolean {
  const produced = acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition;
  if (produced.type !== AST_NODE_TYPES.NewExpression || produced.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = findVariable(analysis.scopeManager, produced.callee)?.defs[0];
  return definition?.type === 'ClassName';
}

/**
 * Typed mode: an acquiring call's value whose own type declares the method the function releases it
 * with (a project's `QueryRunner` interface with `release()`, a helper that returns
 * `puppeteer.launch()`), and it is not one of Node's in-memory streams, which end without holding anything. The function's release
 * call on its own product is the same evidence as for a package's product; the checker confirms it
 * is the value's lifetime method and not a name that merely looks like one.
 */
function typeDeclaresRelease(analysis: Analysis, produced: Node, release: string): boolean | undefined {
  if (!analysis.oracle.typed || !isAcquiringCall(produced, analysis.registry) || constructsLocalClass(analysis, produced)) return false;
  if (analysis.oracle.isWritableStream(produced) === true) return false;
  return analysis.oracle.declaresMethod(produced, release);
}

/**
 * Untyped mode: the same judgement as `typeDeclaresRelease` from what the source shows. An acquiring
 * call (`this.createQueryRunner()`, `pool.getConnection()`, `openDatabase()`) whose value the function
 * releases itself is the project's own factory whatever the checker would say; the release call
 * stands for the declared method. `end()` is left out: without types a Writable (`res.end()`) or a
 * tracing span reads the same as a connection, and typed mode tells them apart by their types.
 */
function untypedReleaseEvidence(analysis: Analysis, acquisition: Node, release: string): boolean {
  return release !== 'end' && isAcquiringCall(acquisition, analysis.registry) && !constructsLocalClass(analysis, acquisition) && !returnsLocalClass(analysis, acquisition);
}

/**
 * `makeDraft()` where `function makeDraft() { return new Draft(); }` and Draft is a class of this
 * file: a local helper's value, left alone as `new Draft()` is (typed mode reads the empty release).
 */
function returnsLocalClass(analysis: Analysis, acquisition: Node): boolean {
  const produced = acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition;
  if (produced.type !== AST_NODE_TYPES.CallExpression) return false;
  const factory = calledLocalFunction(produced, analysis.scopeManager);
  if (!factory) return false;
  return returnedValues(factory, analysis.scopeManager).some((value) => {
    const returned = unwrapExpression(value);
    return constructsLocalClass(analysis, returned.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(returned.argument) : returned);
  });
}

/**
 * A value made in a helper of this file (`acquisition` there) and handed to `owner`, which holds it
 * in `held` from `site` on (`const { page } = await loadPage(url)`): the owner's releases are its,
 * and so are those of the helper's closures that come with it (`done: () => page.close()`).
 */
export interface HandedOver {
  readonly held: { readonly name: string; readonly variable: VariableLike };
  readonly site: Node;
  /** Methods that closures handed over with it call on it. */
  readonly closureCalls: ReadonlySet<string>;
}

function closureRelease(handedOver: HandedOver | undefined, methods: ReadonlySet<string>): string | undefined {
  return handedOver ? [...handedOver.closureCalls].find((method) => methods.has(method)) : undefined;
}

/** Release names that in-memory objects use too: a feature-flag evaluator's or a chart's `destroy()` clears its own state. */
const AMBIGUOUS_RELEASES = new Set(['destroy', 'dispose']);

/**
 * Typed mode: `new GrowthBook({ features })` … `gb.destroy()`: a package's object whose type has no
 * way to tell about I/O — no events (`on`/`once`), no `close`/`end`/`disconnect` beside its
 * `destroy()` — is an in-memory object clearing its own state, not a process, connection or file.
 * Objects that hold one also emit its events (a Discord client, a torrent, a y-protocols awareness
 * with its timer) and stay judged.
 */
function inMemoryTeardown(analysis: Analysis, produced: Node, release: string): boolean {
  if (!analysis.oracle.typed || !AMBIGUOUS_RELEASES.has(release)) return false;
  const declares = (method: string) => analysis.oracle.declaresMethod(produced, method);
  if (declares(release) !== true) return false;
  return !['on', 'once', 'addListener', 'addEventListener', 'close', 'end', 'disconnect', 'terminate', 'quit'].some((method) => declares(method) === true);
}

export function observedReleaseEntry(analysis: Analysis, acquisition: Node, owner: FunctionNode, handedOver?: HandedOver): ResourceEntry | undefined {
  const produced = acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition;
  if (produced.type !== AST_NODE_TYPES.CallExpression && produced.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const member = packageMaker(analysis, produced);
  // Node's built-ins are the registry's to describe; the project's own factories are read by typed
  // mode below (what their values declare), and named in `settings.leakguard` otherwise.
  if (member && isBuiltin(member)) return undefined;
  const packageProduct = member !== undefined && !isProjectModule(member);
  if (!packageProduct && !analysis.oracle.typed && !isAcquiringCall(acquisition, analysis.registry)) return undefined;
  const held = handedOver?.held ?? heldBy(analysis, acquisition, owner);
  if (!held) return undefined;
  const release = ownReleaseCall(held.variable, owner) ?? closureRelease(handedOver, RELEASE_METHODS);
  if (!release) return undefined;
  if (!packageProduct && !analysis.oracle.typed && !untypedReleaseEvidence(analysis, acquisition, release)) return undefined;
  if (packageProduct && inMemoryTeardown(analysis, produced, release)) return undefined;
  // Start-up code (a `bootstrap()` that makes a throwaway app context to read its configuration) runs
  // once, and when it throws the process goes down with what it holds: the leak is code that runs again.
  // Asked after the syntactic evidence: with types it reads every parameter's, which costs the checker.
  if (executionOf(handedOver?.site ?? acquisition, analysis.oracle).kind === 'once') return undefined;
  if (!packageProduct && analysis.oracle.typed) {
    // A value the checker knows nothing about (`any` from untyped JavaScript) reads as untyped mode reads it.
    const declared = typeDeclaresRelease(analysis, acquisition, release);
    if (declared === false || (declared === undefined && !untypedReleaseEvidence(analysis, acquisition, release))) return undefined;
  }
  return {
    description: `\`${held.name}\` from \`${madeBy(analysis, produced)}\``,
    kind: 'handle',
    releases: [{ method: release }],
  };
}
