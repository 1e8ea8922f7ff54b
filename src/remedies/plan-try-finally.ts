import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import { standaloneStatementOf } from '../ast/standalone-statement';
import { statementListOf, topLevelStatementIn } from '../ast/statement-lists';
import { walk, type Node } from '../ast/traverse';
import type { Refusal, Remedy } from '../findings/finding';
import type { WrapInTryFinallyPlan } from './try-finally-plan';
import { quoteOf } from '../fix/source-style';
import { moduleBindings } from '../oracle/module-bindings';
import type { AcquisitionBinding } from '../ownership/acquisition-binding';
import type { HandleUsage } from '../ownership/handle-usage';
import type { ResourceEntry } from '../registry/resource-entry';
import type { ReleaseSpecifier } from '../registry/specifiers';
import { stripNodePrefix } from '../registry/specifiers';

export interface TryFinallySite {
  readonly acquisition: Node;
  readonly binding: Extract<AcquisitionBinding, { kind: 'variable' }>;
  readonly owner: FunctionNode;
  readonly entry: ResourceEntry;
  readonly usage: HandleUsage;
}

const refuse = (reason: string): Refusal => ({ kind: 'refusal', reason });

const MAX_EXCERPT = 50;

/** Code, not line numbers, in reasons: lines move when the codemod inserts markers and fixes. */
function excerpt(analysis: Analysis, node: Node): string {
  const text = analysis.sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text;
}

/** How this file can name a package function: `fs.closeSync` (namespace import) or `closeSync`. */
function importedName(analysis: Analysis, pkg: string, name: string): string | undefined {
  for (const [local, member] of moduleBindings(analysis.ast)) {
    if (stripNodePrefix(member.module) !== stripNodePrefix(pkg)) continue;
    if (member.path.length === 0) return `${local}.${name}`;
    if (member.path.length === 1 && member.path[0] === name) return local;
  }
  return undefined;
}

function declaredVariablesOf(analysis: Analysis, statement: Node) {
  return analysis.scopeManager.getDeclaredVariables(statement).concat(
    statement.type === AST_NODE_TYPES.VariableDeclaration
      ? statement.declarations.flatMap((declarator) => [...analysis.scopeManager.getDeclaredVariables(declarator)])
      : [],
  );
}

/**
 * Plans the `try { … } finally { release }` around everything from the acquisition to the last use,
 * extended so that declarations made inside stay visible to the statements that read them.
 */
export function planTryFinally(analysis: Analysis, ownerSite: TryFinallySite): Remedy<WrapInTryFinallyPlan> {
  const site = withEveryReference(ownerSite);
  const { binding, usage, owner } = site;
  if (!binding.declarator) {
    return (
      planGuardedRelease(site) ??
      planAssignedEarlier(analysis, site) ??
      planAssignedOnce(analysis, site) ??
      refuse('the handle is assigned to a variable declared before it, and leakguard found no one statement that releases it after that; declare it with `const` where it is acquired')
    );
  }
  const declaration = binding.declarator.parent;
  if (declaration.declarations.length !== 1) return refuse('its declaration declares several variables; split it first');
  const container = declaration.parent;
  const list = statementListOf(container);
  if (!container || !list) return refuse('its declaration is not directly inside a block');
  const index = list.indexOf(declaration);

  const removals = releaseStatements(analysis, usage);
  if (!Array.isArray(removals)) return removals;
  // Already released in the `finally` of a `try` further down: what precedes that `try` moves into it.
  const moved = usage.releases.length > 0 ? planMoveIntoTry(analysis, declaration, usage.releases, owner) : undefined;
  if (moved && usage.releases.every((release) => isInside(release, moved.moveIntoTry!.into.finalizer!))) return moved;
  // Released in the `finally` of the `try` right after it: what is left to fix is in that `finally`.
  const next = list[index + 1];
  if (next?.type === AST_NODE_TYPES.TryStatement && next.finalizer && usage.releases.length > 0 && usage.releases.every((release) => isInside(release, next.finalizer!))) {
    return (
      guardedReleaseIn(next.finalizer, usage.releases, declaration, owner) ??
      refuse('it is released in the `finally` of the `try` right after it; leakguard cannot tell what else in that `finally` skips the release')
    );
  }
  const last = lastCoveredStatement(analysis, usage, container, list, index);
  if (typeof last !== 'number') return last;
  const release = releaseText(analysis, site, declaration, removals);
  if (typeof release !== 'string') return release;

  return {
    kind: 'wrap-in-try-finally',
    declaration,
    first: list[index + 1] as TSESTree.Statement,
    last: list[last] as TSESTree.Statement,
    removals,
    release,
    disposal: analysis.oracle.disposal(site.acquisition),
    inAsyncFunction: owner.async,
  };
}

/**
 * The usage lists references up to the first hand-off only; a function judged the owner past one
 * (a listener that only watches the handle end: `browser.on('disconnected', …)`) still uses it
 * after, and the `try` must cover those uses too.
 */
function withEveryReference(site: TryFinallySite): TryFinallySite {
  const listed = new Set<Node>(site.usage.references);
  const missing = site.binding.variable.references
    .map((reference) => reference.identifier)
    .filter((identifier): identifier is TSESTree.Identifier => identifier.type === AST_NODE_TYPES.Identifier && identifier !== site.binding.target && !listed.has(identifier));
  if (missing.length === 0) return site;
  const references = [...site.usage.references, ...missing].sort((a, b) => a.range[0] - b.range[0]);
  return { ...site, usage: { ...site.usage, references } };
}

