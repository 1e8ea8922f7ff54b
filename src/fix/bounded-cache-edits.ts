import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, unwrapExpression } from '../ast/predicates';
import type { BoundedCachePlan, BoundedMemoPlan, ClearInResetPlan, CollectionTranslation, DeleteOnClosePlan, DeleteOnSettlePlan, DeleteOnTimeoutPlan, EvictOldestPlan, LoaderCacheMapPlan, LruCachePlan, TrimOldestPlan } from '../remedies/bounded-cache-plan';
import { importNamed } from './add-import';
import { admitsNullish, collectionTypes, isAnyType, jsDocTypeTags } from './jsdoc-type';
import { leadingComments, startOfNextLineDirectives } from './leading-comments';
import { SourceLayout } from './source-layout';
import { quoteOf, usesSemicolons } from './source-style';
import type { EditResult, TextEdit } from './text-edit';

export interface BoundedCacheSettings {
  /** lru-cache's `max`, and the number of newest entries an array keeps. */
  readonly max: number;
  /** lru-cache's `ttl` in milliseconds (it needs `max`, which is always given). */
  readonly ttl?: number;
}

export const DEFAULT_MAX = 1000;

/** Past this many columns, an inserted statement breaks its body onto a line of its own. */
const MAX_LINE = 100;

/** `hits[k] ?? 0`, `if (cache[k])`, `!seen[k]`: where a read may be undefined without a type error. */
function toleratesUndefined(read: TSESTree.Node): boolean {
  const parent = outermostWrapper(read).parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === outermostWrapper(read);
    // `hits[k] !== null`, `hits[k] === undefined`: comparing with null or undefined takes `V | undefined`.
    case AST_NODE_TYPES.BinaryExpression: {
      if (!['==', '!=', '===', '!=='].includes(parent.operator)) return false;
      const other = unwrapExpression(parent.left === outermostWrapper(read) ? parent.right : parent.left);
      return (other.type === AST_NODE_TYPES.Literal && other.raw === 'null') || (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
    }
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' || parent.operator === 'typeof' || parent.operator === 'void';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === outermostWrapper(read);
    default:
      return false;
  }
}

/** Replaces the translations' sites, inner ones first: `counts[k] = (counts[k] ?? 0) + 1` nests a read in a write. */
class TranslationRenderer {
  readonly #sorted: readonly CollectionTranslation[];

  constructor(
    private readonly source: string,
    translations: readonly CollectionTranslation[],
    private readonly nonNull: boolean,
  ) {
    this.#sorted = [...translations].sort((a, b) => a.site.range[0] - b.site.range[0] || b.site.range[1] - a.site.range[1]);
  }

  /** The outermost translations: the edits. */
  edits(): TextEdit[] {
    return this.#outermostWithin(0, this.source.length).map((translation) => ({
      range: this.#rangeOf(translation),
      text: this.#replacement(translation),
    }));
  }

  /** `!(id in seen)` becomes `!seen.has(id)`: a call needs no parentheses after `!`. */
  #rangeOf(translation: CollectionTranslation): [number, number] {
    const [start, end] = translation.site.range;
    const parenthesised = this.source[start - 1] === '(' && this.source[end] === ')';
    const negated = translation.site.parent?.type === AST_NODE_TYPES.UnaryExpression && translation.site.parent.range[0] < start - 1;
    return translation.kind === 'has' && parenthesised && negated ? [start - 1, end + 1] : [start, end];
  }

  #outermostWithin(start: number, end: number): CollectionTranslation[] {
    const result: CollectionTranslation[] = [];
    let cursor = start;
    for (const translation of this.#sorted) {
      const [from, to] = translation.site.range;
      if (from < cursor || to > end) continue;
      result.push(translation);
      cursor = to;
    }
    return result;
  }

  #render(node: TSESTree.Node): string {
    const [start, end] = node.range;
    let text = '';
    let cursor = start;
    for (const inner of this.#outermostWithin(start, end)) {
      text += this.source.slice(cursor, inner.site.range[0]) + this.#replacement(inner);
      cursor = inner.site.range[1];
    }
    return text + this.source.slice(cursor, end);
  }

  #replacement(translation: CollectionTranslation): string {
    switch (translation.kind) {
      case 'set':
        return `${this.#render(translation.receiver)}.set(${this.#render(translation.key)}, ${this.#render(translation.value)})`;
      // A record read was typed `V`; `.get` is `V | undefined`. `!` keeps the type the code was written against.
      case 'get':
        return `${this.#render(translation.receiver)}.get(${this.#render(translation.key)})${this.nonNull && !toleratesUndefined(translation.site) ? '!' : ''}`;
      case 'has':
      case 'delete':
        return `${this.#render(translation.receiver)}.${translation.kind}(${this.#render(translation.key)})`;
      case 'size':
        return `${this.#render(translation.receiver)}.size`;
      case 'iterate': {
        // A Set's `for (x of seen)`: the site is the collection itself, nothing inside to translate.
        const receiver = translation.receiver === translation.site ? this.source.slice(...translation.site.range) : this.#render(translation.receiver);
        return `[...${receiver}.${translation.method}()]`;
      }
      case 'add': {
        const call = translation.site;
        return (
          this.source.slice(call.range[0], translation.method.range[0]) +
          'set' +
          this.source.slice(translation.method.range[1], translation.key.range[0]) +
          `${this.#render(translation.key)}, true` +
          this.source.slice(translation.key.range[1], call.range[1])
        );
      }
    }
  }
}

