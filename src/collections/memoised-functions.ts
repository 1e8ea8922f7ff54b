import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';

/**
 * How a memoising library keeps its cache (design: "a memoize wrapper applied at module load makes its
 * Map module-lived"):
 * - `keyedBy`: what its default key is — the first argument as it is (`Map` semantics: an object is
 *   a key by identity) or a serialisation of the arguments (a fresh object with the same content hits);
 * - `expiresOnRead`: its `maxAge` is checked only when a key is read again (mem before its timer-based
 *   expiry, p-memoize): keys nobody asks for again stay;
 * - `boundingOptions`: options that bound the cache (a size limit, a cache of your own, a timer-based
 *   expiry);
 * - `boundedByDefault`: the cache holds one entry unless told otherwise (moize, micro-memoize).
 */
interface Memoiser {
  readonly keyedBy: 'first-argument' | 'serialised';
  readonly expiresOnRead: boolean;
  readonly boundingOptions: readonly string[];
  readonly boundedByDefault: boolean;
  /** lodash: the second argument is a resolver that computes the key. */
  readonly resolverArgument: boolean;
  /** How its cache can be swapped for a bounded one: lodash's `memoized.cache`, mem's `cache` option. */
  readonly replaceableCache: 'property' | 'option' | undefined;
}

const LODASH: Memoiser = { keyedBy: 'first-argument', expiresOnRead: false, boundingOptions: [], boundedByDefault: false, resolverArgument: true, replaceableCache: 'property' };
const MEM: Memoiser = { keyedBy: 'first-argument', expiresOnRead: true, boundingOptions: ['cache'], boundedByDefault: false, resolverArgument: false, replaceableCache: 'option' };
const MEMOIZEE: Memoiser = { keyedBy: 'first-argument', expiresOnRead: false, boundingOptions: ['max', 'maxAge'], boundedByDefault: false, resolverArgument: false, replaceableCache: undefined };
const FAST_MEMOIZE: Memoiser = { keyedBy: 'serialised', expiresOnRead: false, boundingOptions: ['cache'], boundedByDefault: false, resolverArgument: false, replaceableCache: undefined };
const ONE_ENTRY: Memoiser = { keyedBy: 'first-argument', expiresOnRead: false, boundingOptions: [], boundedByDefault: true, resolverArgument: false, replaceableCache: undefined };

/** Default exports (or the module itself under `require`) that memoise: package → library model. */
const MEMOISING_PACKAGES: Readonly<Record<string, Memoiser>> = {
  'lodash/memoize': LODASH,
  'lodash.memoize': LODASH,
  'lodash-es/memoize': LODASH,
  mem: MEM,
  memoize: MEM,
  'p-memoize': MEM,
  memoizee: MEMOIZEE,
  'fast-memoize': FAST_MEMOIZE,
  moize: ONE_ENTRY,
  'micro-memoize': ONE_ENTRY,
};
/** Packages whose `memoize` export memoises: `import { memoize } from 'lodash'`, `_.memoize(fn)`. */
const NAMED_MEMOIZE_PACKAGES: Readonly<Record<string, Memoiser>> = { lodash: LODASH, 'lodash-es': LODASH, underscore: LODASH };

export interface MemoisedFunction {
  /** `resolveCached`: the module-level name of the memoised function. */
  readonly name: string;
  readonly declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  readonly memoiser: Memoiser;
  /** `memoize`, `mem`: how the file calls the memoiser, for messages. */
  readonly memoiserName: string;
  /** `export const getRoles = mem(…)`: other modules call it too. */
  readonly exported: boolean;
  /** The memoiser call: `memoize(fn)`, `mem(fn, { maxAge })`. */
  readonly application: TSESTree.CallExpression;
  /** The statement that declares it (`const …`, `export const …`), when it declares nothing else. */
  readonly statement: TSESTree.Node | undefined;
  /** Calls of the memoised function in this file. */
  readonly calls: readonly TSESTree.CallExpression[];
  /**
   * What a call's key is: the first argument itself (an object by identity), the arguments' content
   * (a serialising memoiser), or what the file's own key function makes (lodash's resolver, mem's `cacheKey`).
   */
  readonly key: 'identity' | 'content' | 'custom';
  /** `maxAge` given to a memoiser that checks it only on reads. */
  readonly expiresOnRead: boolean;
}