/** The innermost statement list holding both nodes in different statements: those two statements. */
function enclosingPair(acquisition: Node, release: Node, owner: FunctionNode): { list: readonly Node[]; acquiredIn: Node; releasedIn: Node } | undefined {
  for (let container: Node | undefined = acquisition.parent; container && container !== owner; container = container.parent) {
    const list = statementListOf(container);
    if (!list) continue;
    const acquiredIn = topLevelStatementIn(container, acquisition);
    const releasedIn = topLevelStatementIn(container, release);
    // Not released in this block: look further out.
    if (!acquiredIn || !releasedIn) continue;
    return acquiredIn === releasedIn ? undefined : { list, acquiredIn, releasedIn };
  }
  return undefined;
}

/**
 * `let producer; if (cached) { producer = … } else { producer = kafka.producer(); } …; if (!cached)
 * { await producer.disconnect(); }` — the variable is declared before the handle is acquired (or is
 * a parameter the caller may leave out), and one statement after the acquiring one releases it,
 * often under the guard that says this call owns it. The statements between go into a `try` whose
 * `finally` is that statement, guard and all (segment's Kafka producer, TypeORM's query runner).
 * Undefined for any other shape: releases in several places, the variable given another value on
 * the way, or a declaration on the way that the release or later statements read.
 */
function planAssignedEarlier(analysis: Analysis, site: TryFinallySite): WrapInTryFinallyPlan | undefined {
  const { usage, binding, acquisition, owner } = site;
  const releases = usage.releases.filter((release) => release.type !== AST_NODE_TYPES.ForOfStatement);
  if (releases.length === 0 || releases.length !== usage.releases.length) return undefined;
  const identifiers = binding.variable.references.map((reference) => ({ node: reference.identifier, write: reference.isWrite() }));
  return planReleasingStatementAsFinally(analysis, acquisition, releases, owner, identifiers);
}

/**
 * `let browser: Browser; … browser = await puppeteer.launch(); …` — declared without a value and
 * given the handle once, by a statement of its own: the variable holds nothing else, so the
 * assignment plays the part of a `const` declaration and the `try` starts right after it
 * (blacklight's collector closed its browser on one early return and at the end only). The
 * `finally` reads it where the assignment already ran, so TypeScript sees it assigned there.
 * Undefined when the variable has an initial value, another assignment, or the assignment sits
 * inside an expression.
 */
function planAssignedOnce(analysis: Analysis, site: TryFinallySite): Remedy<WrapInTryFinallyPlan> | undefined {
  const { binding, usage, owner, acquisition } = site;
  const definition = binding.variable.defs[0];
  if (binding.variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.init) return undefined;
  const writes = binding.variable.references.filter((reference) => reference.isWrite() && reference.identifier !== definition.name);
  if (writes.length !== 1 || writes[0].identifier !== binding.target) return undefined;
  const assignment = binding.target.parent;
  const statement = assignment?.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== binding.target || !isInside(acquisition, assignment.right)) return undefined;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const container = statement.parent;
  const list = statementListOf(container);
  if (!container || !list || definition.node.range[0] > statement.range[0]) return undefined;
  const index = list.indexOf(statement);
  const removals = releaseStatements(analysis, usage);
  if (!Array.isArray(removals)) return removals;
  const last = lastCoveredStatement(analysis, usage, container, list, index);
  if (typeof last !== 'number') return last;
  const release = releaseText(analysis, site, statement, removals);
  if (typeof release !== 'string') return release;
  return {
    kind: 'wrap-in-try-finally',
    declaration: undefined,
    acquiredIn: statement,
    first: list[index + 1] as TSESTree.Statement,
    last: list[last] as TSESTree.Statement,
    removals,
    release,
    disposal: undefined,
    inAsyncFunction: owner.async,
  };
}

/** Every `this.<field>` in `fn`, and whether it is assigned there. */
function fieldAccesses(fn: FunctionNode, field: string): { node: Node; write: boolean }[] {
  const accesses: { node: Node; write: boolean }[] = [];
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || staticPropertyName(node) !== field) return undefined;
    const parent = node.parent;
    accesses.push({ node, write: parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node });
    return undefined;
  });
  return accesses;
}

/**
 * `this.browser = await puppeteer.launch(); … await this.close(); return html;` in a method that
 * releases the field itself (webhint's collector): as for a variable assigned earlier, the statement
 * that releases it becomes the `finally` of a `try` around what runs in between.
 */
export function planFieldReleasedByTheMethod(analysis: Analysis, site: { readonly acquisition: Node; readonly owner: FunctionNode; readonly field: string; readonly releases: readonly Node[] }): Remedy<WrapInTryFinallyPlan> {
  const plan = planReleasingStatementAsFinally(analysis, site.acquisition, site.releases, site.owner, fieldAccesses(site.owner, site.field));
  return (
    plan ??
    refuse(`it is kept in \`this.${site.field}\`, which the method releases itself; release it in a \`finally\` (or a \`catch\` that rethrows) around the statements after it is assigned`)
  );
}

/**
 * The shape both share: the statement that acquires (`acquiredIn`) and, later in the same block, one
 * statement that holds every release (`releasedIn`, guard and all). The statements between go into a
 * `try` whose `finally` is that statement. Undefined for any other shape: releases in several
 * places, another value stored in the handle's place on the way, a declaration on the way that the
 * release reads, or the handle used after its release.
 */
