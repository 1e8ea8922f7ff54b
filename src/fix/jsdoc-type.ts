import { AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';

/** A JSDoc `@type {…}` tag: its type's text and where it is, inside the braces without the blanks around it. */
export interface JsDocTypeTag {
  readonly range: readonly [number, number];
  readonly type: string;
}

/** The offset of the `}` that closes the `{` just before `from`, if it is before `end`. */
function closingBrace(source: string, from: number, end: number): number | undefined {
  let depth = 1;
  for (let index = from; index < end; index++) {
    if (source[index] === '{') depth++;
    else if (source[index] === '}' && --depth === 0) return index;
  }
  return undefined;
}

/** The `@type` tags of the JSDoc comments (`/** … *\/`) among `comments`: what TypeScript types a JavaScript declaration by. */
export function jsDocTypeTags(comments: readonly TSESTree.Comment[], source: string): JsDocTypeTag[] {
  const tags: JsDocTypeTag[] = [];
  for (const comment of comments) {
    if (comment.type !== AST_TOKEN_TYPES.Block || !comment.value.startsWith('*')) continue;
    for (const match of source.slice(comment.range[0], comment.range[1]).matchAll(/@type\s*\{/g)) {
      let start = comment.range[0] + match.index + match[0].length;
      let end = closingBrace(source, start, comment.range[1]);
      if (end === undefined) continue;
      while (start < end && /\s/.test(source[start])) start++;
      while (end > start && /\s/.test(source[end - 1])) end--;
      tags.push({ range: [start, end], type: source.slice(start, end) });
    }
  }
  return tags;
}

/** The type with each line's leading ` * ` blanked out, offsets unchanged: a type may span lines of its comment. */
function withoutContinuations(type: string): string {
  return type.replace(/(\r\n|[\n\r\u2028\u2029])[ \t]*\*(?!\/)/g, (continuation) => ' '.repeat(continuation.length));
}

/** Splits `text` at its top-level `separator`s: `string, Map<string, number>` is two arguments. */
function splitTopLevel(text: string, separator: ',' | '|'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '<' || character === '(' || character === '[' || character === '{') depth++;
    else if ((character === '>' && text[index - 1] !== '=') || character === ')' || character === ']' || character === '}') depth--;
    else if (character === separator && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** JSDoc's `*`, `?` and `any`: any value, which `LRUCache<K extends {}, V extends {}>` accepts. */
export function isAnyType(type: string): boolean {
  return ['*', '?', 'any'].includes(withoutContinuations(type).trim());
}

/** `(string | null)`, not `(a) | (b)`. */
function wrappedInParentheses(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let index = 0; index < text.length - 1; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return false;
  }
  return true;
}

/** `?T`, `T?`, `T=`, `unknown`, or a union with `null`, `undefined` or `void` (not a property that may be null). */
export function admitsNullish(type: string): boolean {
  let plain = withoutContinuations(type).trim();
  while (wrappedInParentheses(plain)) plain = plain.slice(1, -1).trim();
  if (isAnyType(plain)) return false;
  if (/^\?|[?=]$/.test(plain)) return true;
  const members = splitTopLevel(plain, '|').map((member) => member.trim());
  return members.length > 1 ? members.some(admitsNullish) : ['null', 'undefined', 'unknown', 'void'].includes(plain);
}

export interface CollectionTypes {
  /** As written, continuation lines included: the new type goes where the old one was. */
  readonly key: string;
  readonly value: string;
}

/** `type` from `start` to `end` without the blanks (and line continuations) around it. */
function trimmedSlice(type: string, plain: string, start: number, end: number): string {
  while (start < end && /\s/.test(plain[start])) start++;
  while (end > start && /\s/.test(plain[end - 1])) end--;
  return type.slice(start, end);
}

const GENERIC = /^(\s*)(Map|Set|Object|Record)(\s*\.?\s*<)([\s\S]*)>\s*$/;
const INDEX_SIGNATURE = /^(\s*\{\s*\[\s*[\w$]+\s*:)([\s\S]+?)(\]\s*:)([\s\S]+?)[;,]?\s*\}\s*$/;

/**
 * K and V of a collection's JSDoc type: `Map<K, V>`, `Set<T>` (V is `true`), `Object<K, V>`,
 * `Object.<K, V>`, `Record<K, V>`, `{ [k: K]: V }`; `any` for a bare `Map`, `Set` or `Object`
 * (JSDoc's `Object` is `any`). Undefined for any other type, or one of another collection.
 */
export function collectionTypes(type: string, collection: 'map' | 'set' | 'record'): CollectionTypes | undefined {
  const plain = withoutContinuations(type);
  const bare = plain.trim();
  if (bare === (collection === 'map' ? 'Map' : collection === 'set' ? 'Set' : 'Object') || (collection === 'record' && isAnyType(bare))) {
    return { key: 'any', value: collection === 'set' ? 'true' : 'any' };
  }
  const generic = GENERIC.exec(plain);
  if (generic) {
    const [, lead, name, open, inner] = generic as unknown as [string, string, string, string, string];
    const expected = collection === 'map' ? ['Map'] : collection === 'set' ? ['Set'] : ['Object', 'Record'];
    if (!expected.includes(name)) return undefined;
    const start = lead.length + name.length + open.length;
    const parts: string[] = [];
    let offset = start;
    for (const part of splitTopLevel(inner, ',')) {
      parts.push(trimmedSlice(type, plain, offset, offset + part.length));
      offset += part.length + 1;
    }
    if (parts.some((part) => part === '')) return undefined;
    if (collection === 'set') return parts.length === 1 ? { key: parts[0], value: 'true' } : undefined;
    return parts.length === 2 ? { key: parts[0], value: parts[1] } : undefined;
  }
  const signature = collection === 'record' ? INDEX_SIGNATURE.exec(plain) : null;
  if (signature) {
    const [, open, key, colon, value] = signature as unknown as [string, string, string, string, string];
    const keyStart = open.length;
    const valueStart = keyStart + key.length + colon.length;
    return { key: trimmedSlice(type, plain, keyStart, keyStart + key.length), value: trimmedSlice(type, plain, valueStart, valueStart + value.length) };
  }
  return undefined;
}