/**
 * Empties the left-out collection in the reset method, on a line of its own after the reset's last
 * statement (before it when that is a `return`, which must stay last), in the file's indentation
 * and semicolon style.
 */
function clearInResetEdits(plan: ClearInResetPlan, source: string, ast: TSESTree.Program): EditResult {
  const statements = plan.reset.value.body?.body ?? [];
  const last = statements.at(-1);
  if (!last) return { refusal: 'the reset method has no statements to put the clearing next to' };
  const layout = new SourceLayout(source);
  const semicolon = usesSemicolons(ast, source) ? ';' : '';
  const indentation = layout.indentationAt(last.range[0]);
  if (last.type === AST_NODE_TYPES.ReturnStatement) {
    if (!layout.startOfLineIsEmpty(last.range[0])) return { refusal: `other code precedes the reset's return on line ${last.loc.start.line}` };
    const start = layout.lineStart(last.range[0]);
    return { edits: [{ range: [start, start], text: `${indentation}${plan.emptying}${semicolon}${layout.eol}` }] };
  }
  if (!layout.restOfLineIsEmpty(last.range[1])) return { refusal: `other code follows the reset's last statement on line ${last.loc.end.line}` };
  const end = layout.lineEnd(last.range[1]);
  return { edits: [{ range: [end, end], text: `${layout.eol}${indentation}${plan.emptying}${semicolon}` }] };
}

/** The timer's callback removes the entry first (see `prependEdit`). */
function deleteOnTimeoutEdits(plan: DeleteOnTimeoutPlan, source: string, ast: TSESTree.Program): EditResult {
  return { edits: [prependEdit(plan.timerCallback, [plan.deletion], source, new SourceLayout(source), usesSemicolons(ast, source) ? ';' : '')] };
}

/** The timeout's deletion on a line of its own after each `clearTimeout(timer)`, in the file's indentation and semicolon style. */
function deleteOnSettleEdits(plan: DeleteOnSettlePlan, source: string, ast: TSESTree.Program): EditResult {
  const layout = new SourceLayout(source);
  const semi = usesSemicolons(ast, source) ? ';' : '';
  const edits: TextEdit[] = [];
  for (const { after: statement, deletion } of plan.removals) {
    const end = statement.range[1];
    if (!layout.restOfLineIsEmpty(end)) return { refusal: `other code follows \`clearTimeout\` on line ${statement.loc.end.line}` };
    edits.push({ range: [layout.lineEnd(end), layout.lineEnd(end)], text: `${layout.eol}${layout.indentationAt(statement.range[0])}${deletion}${semi}` });
  }
  return { edits };
}

/**
 * Statements as the first of a function's body, in the file's indentation and semicolon style: on
 * lines of their own above the first statement, or after `{` when the body is on one line; an
 * expression body becomes a block that keeps the expression as a statement.
 */