function planReleasingStatementAsFinally(
  analysis: Analysis,
  acquisition: Node,
  releases: readonly Node[],
  owner: FunctionNode,
  handle: readonly { readonly node: Node; readonly write: boolean }[],
): WrapInTryFinallyPlan | undefined {
  if (releases.length === 0) return undefined;
  const pair = enclosingPair(acquisition, releases[0], owner);
  if (!pair) return undefined;
  const { list, acquiredIn, releasedIn } = pair;
  const plan = releasingStatementPlan(analysis, { list, start: list.indexOf(acquiredIn), after: acquiredIn.range[1], releasedIn }, releases, owner, handle);
  return plan && { ...plan, acquiredIn: acquiredIn as TSESTree.Statement };
}

/**
 * `async function finish(conn) { await conn.query('COMMIT'); conn.release(); }`: a parameter its
 * callers hand it to release (see releasing-helper-parameters). The statements from the body's start
 * to the releasing one go into a `try` whose `finally` is that statement.
 */
export function planReleasedParameter(analysis: Analysis, site: TryFinallySite): Remedy<WrapInTryFinallyPlan> {
  const { usage, binding, owner } = site;
  const body = owner.body;
  const releases = usage.releases.filter((release) => release.type !== AST_NODE_TYPES.ForOfStatement);
  const releasedIn = body.type === AST_NODE_TYPES.BlockStatement && releases[0] ? topLevelStatementIn(body, releases[0]) : undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement || !releasedIn || releases.length !== usage.releases.length) {
    return refuse('it is a parameter released inside a nested statement; put the statements up to its release in a `try` whose `finally` releases it');
  }
  const identifiers = binding.variable.references.map((reference) => ({ node: reference.identifier, write: reference.isWrite() }));
  const plan = releasingStatementPlan(analysis, { list: body.body, start: -1, after: body.range[0], releasedIn }, releases, owner, identifiers);
  return plan ? { ...plan, fromBodyStart: body } : refuse('it is a parameter, and leakguard found no one statement that releases it after the code that can throw; release it in a `finally`');
}

/** The `try` from the statement after `start` in `list` up to `releasedIn`, whose `finally` becomes that statement. */
function releasingStatementPlan(
  analysis: Analysis,
  region: { readonly list: readonly Node[]; readonly start: number; readonly after: number; readonly releasedIn: Node },
  releases: readonly Node[],
  owner: FunctionNode,
  handle: readonly { readonly node: Node; readonly write: boolean }[],
): WrapInTryFinallyPlan | undefined {
  const { list, start, releasedIn } = region;
  if (releasedIn.type !== AST_NODE_TYPES.ExpressionStatement && releasedIn.type !== AST_NODE_TYPES.IfStatement) return undefined;
  if (!releases.every((release) => isInside(release, releasedIn))) return undefined;
  const released = list.indexOf(releasedIn);
  if (released <= start + 1) return undefined;
  // `this.connection.release(); this.connection = null;`: the slot is cleared with the release, in the `finally`.
  const cleared = list[released + 1];
  const clearsSlot = cleared !== undefined && clearsHandleSlot(cleared, handle);
  const end = clearsSlot ? released + 1 : released;
  const releaseEnd = list[end];
  // Another value in the handle's place between the two would be released in its place.
  if (handle.some(({ node, write }) => write && node.range[0] > region.after && node.range[0] < releasedIn.range[1])) return undefined;
  // Declarations between them end up inside the `try` block: the release may not read them, and the
  // statements after it that do (`const html = …; await this.close(); return html;`) join the `try`.
  let last = end;
  for (let changed = true; changed; ) {
    changed = false;
    for (const statement of list.slice(start + 1, last + 1)) {
      if (statement === releasedIn) continue;
      for (const variable of declaredVariablesOf(analysis, statement)) {
        for (const reference of variable.references) {
          if (isInside(reference.identifier, releasedIn)) return undefined;
          if (reference.identifier.range[0] < list[last].range[1]) continue;
          const later = list.findIndex((candidate) => isInside(reference.identifier, candidate));
          if (later < 0) return undefined;
          if (later > last) {
            last = later;
            changed = true;
          }
        }
      }
    }
  }
  // The handle itself used after its release would now run before it.
  if (handle.some(({ node }) => node.range[0] > releaseEnd.range[1] && node.range[0] < list[last].range[1])) return undefined;
  return {
    kind: 'wrap-in-try-finally',
    declaration: undefined,
    first: list[start + 1] as TSESTree.Statement,
    last: list[last] as TSESTree.Statement,
    removals: (clearsSlot ? [releasedIn, cleared] : [releasedIn]) as TSESTree.Statement[],
    release: analysis.sourceText.slice(releasedIn.range[0], releaseEnd.range[1]),
    disposal: undefined,
    inAsyncFunction: owner.async,
  };
}

/** `this.connection = null;` / `client = undefined;`: a statement that only empties the handle's place. */
function clearsHandleSlot(statement: Node, handle: readonly { readonly node: Node; readonly write: boolean }[]): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const assignment = statement.expression;
  if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') return false;
  const empty = (assignment.right.type === AST_NODE_TYPES.Literal && assignment.right.value === null) || (assignment.right.type === AST_NODE_TYPES.Identifier && assignment.right.name === 'undefined');
  return empty && handle.some(({ node, write }) => write && node === assignment.left);
}

/**
 * `fs.openSync(path, 'w');` as a statement of its own: the call is made for what opening does
 * (truncate or create the file) and nothing reads the descriptor, so it is closed at once with the
 * registry's synchronous release function (`fs.closeSync(fs.openSync(path, 'w'))`, pm2's fix).
 * Anything else discarded (a stream, a socket, a callback form) keeps the refusal: closing it at once
 * would cancel what it was opened for.
 */
