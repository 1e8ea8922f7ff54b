import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { isInside, outermostWrapper, unwrapExpression } from '../ast/predicates';
import { statementListOf } from '../ast/statement-lists';
import { writesTypeScript } from '../ast/typescript-syntax';
import { assertedObjectType, sameFileTypeDeclaration, writtenTypeArguments } from '../collections/collection-kind';
import type { CollectionUse } from '../collections/collection-uses';
import type { LongLivedCollection } from '../collections/long-lived-collections';
import type { Refusal, Remedy } from '../findings/finding';
import type { ArrayTrim, BoundedCachePlan, CollectionTranslation, LruCachePlan } from './bounded-cache-plan';
import { planEvictOldest } from './plan-evict-oldest';
import { planTrimOldest } from './plan-trim-oldest';
import { quoteUse } from './quote-use';
import { isOrderFreeIteration } from './order-free-iteration';
import { contractDeclaringField } from './contract-fields';

const refuse = (reason: string): Refusal => ({ kind: 'refusal', reason });

const IN_A_REF = 'it lives in a React ref; keep only the newest entries where it grows, or empty it when the component unmounts';

const PLAIN_TYPE = { map: 'Map', set: 'Set', record: 'object' } as const;

function text(analysis: Analysis, node: TSESTree.Node): string {
  return analysis.sourceText.slice(node.range[0], node.range[1]);
}

/** K and V of a record type as written: `Record<K, V>`, `{ [k: K]: V }`, or a same-file alias or interface of one. */
function recordKeyAndValue(type: TSESTree.TypeNode | undefined, resolving = true): readonly TSESTree.TypeNode[] | undefined {
  if (type?.type === AST_NODE_TYPES.TSTypeLiteral) return soleIndexSignature(type.members);
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (type.typeArguments) return type.typeName.name === 'Record' ? type.typeArguments.params : undefined;
  if (!resolving) return undefined;
  // `interface Sessions { [id: string]: Session }`, `type Sessions = Record<string, Session>`: one level, no type parameters.
  const declared = sameFileTypeDeclaration(type, type.typeName.name);
  if (declared?.type === AST_NODE_TYPES.TSInterfaceDeclaration && !declared.typeParameters && declared.extends.length === 0) return soleIndexSignature(declared.body.body);
  return declared?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && !declared.typeParameters ? recordKeyAndValue(declared.typeAnnotation, false) : undefined;
}

function soleIndexSignature(members: readonly TSESTree.TypeElement[]): readonly TSESTree.TypeNode[] | undefined {
  const signature = members.length === 1 ? members[0] : undefined;
  if (signature?.type !== AST_NODE_TYPES.TSIndexSignature) return undefined;
  const key = signature.parameters[0];
  const keyType = key?.type === AST_NODE_TYPES.Identifier ? key.typeAnnotation?.typeAnnotation : undefined;
  const valueType = signature.typeAnnotation?.typeAnnotation;
  return keyType && valueType ? [keyType, valueType] : undefined;
}

/** K and V as written: `Map<K, V>`, `Set<T>` (V is `true`), a record type (above) on the declaration or its empty object. */
function keyAndValueTypes(collection: LongLivedCollection): readonly TSESTree.TypeNode[] | undefined {
  if (collection.kind === 'record') return recordKeyAndValue(collection.annotation ?? assertedObjectType(collection.init));
  return writtenTypeArguments(collection.init, collection.annotation);
}

/** Why the value cannot be swapped for an LRUCache as written, if it cannot. */
function constructionProblem(collection: LongLivedCollection): string | undefined {
  const contract = contractDeclaringField(collection);
  if (contract) return `its field is declared by \`${contract}\` too, as a plain ${PLAIN_TYPE[collection.kind as 'map' | 'set' | 'record'] ?? 'collection'}: an LRUCache would break that contract`;
  const init = unwrapExpression(collection.init);
  if (collection.kind === 'record') {
    if (init.type !== AST_NODE_TYPES.ObjectExpression || init.properties.length > 0) return 'it does not start as an empty object literal';
    if ((collection.annotation || assertedObjectType(collection.init)) && !keyAndValueTypes(collection)) return 'its type is not written as `Record<K, V>` or `{ [key: K]: V }`';
    return undefined;
  }
  if (init.type !== AST_NODE_TYPES.NewExpression) return `it is not created by \`new ${PLAIN_TYPE[collection.kind as 'map' | 'set']}()\` here`;
  if (init.arguments.length > 0) return 'it starts with entries; LRUCache has no such constructor argument';
  const annotation = collection.annotation;
  if (annotation && !(annotation.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier)) {
    return 'its annotation is not a plain `Map<K, V>`/`Set<T>`';
  }
  return undefined;
}