function packageOf(init: Node | null | undefined): string | undefined {
  const node = init ? unwrapExpression(init) : undefined;
  if (node?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(node.callee);
  const argument = node.arguments[0];
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return undefined;
  return argument.value;
}

/** What a name denotes, when it is bound to a package: its default/module export or one named export. */
export function bindingOf(scopeManager: ScopeManagerLike, identifier: TSESTree.Identifier): { source: string; imported: string | undefined } | undefined {
  const definition = findVariable(scopeManager, identifier)?.defs[0];
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') {
    const declaration = definition.node.parent;
    const specifier = definition.node as TSESTree.ImportClause;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier ? (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value)) : undefined;
    return { source: declaration.source.value, imported: imported === 'default' ? undefined : imported };
  }
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  const direct = packageOf(declarator.init);
  if (direct !== undefined && declarator.id.type === AST_NODE_TYPES.Identifier) return { source: direct, imported: undefined };
  // `const { memoize } = require('lodash')`.
  if (direct !== undefined && declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    const property = declarator.id.properties.find((entry) => entry.type === AST_NODE_TYPES.Property && entry.value === identifier.parent);
    const named = property?.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : identifier.name;
    return { source: direct, imported: named };
  }
  // `const memoize = require('lodash').memoize`.
  const init = declarator.init && unwrapExpression(declarator.init);
  if (init?.type === AST_NODE_TYPES.MemberExpression) {
    const source = packageOf(init.object);
    if (source !== undefined) return { source, imported: staticPropertyName(init) };
  }
  return undefined;
}

/** `memoize(fn)`, `_.memoize(fn)`, `mem(fn, { maxAge })`: the memoiser a call applies, by the package it comes from. */
function memoiserOf(scopeManager: ScopeManagerLike, call: TSESTree.CallExpression): { memoiser: Memoiser; name: string } | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(scopeManager, callee);
    if (!binding) return undefined;
    if (binding.imported === undefined) {
      const memoiser = MEMOISING_PACKAGES[binding.source];
      return memoiser ? { memoiser, name: callee.name } : undefined;
    }
    const named = binding.imported === 'memoize' ? NAMED_MEMOIZE_PACKAGES[binding.source] : undefined;
    return named ? { memoiser: named, name: callee.name } : undefined;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'memoize' && callee.object.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(scopeManager, callee.object);
    const memoiser = binding && binding.imported === undefined ? NAMED_MEMOIZE_PACKAGES[binding.source] : undefined;
    return memoiser ? { memoiser, name: `${callee.object.name}.memoize` } : undefined;
  }
  return undefined;
}

function optionNames(call: TSESTree.CallExpression): Set<string> | undefined {
  const options = call.arguments[1];
  if (!options) return new Set();
  const node = unwrapExpression(options);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const names = new Set<string>();
  for (const property of node.properties) {
    // `{ ...defaults }`: options this file does not show.
    if (property.type !== AST_NODE_TYPES.Property) return undefined;
    if (property.key.type === AST_NODE_TYPES.Identifier && !property.computed) names.add(property.key.name);
    else if (property.key.type === AST_NODE_TYPES.Literal) names.add(String(property.key.value));
  }
  return names;
}

/**
 * `resolveCached.cache = new LRUCache(…)`, `resolveCached.cache.clear()`, `memoize.Cache = LRU`,
 * `memClear(getRoles)`, `getRoles.clear()`: the file bounds or empties the memo itself.
 */
function boundedElsewhere(program: TSESTree.Program, name: string, memoiserName: string): boolean {
  let bounded = false;
  walk(program, (node) => {
    if (bounded) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
      const property = staticPropertyName(node);
      if (node.object.name === name && (property === 'cache' || property === 'clear' || property === 'delete')) bounded = true;
      if (node.object.name === memoiserName.split('.')[0] && property === 'Cache') bounded = true;
    }
    // `memClear(getRoles)`, `mem.clear(getRoles)`.
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === name)) {
      const callee = unwrapExpression(node.callee);
      const calleeName = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
      if (calleeName !== undefined && /clear/i.test(calleeName)) bounded = true;
    }
    return bounded ? false : undefined;
  });
  return bounded;
}