export function planCloseAtOnce(analysis: Analysis, site: { readonly acquisition: Node; readonly entry: ResourceEntry }): Remedy<WrapInTryFinallyPlan> {
  const { acquisition, entry } = site;
  const refusal = thenCallbackRefusal(acquisition) ?? refuse('the handle is not kept in a variable, so there is nothing to close in a `finally`; assign it to a `const` first');
  const statement = acquisition.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || acquisition.type !== AST_NODE_TYPES.CallExpression) return refusal;
  const callback = acquisition.arguments.some((argument) => argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression);
  const release = entry.releases.find((candidate): candidate is Extract<ReleaseSpecifier, { function: unknown }> => 'function' in candidate && !candidate.async);
  if (callback || !release || !statementListOf(statement.parent)) return refusal;
  const callee = importedName(analysis, release.function.package, release.function.name);
  if (!callee) return refuse(`\`${release.function.name}\` from '${release.function.package}' is not imported in this file; close the descriptor it returns right away`);
  return {
    kind: 'wrap-in-try-finally',
    declaration: undefined,
    first: statement,
    last: statement,
    removals: [],
    release: '',
    disposal: undefined,
    inAsyncFunction: false,
    closeAtOnce: { call: acquisition, text: `${callee}(${analysis.sourceText.slice(acquisition.range[0], acquisition.range[1])})` },
  };
}

/**
 * `launch().then((browser) => { … })`: the handle lives on as the callback's parameter. Turning the
 * chain into `await` and `try`/`finally` moves its `.catch` and its returns around: a person's rewrite.
 */
function thenCallbackRefusal(acquisition: Node): Refusal | undefined {
  const member = outermostWrapper(acquisition).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(acquisition) || staticPropertyName(member) !== 'then') return undefined;
  const call = member.parent;
  const callback = call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[0] : undefined;
  const parameter = callback && (callback.type === AST_NODE_TYPES.ArrowFunctionExpression || callback.type === AST_NODE_TYPES.FunctionExpression) ? callback.params[0] : undefined;
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  return refuse(
    `it is handed to a \`.then\` callback as \`${parameter.name}\` and never released there; rewrite the chain with \`await\` and release it in a \`finally\` (or end the promise that callback returns with \`.finally()\` that releases it)`,
  );
}

const HANDED_OVER = 'it is handed over later, so a `finally` would release it on success too; release it in a `catch` that rethrows, around the statements before the hand-off';

/**
 * Handed over only on success (`body.pipe(writer)`, `return Readable.toWeb(stream)`): whoever takes it
 * over needs it open, so the release goes in a `catch` that rethrows, around the statements from the
 * acquisition to its last use here. A person fixing api-scoring's download writer writes the same.
 */
export function planReleaseOnError(analysis: Analysis, site: TryFinallySite): Remedy<WrapInTryFinallyPlan> {
  const { binding, usage, owner } = site;
  // Releases already written next to the hand-offs: which one the `catch` should take over is a judgement call.
  if (!binding.declarator || usage.releases.length > 0) return refuse(HANDED_OVER);
  const declaration = binding.declarator.parent;
  if (declaration.declarations.length !== 1) return refuse('its declaration declares several variables; split it first');
  const container = declaration.parent;
  const list = statementListOf(container);
  if (!container || !list) return refuse('its declaration is not directly inside a block');
  const index = list.indexOf(declaration);
  // A listener wired on the way (`page.on('error', …)`) is no hand-off: the `try` goes on to where
  // ownership really moves (`return page`), since the work before it is what can fail.
  const wiresListeners = usage.handOffs.some((handOff) => handOff.reason === 'handed to its listeners' && !handOff.settles);
  const handedOver = usage.handOffs
    .filter((handOff) => wiresListeners && handOff.inOwner && handOff.reason !== 'handed to its listeners')
    .map((handOff) => handOff.node)
    .sort((a, b) => a.range[0] - b.range[0])
    .slice(0, 1);
  const last = lastCoveredStatement(analysis, usage, container, list, index, handedOver);
  if (typeof last !== 'number') return last;
  const release = errorPathRelease(analysis, site, declaration);
  if (typeof release !== 'string') return release;
  return {
    kind: 'wrap-in-try-finally',
    declaration,
    first: list[index + 1] as TSESTree.Statement,
    last: list[last] as TSESTree.Statement,
    removals: [],
    release,
    disposal: undefined,
    inAsyncFunction: owner.async,
    onErrorOnly: true,
  };
}

/** On an error path a stream is destroyed (its descriptor closed now, no flush of a half-written file); anything else gets its usual release. */
function errorPathRelease(analysis: Analysis, site: TryFinallySite, declaration: TSESTree.VariableDeclaration): string | Refusal {
  const destroy = site.entry.releases.some((release) => 'method' in release && release.method === 'destroy' && !release.async);
  if (!destroy) return releaseText(analysis, site, declaration, []);
  const semicolon = analysis.sourceText.slice(declaration.range[0], declaration.range[1]).trimEnd().endsWith(';') ? ';' : '';
  return `${site.binding.variable.name}.destroy()${semicolon}`;
}

/**
 * `let src; let dst; try { src = await open(a); dst = await open(b); … } finally { if (src) await
 * src.close(); if (dst) await dst.close(); }`: the `finally` covers every use, but a failing first
 * close skips the second. The statements before this handle's release move into a `try` whose
 * `finally` is the release (noobaa's copy). Undefined when the handle's shape is any other.
 */
function planGuardedRelease(site: TryFinallySite): WrapInTryFinallyPlan | undefined {
  const { usage, binding, acquisition, owner } = site;
  if (usage.releases.length !== 1) return undefined;
  const finalizer = enclosingFinalizer(usage.releases[0], owner);
  if (!finalizer) return undefined;
  const tryStatement = finalizer.parent as TSESTree.TryStatement;
  if (acquisition.range[0] < tryStatement.block.range[0] || acquisition.range[1] > tryStatement.block.range[1]) return undefined;
  const declaration = binding.variable.defs[0]?.node.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  return guardedReleaseIn(finalizer, usage.releases, declaration, owner);
}