/** Translates one use of a Set or record into the LRUCache API, `'keep'` when it reads the same, or says why it cannot. */
function translate(analysis: Analysis, collection: LongLivedCollection, use: CollectionUse, uses: readonly CollectionUse[]): CollectionTranslation | string {
  const line = quoteUse(analysis, use);
  if (use.kind === 'export') return 'it is exported: other modules use it as a plain collection';
  if (use.kind === 'escape' || use.operation === 'read-only-call') {
    return `it is passed on (${line}) where a plain ${PLAIN_TYPE[collection.kind as 'map' | 'set' | 'record']} may be required`;
  }
  if (use.kind === 'iterate') return translateIteration(analysis, collection, use, uses) ?? `it is iterated (${line}): LRUCache iterates most-recently-used first, not in insertion order`;
  if (use.operation === 'object-assign') return `\`Object.assign\` writes into it (${line}); write the entries with \`.set\` first`;
  const receiver = use.reference;
  if (collection.kind === 'map') return use.operation.startsWith('index-') || use.operation.startsWith('property-') ? `it is used as an object (${line})` : 'keep';
  if (collection.kind === 'set') {
    if (use.operation !== 'add') return use.operation.startsWith('index-') || use.operation.startsWith('property-') ? `it is used as an object (${line})` : 'keep';
    const call = use.site as TSESTree.CallExpression;
    if (outermostWrapper(call).parent?.type !== AST_NODE_TYPES.ExpressionStatement) return `the result of \`.add()\` (${line}) is used; LRUCache's \`.set\` returns the cache`;
    if (!use.key || use.key.type === AST_NODE_TYPES.SpreadElement) return `\`.add()\` (${line}) has no plain argument`;
    return { kind: 'add', site: call, method: (call.callee as TSESTree.MemberExpression).property, key: use.key };
  }
  switch (use.operation) {
    case 'index-write': {
      const assignment = use.site as TSESTree.AssignmentExpression;
      if (assignment.operator !== '=') return `\`${assignment.operator}\` (${line}) reads and writes an entry in one expression; split it first`;
      if (outermostWrapper(assignment).parent?.type !== AST_NODE_TYPES.ExpressionStatement) return `the assignment (${line}) is used as a value`;
      return { kind: 'set', site: assignment, receiver, key: use.key!, value: assignment.right };
    }
    case 'index-read':
      return { kind: 'get', site: use.site, receiver, key: use.key! };
    case 'index-delete':
      return { kind: 'delete', site: use.site, receiver, key: use.key! };
    case 'in':
    case 'has-own':
    case 'has-own-property':
    case 'hasOwnProperty':
      return use.key && use.key.type !== AST_NODE_TYPES.SpreadElement && use.key.type !== AST_NODE_TYPES.PrivateIdentifier
        ? { kind: 'has', site: use.site, receiver, key: use.key }
        : `the membership test (${line}) has no plain key`;
    case 'object-keys-length':
      return { kind: 'size', site: outermostWrapper(use.site).parent!, receiver };
    case 'read':
    case 'compare':
      return 'keep';
    default:
      return `it is used as a plain object (${line}, ${use.operation}); LRUCache has no equivalent`;
  }
}

const RECORD_ITERATIONS: Readonly<Record<string, 'keys' | 'values' | 'entries'>> = { 'Object.keys': 'keys', 'Object.values': 'values', 'Object.entries': 'entries' };

function objectCallee(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.object.type !== AST_NODE_TYPES.Identifier || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return `${callee.object.name}.${callee.property.name}`;
}

/**
 * An iteration an LRUCache can take over, when its order does not matter (see order-free-iteration):
 * a record's `Object.keys/values/entries(c)` and a Set's `for (x of c)` become a copy of the cache's
 * own `keys()`/`values()`/`entries()`; a Map's iteration reads the same on an LRUCache when the loop
 * uses the cache it walks nowhere else (a `get` reorders it too). Undefined when the iteration must
 * stay as it is.
 */