function prependEdit(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, statements: readonly string[], source: string, layout: SourceLayout, semi: string): TextEdit {
  const body = fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const text = source.slice(body.range[0], body.range[1]);
    // `() => ({ … })` as a statement needs its parentheses back; without semicolons, a line that
    // starts with `(` or `[` … would continue the one before it.
    const parenthesised = body.type === AST_NODE_TYPES.ObjectExpression || body.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
    const expression = !semi && /^[([`+\-/]/.test(parenthesised) ? `;${parenthesised}` : parenthesised;
    if (text.includes('\n')) return { range: body.range, text: `{ ${statements.map((statement) => `${statement};`).join(' ')} ${parenthesised}; }` };
    const outer = layout.indentationAt(fn.range[0]);
    const inner = `${outer}${layout.indentUnit}`;
    return { range: body.range, text: `{${[...statements, expression].map((statement) => `${layout.eol}${inner}${statement}${semi}`).join('')}${layout.eol}${outer}}` };
  }
  const first = body.body[0];
  if (first && layout.startOfLineIsEmpty(first.range[0])) {
    const lineStart = layout.lineStart(first.range[0]);
    const indent = layout.indentationAt(first.range[0]);
    return { range: [lineStart, lineStart], text: statements.map((statement) => `${indent}${statement}${semi}${layout.eol}`).join('') };
  }
  return { range: [body.range[0] + 1, body.range[0] + 1], text: statements.map((statement) => ` ${statement};`).join('') };
}

/** Each connection's entry goes where it ends: in its end listener, or in a new `once` listener after the growth. */
function deleteOnCloseEdits(plan: DeleteOnClosePlan, source: string, ast: TSESTree.Program): EditResult {
  const layout = new SourceLayout(source);
  const semi = usesSemicolons(ast, source) ? ';' : '';
  const quote = quoteOf(ast, source);
  const edits: TextEdit[] = [];
  for (const removal of plan.removals) {
    if (removal.kind === 'in-listener') {
      edits.push(prependEdit(removal.listener, removal.statements, source, layout, semi));
      continue;
    }
    const end = removal.after.range[1];
    if (!layout.restOfLineIsEmpty(end)) return { refusal: `other code follows the growth on line ${removal.after.loc.end.line}` };
    const indent = layout.indentationAt(removal.after.range[0]);
    const subscribe = `${removal.target}.once(${quote}${removal.event}${quote}, () =>`;
    const [only] = removal.statements;
    const listener =
      removal.statements.length === 1 && only
        ? `${subscribe} ${only})${semi}`
        : `${subscribe} {${removal.statements.map((statement) => `${layout.eol}${indent}${layout.indentUnit}${statement}${semi}`).join('')}${layout.eol}${indent}})${semi}`;
    edits.push({ range: [layout.lineEnd(end), layout.lineEnd(end)], text: `${layout.eol}${indent}${listener}` });
  }
  return { edits };
}

/**
 * After the capped cleanup, on lines of their own in the file's indentation and semicolon style:
 * while the cap is still reached, delete the first key (a Map's and a Set's oldest insertion).
 */
function evictOldestEdits(plan: EvictOldestPlan, source: string, ast: TSESTree.Program): EditResult {
  const layout = new SourceLayout(source);
  const end = plan.guard.range[1];
  if (!layout.restOfLineIsEmpty(end)) return { refusal: `other code follows the size check on line ${plan.guard.loc.end.line}` };
  const semi = usesSemicolons(ast, source) ? ';' : '';
  const indent = layout.indentationAt(plan.guard.range[0]);
  const unit = layout.indentUnit;
  const { receiver } = plan;
  const lines = [
    '// The cleanup above removes only expired entries: drop the oldest until it is under the cap again.',
    `while (${plan.atCap}) {`,
    `${unit}const oldest = ${receiver}.keys().next().value${semi}`,
    `${unit}if (oldest === undefined) break${semi}`,
    `${unit}${receiver}.delete(oldest)${semi}`,
    '}',
  ];
  return { edits: [{ range: [layout.lineEnd(end), layout.lineEnd(end)], text: lines.map((line) => `${layout.eol}${indent}${line}`).join('') }] };
}

/**
 * After each growth, on a line of its own in the file's indentation and semicolon style: past the cap,
 * the first key (a Map's and a Set's oldest insertion) goes. One growth adds at most one entry, so one
 * deletion keeps it at the cap.
 */
function trimOldestEdits(plan: TrimOldestPlan, source: string, ast: TSESTree.Program, max: number): EditResult {
  const layout = new SourceLayout(source);
  const semi = usesSemicolons(ast, source) ? ';' : '';
  const edits: TextEdit[] = [];
  for (const trim of plan.trims) {
    const end = trim.statement.range[1];
    if (!layout.restOfLineIsEmpty(end)) return { refusal: `other code follows the growth on line ${trim.statement.loc.end.line}` };
    const { receiver } = trim;
    const indent = layout.indentationAt(trim.statement.range[0]);
    const test = `if (${receiver}.size > ${max})`;
    const deletion = `${receiver}.delete(${receiver}.${trim.firstKey}().next().value${plan.typescript ? '!' : ''})${semi}`;
    // On one line while it reads as one; a long receiver gets the deletion a line of its own.
    const text =
      indent.length + test.length + deletion.length < MAX_LINE ? ` ${deletion}` : ` {${layout.eol}${indent}${layout.indentUnit}${deletion}${layout.eol}${indent}}`;
    edits.push({ range: [layout.lineEnd(end), layout.lineEnd(end)], text: `${layout.eol}${indent}${test}${text}` });
  }
  return { edits };
}

function trimEdits(plan: LruCachePlan, source: string, max: number): EditResult {
  const layout = new SourceLayout(source);
  const edits: TextEdit[] = [];
  for (const trim of plan.trims) {
    const end = trim.statement.range[1];
    if (!layout.restOfLineIsEmpty(end)) return { refusal: `other code follows the growth on line ${trim.statement.loc.end.line}` };
    const semicolon = source.slice(trim.statement.range[0], end).trimEnd().endsWith(';') ? ';' : '';
    const array = trim.receiver;
    // Keep the newest `max`: `push` puts them last, `unshift` first.
    const cut = trim.newest === 'last' ? `${array}.splice(0, ${array}.length - ${max})` : `${array}.length = ${max}`;
    edits.push({
      range: [layout.lineEnd(end), layout.lineEnd(end)],
      text: `${layout.eol}${layout.indentationAt(trim.statement.range[0])}if (${array}.length > ${max}) ${cut}${semicolon}`,
    });
  }
  return { edits };
}

/** Where the JSDoc that types the collection is: on its statement, or (one declarator of several) on the declarator. */
function declarationOf(construction: TSESTree.Node): { statement: TSESTree.Node; declarator?: TSESTree.Node } | undefined {
  const holder = outermostWrapper(construction).parent;
  if (holder?.type === AST_NODE_TYPES.PropertyDefinition) return { statement: holder };
  // `this.handlers = {}` in a constructor: TypeScript reads a JSDoc `@type` on the assignment's statement.
  // Not a module variable made lazily (`cache ??= new Map()`): TypeScript ignores a `@type` there,
  // and the `let cache;` it assigns is `any` already.
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
    return holder.left.type === AST_NODE_TYPES.MemberExpression ? { statement: holder.parent } : undefined;
  }
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  const declaration = holder.parent;
  if (declaration.declarations.length > 1) return { statement: declaration, declarator: holder };
  return { statement: declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration };
}

const JSDOC_SHAPES = { map: '`Map<K, V>`', set: '`Set<T>`', record: '`Object<K, V>` or `{ [key: K]: V }`' } as const;

/**
 * The JSDoc type of the rewritten declaration. TypeScript types JavaScript by it: without one,
 * `new LRUCache({ max })` is an `LRUCache<{}, {}>` where `new Map()` and `{}` held `any`, and
 * `cache.get(k).hits++` stops type-checking (the corpus found it in checked JavaScript). So
 * JavaScript gets `LRUCache<any, any>`, or the K and V of the `@type` it already had, which is
 * rewritten rather than left to describe a Map that is gone; it is only a comment to Node. A
 * TypeScript file's `@type` (TypeScript ignores it there) follows the new type too.
 */
function declarationTypeEdits(plan: LruCachePlan, source: string, ast: TSESTree.Program, local: string): EditResult {
  const collection = plan.collection as 'map' | 'set' | 'record';
  const declaration = declarationOf(plan.construction);
  if (!declaration) return { edits: [] };
  const tags = declaration.declarator ? [] : jsDocTypeTags(leadingComments(ast, source, declaration.statement), source);
  if (plan.typescript) return { edits: tags.map((tag) => ({ range: [tag.range[0], tag.range[1]], text: `${local}${plan.typeArguments ?? ''}` })) };
  const edits: TextEdit[] = [];
  for (const tag of tags) {
    const types = collectionTypes(tag.type, collection);
    if (!types) return { refusal: `its JSDoc type \`${tag.type}\` is not ${JSDOC_SHAPES[collection]}; LRUCache needs its key and value types` };
    const nullish = [types.key, types.value].find(admitsNullish);
    if (nullish) return { refusal: `\`${nullish}\` admits null or undefined, which lru-cache's \`LRUCache<K extends {}, V extends {}>\` rejects` };
    // `c[k]` was a `V`; `.get(k)` is `V | undefined`, and JavaScript has no `!` to keep it a `V`.
    const read = isAnyType(types.value) ? undefined : plan.translations.find((translation) => translation.kind === 'get' && !toleratesUndefined(translation.site));
    if (read) {
      const code = source.slice(read.site.range[0], read.site.range[1]);
      return { refusal: `\`${code}\` reads a \`${types.value}\`, which LRUCache's \`.get\` makes \`${types.value} | undefined\`; handle the missing entry there first` };
    }
    edits.push({ range: [tag.range[0], tag.range[1]], text: `${local}<${types.key}, ${types.value}>` });
  }
  if (tags.length > 0) return { edits };
  const jsDoc = `/** @type {${local}<any, ${collection === 'set' ? 'true' : 'any'}>} */`;
  const layout = new SourceLayout(source);
  const { statement, declarator } = declaration;
  if (declarator) return { edits: [{ range: [declarator.range[0], declarator.range[0]], text: `${jsDoc} ` }] };
  if (!layout.startOfLineIsEmpty(statement.range[0])) return { edits: [{ range: [statement.range[0], statement.range[0]], text: `${jsDoc} ` }] };
  const at = layout.lineStart(startOfNextLineDirectives(ast, source, statement));
  return { edits: [{ range: [at, at], text: `${layout.indentationAt(statement.range[0])}${jsDoc}${layout.eol}` }] };
}

/**
 * `name: value` as the last property of an options object, laid out as the object is: on its line
 * (`{ maxAge: 10_000, cache: … }`), or on a line of its own after the last one, keeping a trailing comma.
 */
function optionEdit(options: TSESTree.ObjectExpression, property: string, source: string): TextEdit {
  const last = options.properties.at(-1);
  if (!last) return { range: [options.range[0], options.range[1]], text: `{ ${property} }` };
  if (options.loc.start.line === options.loc.end.line || last.loc.start.line === options.loc.start.line) return { range: [last.range[1], last.range[1]], text: `, ${property}` };
  const layout = new SourceLayout(source);
  const indent = layout.indentationAt(last.range[0]);
  const afterLast = source.slice(last.range[1], options.range[1] - 1);
  const comma = afterLast.trimStart().startsWith(',') ? last.range[1] + afterLast.indexOf(',') + 1 : undefined;
  return comma === undefined
    ? { range: [last.range[1], last.range[1]], text: `,${layout.eol}${indent}${property}` }
    : { range: [comma, comma], text: `${layout.eol}${indent}${property},` };
}

/** A DataLoader's `cacheMap` option becomes an LRUCache: next to its options, or as a new options argument. */
function loaderEdits(plan: LoaderCacheMapPlan, source: string, ast: TSESTree.Program, options: string): EditResult {
  const imported = importNamed(ast, source, 'lru-cache', 'LRUCache');
  const property = `cacheMap: new ${imported.local}${plan.typeArguments ?? ''}(${options})`;
  if ('after' in plan.options) return { edits: [...imported.edits, { range: [plan.options.after.range[1], plan.options.after.range[1]], text: `, { ${property} }` }] };
  return { edits: [...imported.edits, optionEdit(plan.options, property, source)] };
}

/**
 * A memoiser's own cache becomes an LRUCache: `resolve.cache = new LRUCache({ max })` on a line after
 * the declaration (lodash), or a `cache` option next to the others (mem and its family).
 */
function memoEdits(plan: BoundedMemoPlan, source: string, ast: TSESTree.Program, options: string): EditResult {
  const imported = importNamed(ast, source, 'lru-cache', 'LRUCache');
  const construction = `new ${imported.local}(${options})`;
  const bound = plan.bound;
  if (bound.via === 'cache-option') return { edits: [...imported.edits, optionEdit(bound.options, `cache: ${construction}`, source)] };
  const layout = new SourceLayout(source);
  const end = bound.statement.range[1];
  if (!layout.restOfLineIsEmpty(end)) return { refusal: `other code follows \`${bound.name}\`'s declaration on line ${bound.statement.loc.end.line}` };
  const semicolon = usesSemicolons(ast, source) ? ';' : '';
  const text = `${layout.eol}${layout.indentationAt(bound.statement.range[0])}${bound.name}.cache = ${construction}${semicolon}`;
  return { edits: [...imported.edits, { range: [layout.lineEnd(end), layout.lineEnd(end)], text }] };
}

/**
 * The edits for a plan: `new Map<K, V>()` → `new LRUCache<K, V>({ max })` with its import (ES or
 * CommonJS, as the file does it), the annotation or JSDoc type following, Set/record operations
 * translated to the LRUCache API; for an array, a trim to the newest `max` entries after each growth;
 * for a Map or Set that stays one, its oldest entry dropped past `max`; a DataLoader's `cacheMap`;
 * pending requests and connections removed where they settle, time out or close.
 */
export function editsForBoundedCache(plan: BoundedCachePlan, source: string, ast: TSESTree.Program, settings: BoundedCacheSettings): EditResult {
  const { max, ttl } = settings;
  if (!Number.isSafeInteger(max) || max < 1) return { refusal: `--max must be a positive integer (got ${String(max)})` };
  if (ttl !== undefined && (!Number.isSafeInteger(ttl) || ttl < 1)) return { refusal: `--ttl must be a positive number of milliseconds (got ${String(ttl)})` };
  if (plan.collection === 'delete-tombstones') {
    return { edits: plan.writes.map((write) => ({ range: write.range, text: `delete ${source.slice(write.left.range[0], write.left.range[1])}` })) };
  }
  if (plan.collection === 'left-out-of-reset') return clearInResetEdits(plan, source, ast);
  // `new Map()` → `new WeakMap()`: only the constructor's name changes (type arguments, arguments stay).
  if (plan.collection === 'construct-declared-weak') return { edits: [{ range: plan.callee.range, text: plan.weak }] };
  if (plan.collection === 'evict-oldest') return evictOldestEdits(plan, source, ast);
  if (plan.collection === 'delete-on-timeout') return deleteOnTimeoutEdits(plan, source, ast);
  if (plan.collection === 'delete-on-settle') return deleteOnSettleEdits(plan, source, ast);
  if (plan.collection === 'delete-on-close') return deleteOnCloseEdits(plan, source, ast);
  if (plan.collection === 'array') return trimEdits(plan, source, max);
  if (plan.collection === 'trim-oldest') return trimOldestEdits(plan, source, ast, max);
  const lruOptions = ttl === undefined ? `{ max: ${max} }` : `{ max: ${max}, ttl: ${ttl} }`;
  if (plan.collection === 'memo') return memoEdits(plan, source, ast, lruOptions);
  if (plan.collection === 'loader') return loaderEdits(plan, source, ast, lruOptions);
  const imported = importNamed(ast, source, 'lru-cache', 'LRUCache');
  const declarationType = declarationTypeEdits(plan, source, ast, imported.local);
  // A JSDoc type LRUCache cannot take (nullable values): the Map or Set stays, trimmed of its oldest entry.
  if ('refusal' in declarationType) return plan.fallback ? trimOldestEdits(plan.fallback, source, ast, max) : declarationType;
  const typeArguments = plan.typeArguments ?? '';
  const edits: TextEdit[] = [
    // First: a new import and a new JSDoc above the first statement are insertions at one offset, in this order.
    ...imported.edits,
    ...declarationType.edits,
    { range: [plan.construction.range[0], plan.construction.range[1]], text: `new ${imported.local}${typeArguments}(${lruOptions})` },
    ...new TranslationRenderer(source, plan.translations, plan.typescript).edits(),
  ];
  if (plan.annotation) edits.push({ range: [plan.annotation.range[0], plan.annotation.range[1]], text: `${imported.local}${typeArguments}` });
  return { edits };
}