/**
 * `finally { await saveState(); await context.close().catch(() => {}); }`: a statement before the
 * release can throw and skip it. Those statements go into a `try` whose `finally` is the release.
 * Undefined unless one statement of the `finally` holds every release, after at least one other.
 */
function guardedReleaseIn(finalizer: TSESTree.BlockStatement, releases: readonly Node[], declaration: TSESTree.VariableDeclaration, owner: FunctionNode): WrapInTryFinallyPlan | undefined {
  const release = topLevelStatementIn(finalizer, releases[0]);
  const position = release ? finalizer.body.indexOf(release as TSESTree.Statement) : -1;
  if (!release || position <= 0 || !releases.every((other) => isInside(other, release))) return undefined;
  return {
    kind: 'wrap-in-try-finally',
    declaration,
    first: finalizer.body[0],
    last: release as TSESTree.Statement,
    removals: [],
    release: '',
    disposal: undefined,
    inAsyncFunction: owner.async,
    guardEarlierStatements: { first: finalizer.body[0], release: release as TSESTree.Statement },
  };
}

/**
 * `const session = new Session(await pool.connect()); await session.execute('begin'); try { … }
 * finally { session.client.release(); }`: the statements between the declaration and the `try`
 * whose `finally` releases it can throw with nothing to release it; they move to the start of that
 * `try` (drizzle's transaction). Undefined when the code has another shape, or when something
 * declared by a moved statement is used after the `try` block.
 */
export function planMoveIntoTry(analysis: Analysis, declaration: TSESTree.VariableDeclaration, releases: readonly Node[], owner: FunctionNode): WrapInTryFinallyPlan | undefined {
  const list = statementListOf(declaration.parent);
  if (!list) return undefined;
  const index = list.indexOf(declaration);
  const into = list.find(
    (statement, position): statement is TSESTree.TryStatement =>
      position > index + 1 &&
      statement.type === AST_NODE_TYPES.TryStatement &&
      statement.finalizer !== null &&
      releases.some((release) => isInside(release, statement.finalizer!)),
  );
  if (!into) return undefined;
  const moved = list.slice(index + 1, list.indexOf(into));
  for (const statement of moved) {
    for (const variable of declaredVariablesOf(analysis, statement)) {
      const staysInScope = (identifier: Node) => isInside(identifier, into.block) || moved.some((other) => isInside(identifier, other));
      if (!variable.references.every((reference) => staysInScope(reference.identifier))) return undefined;
    }
  }
  return {
    kind: 'wrap-in-try-finally',
    declaration,
    first: moved[0] as TSESTree.Statement,
    last: moved[moved.length - 1] as TSESTree.Statement,
    removals: [],
    release: '',
    disposal: undefined,
    inAsyncFunction: owner.async,
    moveIntoTry: { first: moved[0] as TSESTree.Statement, last: moved[moved.length - 1] as TSESTree.Statement, into },
  };
}

function isInside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * `conn.query(sql).then((rows) => { conn.release(); return rows; })`: released only when the promise
 * resolves. The release moves to a `.finally(() => conn.release())` at the end of that chain (what
 * node-mysql-promise's fix does by hand). Undefined unless every release is a statement of its own in
 * a `.then` callback of one chain.
 */
export function planReleaseInChainFinally(analysis: Analysis, releases: readonly Node[], declaration: TSESTree.VariableDeclaration | undefined, owner: FunctionNode): WrapInTryFinallyPlan | undefined {
  if (releases.length === 0) return undefined;
  const removals: TSESTree.ExpressionStatement[] = [];
  let chainEnd: Node | undefined;
  for (const release of releases) {
    const statement = standaloneStatementOf(release);
    if (!statement || !statementListOf(statement.parent) || statement.expression.type === AST_NODE_TYPES.AwaitExpression) return undefined;
    const callback = enclosingFunction(release);
    const then = callback && outermostWrapper(callback).parent;
    if (then?.type !== AST_NODE_TYPES.CallExpression || then.callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(then.callee) !== 'then') return undefined;
    const end = endOfChain(then);
    if (chainEnd && chainEnd !== end) return undefined;
    chainEnd = end;
    removals.push(statement);
  }
  const first = removals[0];
  const texts = new Set(removals.map((removal) => analysis.sourceText.slice(removal.expression.range[0], removal.expression.range[1])));
  if (!chainEnd || texts.size !== 1) return undefined;
  return {
    kind: 'wrap-in-try-finally',
    declaration,
    first: first as TSESTree.Statement,
    last: first as TSESTree.Statement,
    removals,
    release: [...texts][0],
    disposal: undefined,
    inAsyncFunction: owner.async,
    chainFinally: { chainEnd, release: [...texts][0], removals },
  };
}

/** `p.then(a).then(b)` from its first `then`: the last call of the chain. */
function endOfChain(call: TSESTree.CallExpression): Node {
  let link: Node = call;
  for (;;) {
    const member: Node | undefined = outermostWrapper(link).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(link)) return link;
    const next: Node | undefined = member.parent;
    const method = staticPropertyName(member);
    if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member || (method !== 'then' && method !== 'catch' && method !== 'finally')) return link;
    link = next;
  }
}

/** The `finally` block `node` sits in, inside `owner`. */
function enclosingFinalizer(node: Node, owner: FunctionNode): TSESTree.BlockStatement | undefined {
  for (let child: Node = node, parent = node.parent; parent && child !== owner; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return parent.finalizer;
  }
  return undefined;
}