function translateIteration(analysis: Analysis, collection: LongLivedCollection, use: CollectionUse, uses: readonly CollectionUse[]): CollectionTranslation | 'keep' | undefined {
  const scopeManager = analysis.scopeManager;
  const site = use.site;
  if (collection.kind === 'record') {
    if (site.type !== AST_NODE_TYPES.CallExpression || site.arguments[0] !== outermostWrapper(use.reference)) return undefined;
    const method = RECORD_ITERATIONS[objectCallee(site) ?? ''];
    return method && isOrderFreeIteration(site, scopeManager) ? { kind: 'iterate', site, receiver: use.reference, method } : undefined;
  }
  const iterated = use.operation === 'for' ? (site.type === AST_NODE_TYPES.ForOfStatement ? outermostWrapper(use.reference) : undefined) : use.operation === 'forEach' ? outermostWrapper(use.reference) : ['keys', 'values', 'entries'].includes(use.operation) ? site : undefined;
  if (!iterated || !isOrderFreeIteration(iterated, scopeManager)) return undefined;
  if (collection.kind === 'set') {
    // An LRUCache yields `[key, true]` pairs and its `values()` are `true`: a Set's members are its keys.
    return use.operation === 'for' ? { kind: 'iterate', site: outermostWrapper(use.reference), receiver: use.reference, method: 'keys' } : undefined;
  }
  if (collection.kind !== 'map') return undefined;
  // An LRUCache walks its recency list: a `get` inside the walk moves an entry and can make it loop,
  // as a `set` or `delete` can. A Map loop stays as written only when it touches the Map nowhere else.
  const around = outermostWrapper(iterated).parent;
  // `for (… of c)`: the loop; `c.forEach(cb)`: the call, callback included.
  const loop = around?.type === AST_NODE_TYPES.MemberExpression ? outermostWrapper(around).parent : around;
  const usedInside = uses.some((other) => other !== use && loop !== undefined && isInside(other.site, loop) && other.site !== loop);
  return usedInside ? undefined : 'keep';
}

function arrayTrims(analysis: Analysis, repeatedGrowth: readonly CollectionUse[]): ArrayTrim[] | string {
  const trims: ArrayTrim[] = [];
  for (const use of repeatedGrowth) {
    const line = quoteUse(analysis, use);
    if (use.operation !== 'push' && use.operation !== 'unshift') return `it grows by \`${use.operation}\` (${line}); only \`push\`/\`unshift\` get a trim`;
    const statement = outermostWrapper(use.site).parent;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !statementListOf(statement.parent)) {
      return `the \`${use.operation}\` (${line}) is not a statement of its own in a block`;
    }
    const callee = (use.site as TSESTree.CallExpression).callee as TSESTree.MemberExpression;
    trims.push({ statement, receiver: text(analysis, callee.object), newest: use.operation === 'push' ? 'last' : 'first' });
  }
  return trims;
}

/**
 * How `bounded-cache` bounds this collection, or why it leaves it: lru-cache 11 constrains keys and
 * values (`K extends {}, V extends {}`), iterates most-recently-used first, and is not a `Map`.
 */