/**
 * Functions memoised at module load (`const resolveCached = memoize(fn)`, `export const getRoles =
 * mem(fn, { maxAge })`) whose library keeps an unbounded cache: the cache is module-lived, keyed by
 * what each call passes. Memoisers given a bound (a size limit, a cache of their own, a timer-based
 * expiry, a `clear()` somewhere in the file) are left out.
 */
export function memoisedAtLoad(analysis: Analysis): MemoisedFunction[] {
  return [...memoisedIn(analysis, analysis.ast.body), ...loadTimeHelpers(analysis).flatMap((helper) => memoisedIn(analysis, helper.body.body))];
}

/**
 * `function memoize(fn) { const memoized = memoizee(fn, { maxAge }); return (opts) => memoized(opts) }`
 * with `module.exports = memoize(app)`: a function of the module whose every call runs at load. What
 * it memoises lives as long as the module, like a memo applied at the top level (google-play-scraper
 * wrapped each scraper so).
 */
function loadTimeHelpers(analysis: Analysis): (TSESTree.FunctionDeclaration & { body: TSESTree.BlockStatement })[] {
  const helpers: (TSESTree.FunctionDeclaration & { body: TSESTree.BlockStatement })[] = [];
  for (const statement of analysis.ast.body) {
    if (statement.type !== AST_NODE_TYPES.FunctionDeclaration || !statement.id) continue;
    const variable = analysis.scopeManager.getDeclaredVariables(statement).find((candidate) => candidate.name === statement.id?.name);
    const references = variable?.references ?? [];
    const calledAtLoad = (reference: (typeof references)[number]) => {
      const call = reference.identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && executionOf(call).kind === 'once';
    };
    if (references.length > 0 && references.every(calledAtLoad)) helpers.push(statement);
  }
  return helpers;
}

function memoisedIn(analysis: Analysis, statements: readonly TSESTree.Node[]): MemoisedFunction[] {
  const found: MemoisedFunction[] = [];
  for (const statement of statements) {
    const exported = statement.type === AST_NODE_TYPES.ExportNamedDeclaration;
    const declaration = exported ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression || !init.arguments[0]) continue;
      const applied = memoiserOf(analysis.scopeManager, init);
      if (!applied || applied.memoiser.boundedByDefault) continue;
      const { memoiser } = applied;
      const resolver = memoiser.resolverArgument && init.arguments[1] !== undefined;
      const options = memoiser.resolverArgument ? new Set<string>() : optionNames(init);
      if (!options || memoiser.boundingOptions.some((option) => options.has(option))) continue;
      const name = declarator.id.name;
      if (boundedElsewhere(analysis.ast, name, applied.name)) continue;
      const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
      const calls: TSESTree.CallExpression[] = [];
      for (const reference of variable?.references ?? []) {
        const call = reference.identifier.parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) calls.push(call);
      }
      found.push({
        name,
        declarator: declarator as TSESTree.VariableDeclarator & { id: TSESTree.Identifier },
        memoiser,
        memoiserName: applied.name,
        exported,
        application: init,
        statement: declaration.declarations.length === 1 ? statement : undefined,
        calls,
        key: resolver || ['cacheKey', 'normalizer'].some((option) => options.has(option)) ? 'custom' : memoiser.keyedBy === 'serialised' || options.has('primitive') ? 'content' : 'identity',
        expiresOnRead: memoiser.expiresOnRead && options.has('maxAge'),
      });
    }
  }
  return found;
}

/** `resolveCached({ projectName, … })`: a value made by the call itself, a new identity every time. */
export function isFreshIdentity(argument: Node | undefined): boolean {
  const node = argument ? unwrapExpression(argument) : undefined;
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.ArrayExpression || isFunction(node)) return true;
  return node.type === AST_NODE_TYPES.NewExpression && !(node.callee.type === AST_NODE_TYPES.Identifier && /^(String|Number|Boolean)$/.test(node.callee.name));
}