/** The statements that release the handle today: the `finally` replaces them (a second close could close a reused fd). */
function releaseStatements(analysis: Analysis, usage: HandleUsage): TSESTree.ExpressionStatement[] | Refusal {
  const removals: TSESTree.ExpressionStatement[] = [];
  for (const release of usage.releases) {
    if (release.type === AST_NODE_TYPES.ForOfStatement) continue;
    const statement = standaloneStatementOf(release);
    if (!statement) {
      return refuse(`it is released inside an expression (\`${excerpt(analysis, release)}\`); move that release into a statement of its own`);
    }
    if (!statementListOf(statement.parent)) {
      return refuse(`its release \`${excerpt(analysis, statement)}\` is the body of an \`if\` or loop without braces`);
    }
    removals.push(statement);
  }
  return removals;
}

/**
 * The index (in `list`) of the last statement the `try` must cover: the last use of the handle, and
 * of anything declared beside it that is used later (`const data = await fh.readFile(); await
 * fh.close(); return data;` — `return data` must stay in scope).
 */
function lastCoveredStatement(analysis: Analysis, usage: HandleUsage, container: Node, list: readonly Node[], index: number, alsoCovered: readonly Node[] = []): number | Refusal {
  let last = index;
  for (const reference of [...usage.references, ...alsoCovered]) {
    // The assignment that acquires it (`browser = await launch()`) is where the `try` starts.
    if (isInside(reference, list[index])) continue;
    const statement = topLevelStatementIn(container, reference);
    const position = statement ? list.indexOf(statement) : -1;
    if (position <= index) return refuse('it is used outside the block that declares it');
    last = Math.max(last, position);
  }
  if (last === index) return refuse('it is never used; remove it, or release it right away');
  for (let changed = true; changed; ) {
    changed = false;
    const regionEnd = list[last].range[1];
    for (let position = index + 1; position <= last; position++) {
      for (const variable of declaredVariablesOf(analysis, list[position])) {
        for (const reference of variable.references) {
          if (reference.identifier.range[0] < regionEnd) continue;
          const statement = topLevelStatementIn(container, reference.identifier);
          const later = statement ? list.indexOf(statement) : -1;
          if (later < 0) return refuse(`\`${variable.name}\`, declared next to the handle, is used outside its block`);
          if (later > last) {
            last = later;
            changed = true;
          }
        }
      }
    }
  }
  return last;
}

/** The release the `finally` runs: the existing one moved, else the registry's, awaited when it returns a promise. */
function releaseText(analysis: Analysis, site: TryFinallySite, declaration: TSESTree.Statement, removals: readonly TSESTree.Statement[]): string | Refusal {
  const existing = removals[0];
  if (existing) return analysis.sourceText.slice(existing.range[0], existing.range[1]);
  const { entry, owner, binding } = site;
  const semicolon = analysis.sourceText.slice(declaration.range[0], declaration.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const callable = entry.releases.filter((candidate): candidate is Exclude<ReleaseSpecifier, { listener: string }> => !('listener' in candidate));
  // A sync function needs a sync release (`dir.closeSync()` rather than `await dir.close()`).
  const release = owner.async ? callable[0] : callable.find((candidate) => !candidate.async);
  if (!release) {
    return callable.length > 0
      ? refuse('its release returns a promise and the function is not async; release it where the promise is handled')
      : refuse(`leakguard knows no release call for a ${entry.description}`);
  }
  const name = binding.variable.name;
  const awaitPrefix = release.async ? 'await ' : '';
  if ('method' in release) {
    const call = release.method.startsWith('[') ? `${name}${release.method}()` : `${name}.${release.method}()`;
    return `${awaitPrefix}${call}${semicolon}`;
  }
  const callee = importedName(analysis, release.function.package, release.function.name);
  if (!callee) return refuse(`\`${release.function.name}\` from '${release.function.package}' is not imported in this file`);
  return `${awaitPrefix}${callee}(${name})${semicolon}`;
}

/** What hoisting an inline borrowed option needs: the option, its borrower's declaration and releases. */
export interface InlineOptionSite {
  readonly property: TSESTree.Property;
  readonly entry: ResourceEntry;
  readonly borrower: TSESTree.VariableDeclarator;
  readonly borrowerReleases: readonly Node[];
  readonly owner: FunctionNode;
}

/**
 * `const rl = createInterface({ input: fs.createReadStream(p) })` with `rl.close()` in a `finally`:
 * the stream gets a `const` of its own and is destroyed right after the interface is closed.
 * Without such a `finally` the interface's own fix comes first, and the option stays a refusal.
 */
export function planHoistedOption(analysis: Analysis, site: InlineOptionSite): Remedy<WrapInTryFinallyPlan> {
  const key = site.property.key;
  const keyName = !site.property.computed && key.type === AST_NODE_TYPES.Identifier ? key.name : 'resource';
  const declaration = site.borrower.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1 || !statementListOf(declaration.parent)) {
    return refuse(`the ${site.entry.description} is created inline as an option that the call only borrows; keep it in a \`const\` and release it after the borrower`);
  }
  const after = site.borrowerReleases.map((release) => standaloneStatementOf(release)).find((statement) => statement !== undefined && isInFinally(statement));
  if (!after) {
    return refuse(`the ${site.entry.description} is created inline as an option that the call only borrows, and the borrower is not released in a \`finally\`; release the borrower in a \`finally\`, then keep the ${site.entry.description} in a \`const\` and release it there too`);
  }
  const release = hoistedRelease(site.entry);
  if (!release) return refuse(`leakguard knows no synchronous release for a ${site.entry.description}`);
  const name = freeName(analysis, site.owner, keyName, site.property);
  const semicolon = analysis.sourceText.slice(after.range[0], after.range[1]).trimEnd().endsWith(';');
  return {
    kind: 'wrap-in-try-finally',
    declaration,
    first: declaration as TSESTree.Statement,
    last: declaration as TSESTree.Statement,
    removals: [],
    release: `${name}.${release}()${semicolon ? ';' : ''}`,
    disposal: undefined,
    inAsyncFunction: site.owner.async,
    hoist: {
      property: site.property,
      name,
      text: analysis.sourceText.slice(site.property.value.range[0], site.property.value.range[1]),
      release: `${name}.${release}()${semicolon ? ';' : ''}`,
      after,
      semicolon: analysis.sourceText.slice(declaration.range[0], declaration.range[1]).trimEnd().endsWith(';'),
    },
  };
}