export function planBoundedCache(
  analysis: Analysis,
  collection: LongLivedCollection,
  uses: readonly CollectionUse[],
  repeatedGrowth: readonly CollectionUse[],
  exported: boolean,
): Remedy<BoundedCachePlan> {
  if (exported) return refuse('it is exported: other modules use it as a plain collection');
  const tombstones = collection.kind === 'record' ? tombstoneWrites(uses) : [];
  if (tombstones.length > 0) return { kind: 'bounded-cache', collection: 'delete-tombstones', writes: tombstones };
  const typescript = writesTypeScript(analysis.ast);
  const base = { kind: 'bounded-cache' as const, collection: collection.kind, construction: collection.init, annotation: collection.annotation, typescript };
  if (collection.kind === 'array') {
    const trims = arrayTrims(analysis, repeatedGrowth);
    if (typeof trims === 'string') return refuse(trims);
    return { ...base, typeArguments: undefined, translations: [], trims };
  }
  const inRef = collection.holder.kind === 'component';
  if (collection.kind !== 'map' && collection.kind !== 'set') return inRef ? refuse(`${IN_A_REF}: it is an object used as a map`) : planLruCache(analysis, collection, uses, base);
  // A cap the code already keeps with an age-only cleanup: make the cap hold rather than swap the collection.
  const evict = planEvictOldest(analysis, uses);
  if (evict) return evict;
  // In a React ref, `useRef(new LRUCache(…))` would build a cache on every render: keep the newest where it grows.
  if (inRef) {
    const trim = planTrimOldest(analysis, collection.kind, repeatedGrowth);
    return typeof trim === 'string' ? refuse(`${IN_A_REF}: ${trim}`) : trim;
  }
  // Growth through a second name would go untrimmed: no fallback for an aliased collection.
  const alias = collection.aliases[0];
  if (alias) return refuse(`it is also named \`${alias.name}\` (line ${alias.loc.start.line}); rewrite through one name`);
  const lru = planLruCache(analysis, collection, uses, base);
  // Where an LRUCache cannot take its place, it stays a Map or Set and its oldest entry goes past the cap.
  const trim = planTrimOldest(analysis, collection.kind, repeatedGrowth);
  if (lru.kind !== 'refusal') return typeof trim === 'string' ? lru : { ...lru, fallback: trim };
  return typeof trim === 'string' ? refuse(`${lru.reason}; nor can a trim of the oldest entry follow each growth: ${trim}`) : trim;
}

/** `x[k] = undefined`, `x[k] = null`, `x[k] = void 0` as statements: removals that leave the key. */
function tombstoneWrites(uses: readonly CollectionUse[]): TSESTree.AssignmentExpression[] {
  return uses.flatMap((use) => {
    const site = use.site;
    if (use.operation !== 'index-write' || site.type !== AST_NODE_TYPES.AssignmentExpression || site.operator !== '=' || site.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
    return isEmptyValue(site.right) ? [site] : [];
  });
}

/** `undefined`, `null`, `void 0`: an emptied slot. */
export function isEmptyValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null && !('regex' in value);
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

/** `new Map<K, V>()` → `new LRUCache<K, V>({ max })`, every use translated; or why an LRUCache cannot take its place. */
function planLruCache(
  analysis: Analysis,
  collection: LongLivedCollection,
  uses: readonly CollectionUse[],
  base: Pick<LruCachePlan, 'kind' | 'collection' | 'construction' | 'annotation' | 'typescript'>,
): Remedy<LruCachePlan> {
  const alias = collection.aliases[0];
  if (alias) return refuse(`it is also named \`${alias.name}\` (line ${alias.loc.start.line}); rewrite through one name`);
  const problem = constructionProblem(collection);
  if (problem) return refuse(problem);
  // `(seen ||= new Set()).add(id)`: rewriting the construction and the call around it would overlap.
  const madeInUse = uses.find((use) => use.site.type !== AST_NODE_TYPES.ExpressionStatement && isInside(collection.init, use.site));
  if (madeInUse) return refuse(`it is made inside the expression that uses it (${quoteUse(analysis, madeInUse)}); make it in a statement of its own`);
  let typeArguments: string | undefined;
  const types = keyAndValueTypes(collection);
  if (base.typescript) {
    const expected = collection.kind === 'set' ? 1 : 2;
    if (!types || types.length !== expected) {
      return refuse(`its key and value types are not written (\`new ${collection.kind === 'set' ? 'Set<T>' : 'Map<K, V>'}()\` or an annotation); LRUCache needs them`);
    }
    const nullish = types.find((type) => analysis.oracle.admitsNullish(type));
    if (nullish) {
      return refuse(`\`${text(analysis, nullish)}\` admits null or undefined, which lru-cache's \`LRUCache<K extends {}, V extends {}>\` rejects`);
    }
    typeArguments = `<${types.map((type) => text(analysis, type)).join(', ')}${collection.kind === 'set' ? ', true' : ''}>`;
  }
  const translations: CollectionTranslation[] = [];
  for (const use of uses) {
    const translation = translate(analysis, collection, use, uses);
    if (typeof translation === 'string' && translation !== 'keep') return refuse(translation);
    if (typeof translation !== 'string') translations.push(translation);
  }
  return { ...base, typeArguments, translations, trims: [] };
}