function isInFinally(statement: Node): boolean {
  const block = statement.parent;
  return block?.type === AST_NODE_TYPES.BlockStatement && block.parent?.type === AST_NODE_TYPES.TryStatement && block.parent.finalizer === block;
}

/** `destroy()` where the entry has it (a stream: closes the descriptor now), else its first synchronous method release. */
function hoistedRelease(entry: ResourceEntry): string | undefined {
  const methods = entry.releases.filter((release): release is Extract<ReleaseSpecifier, { method: string }> => 'method' in release && !release.async && !release.method.startsWith('['));
  return (methods.find((release) => release.method === 'destroy') ?? methods[0])?.method;
}

/** The option's key when no other name in the function reads like it, else the key with `Stream`, numbered. */
function freeName(analysis: Analysis, owner: FunctionNode, key: string, property: TSESTree.Property): string {
  const text = analysis.sourceText.slice(owner.range[0], owner.range[1]);
  const keyStart = property.key.range[0] - owner.range[0];
  const taken = (name: string) => {
    const pattern = new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g');
    // A name the function does not mention may shadow an outer one harmlessly.
    for (const match of text.matchAll(pattern)) if (match.index !== keyStart) return true;
    return false;
  };
  for (const candidate of [key, `${key}Stream`, `${key}Stream2`, `${key}Stream3`]) if (!taken(candidate)) return candidate;
  return `${key}Resource`;
}


/**
 * `stream.pipe(res)`: `res.on('close', () => stream.destroy());` before it, so the stream goes when the
 * client does. Needs the pipe as a statement of its own and a synchronous release of the stream.
 */
export function planDestroyOnPeerClose(
  analysis: Analysis,
  site: { readonly pipe: Node; readonly peer: string; readonly handle: string; readonly entry: ResourceEntry; readonly declaration: TSESTree.VariableDeclaration | undefined; readonly owner: FunctionNode },
): Remedy<WrapInTryFinallyPlan> {
  const statement = standaloneStatementOf(site.pipe);
  const release = hoistedRelease(site.entry);
  if (!statement || !statementListOf(statement.parent) || !release || !site.declaration) {
    return refuse(`\`.pipe(${site.peer})\` does not destroy it when \`${site.peer}\` closes early; use \`pipeline()\` from 'node:stream', or destroy it on \`${site.peer}\`'s 'close'`);
  }
  const semicolon = analysis.sourceText.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const quote = quoteOf(analysis.ast, analysis.sourceText);
  return {
    kind: 'wrap-in-try-finally',
    declaration: site.declaration,
    first: site.declaration,
    last: site.declaration,
    removals: [],
    release: `${site.handle}.${release}()${semicolon}`,
    disposal: undefined,
    inAsyncFunction: site.owner.async,
    destroyOnPeerClose: { pipe: statement, statement: `${site.peer}.on(${quote}close${quote}, () => ${site.handle}.${release}())${semicolon}` },
  };
}

/** A name for a stream that had none: `stream` unless the function already says it, then numbered. */
function freeStreamName(analysis: Analysis, owner: FunctionNode): string {
  const text = analysis.sourceText.slice(owner.range[0], owner.range[1]);
  const taken = (name: string) => new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(text);
  for (const candidate of ['stream', 'source', 'sourceStream', 'sourceStream2']) if (!taken(candidate)) return candidate;
  return 'pipedSource';
}

/**
 * A name for an inline stream the fix must refer to, and its declaration in the file's style
 * (`const`, or `var` in a file that never uses `const`/`let`; a semicolon if the statement has one).
 */
function namedSource(analysis: Analysis, owner: FunctionNode, source: Node, statement: Node): { name: string; declaration: string; semicolon: string } {
  const text = analysis.sourceText;
  const semicolon = text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const name = freeStreamName(analysis, owner);
  const keyword = text.slice(owner.range[0], owner.range[1]).match(/\b(?:const|let)\s/) || !/\bvar\s/.test(text) ? 'const' : 'var';
  return { name, declaration: `${keyword} ${name} = ${text.slice(source.range[0], source.range[1])}${semicolon}`, semicolon };
}

/**
 * `createReadStream(p).pipe(res);`: the stream gets a `const` of its own so that `res`'s 'close' can
 * destroy it, then is piped as before.
 */
export function planDestroyInlineSourceOnPeerClose(
  analysis: Analysis,
  site: { readonly pipe: TSESTree.CallExpression; readonly source: Node; readonly peer: string; readonly entry: ResourceEntry; readonly owner: FunctionNode },
): Remedy<WrapInTryFinallyPlan> {
  const statement = standaloneStatementOf(site.pipe);
  const release = hoistedRelease(site.entry);
  if (!statement || statement.expression !== site.pipe || !statementListOf(statement.parent) || !release) {
    return refuse(`\`.pipe(${site.peer})\` does not destroy it when \`${site.peer}\` closes early; use \`pipeline()\` from 'node:stream', or destroy it on \`${site.peer}\`'s 'close'`);
  }
  const text = analysis.sourceText;
  const quote = quoteOf(analysis.ast, text);
  const { name, declaration, semicolon } = namedSource(analysis, site.owner, site.source, statement);
  const pipeText = `${name}${text.slice(outermostWrapper(site.source).range[1], site.pipe.range[1])}${semicolon}`;
  return {
    kind: 'wrap-in-try-finally',
    declaration: undefined,
    first: statement,
    last: statement,
    removals: [],
    release: `${name}.${release}()${semicolon}`,
    disposal: undefined,
    inAsyncFunction: site.owner.async,
    destroyOnPeerClose: {
      pipe: statement,
      statement: `${site.peer}.on(${quote}close${quote}, () => ${name}.${release}())${semicolon}`,
      hoisted: { declaration, pipe: pipeText },
    },
  };
}

/**
 * `source.pipe(handle)` where nothing watches the source's failure (`.pipe()` does not pass it on):
 * `source.on('error', (error) => handle.destroy(error));` before the statement that pipes, so the
 * handle ends with the error and whoever reads it sees the failure. The source must be a name or a
 * property path, read again without side effects; the pipe must be in a statement of the function
 * that holds the handle.
 */
export function planDestroyOnSourceError(
  analysis: Analysis,
  site: { readonly source: Node; readonly handle: string; readonly entry: ResourceEntry; readonly declaration: TSESTree.VariableDeclaration | undefined; readonly owner: FunctionNode },
): Remedy<WrapInTryFinallyPlan> {
  const text = analysis.sourceText;
  const sourceText = text.slice(site.source.range[0], site.source.range[1]);
  const refusal = refuse("`.pipe()` does not pass the source's failure on; connect them with `stream.pipeline()`, or destroy it in the source's 'error' listener");
  const release = hoistedRelease(site.entry);
  const statement = statementHolding(site.source, site.owner);
  if (!isPropertyPath(site.source) || !release || !site.declaration || !statement || statement === site.declaration) return refusal;
  const semicolon = text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const quote = quoteOf(analysis.ast, text);
  const error = site.handle === 'error' ? 'err' : 'error';
  const end = release === 'destroy' ? `${site.handle}.destroy(${error})` : `${site.handle}.${release}()`;
  // A file written without arrow functions gets a function expression, as its other listeners are.
  const listener = /=>/.test(text) || !/\bvar\s/.test(text) ? `(${error}) => ${end}` : `function (${error}) { ${end}${semicolon || ';'} }`;
  return {
    kind: 'wrap-in-try-finally',
    declaration: site.declaration,
    first: site.declaration,
    last: site.declaration,
    removals: [],
    release: `${end}${semicolon}`,
    disposal: undefined,
    inAsyncFunction: site.owner.async,
    destroyOnPeerClose: { pipe: statement as TSESTree.ExpressionStatement, statement: `${sourceText}.on(${quote}error${quote}, ${listener})${semicolon}`, onSourceError: true },
  };
}

/** `res`, `res.message`, `this.upstream`: an expression that reads the same value again. */
function isPropertyPath(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isPropertyPath(node.object);
}

/** The statement of a block that holds `node`, inside `owner` and no function nested in it. */
function statementHolding(node: Node, owner: FunctionNode): TSESTree.Statement | undefined {
  let current: Node = node;
  while (current.parent && current !== owner) {
    if (enclosingFunction(current) !== owner) return undefined;
    if (statementListOf(current.parent)) return current as TSESTree.Statement;
    current = current.parent;
  }
  return undefined;
}

/**
 * A source `.pipe()` abandons when the destination fails: its 'error' listener destroys it first,
 * and an inline source gets a `const` of its own to be named there (brackets' own fix). The pipe must
 * sit in a statement of a statement list; the source must have a synchronous destroying release.
 */
export function planDestroyInErrorListener(
  analysis: Analysis,
  site: { readonly pipe: TSESTree.CallExpression; readonly source: Node; readonly variable: string | undefined; readonly listener: FunctionNode; readonly entry: ResourceEntry; readonly owner: FunctionNode },
): Remedy<WrapInTryFinallyPlan> {
  const refusal = refuse("`.pipe()` leaves its source open when the destination fails: keep the source in a `const` and destroy it in the destination's 'error' listener, or use `stream.pipeline()`");
  let statement: Node | undefined = site.pipe;
  while (statement && statement.type !== AST_NODE_TYPES.ExpressionStatement) {
    if (statement === site.owner) return refusal;
    statement = statement.parent;
  }
  const release = hoistedRelease(site.entry);
  if (!statement || statement.type !== AST_NODE_TYPES.ExpressionStatement || !statementListOf(statement.parent) || !release) return refusal;
  const source = outermostWrapper(site.source);
  const hoisted = namedSource(analysis, site.owner, source, statement);
  const name = site.variable ?? hoisted.name;
  const semicolon = hoisted.semicolon;
  return {
    kind: 'wrap-in-try-finally',
    declaration: undefined,
    first: statement,
    last: statement,
    removals: [],
    release: `${name}.${release}()${semicolon}`,
    disposal: undefined,
    inAsyncFunction: site.owner.async,
    destroyInErrorListener: {
      statement,
      hoisted: site.variable ? undefined : { declaration: hoisted.declaration, source, name },
      listener: site.listener,
      release: `${name}.${release}();`,
    },
  };
}
