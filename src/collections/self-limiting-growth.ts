import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, firstInSameFunction, isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';
import { keyCheckedAgainstTable } from './table-checked-keys';

const WARNING_METHODS = new Set(['warn', 'error', 'emitWarning', 'warning', 'deprecate', 'log', 'info', 'debug', 'notice', 'trace']);
/** `warnedMessages`, `shouldSkipWarning`, `logOnce`, `LOGGED_MESSAGES`: named for what was already printed. */
const WARNING_NAME = /warn|deprecat|logged|once/i;

/**
 * `if (warned.has(message)) return; warned.add(message); console.warn(message)`: a dedup check on
 * the key, then a warning — every entry is announced once, so the set is as large as the set of distinct warnings the code can print —
 * unbounded growth would show as unbounded log spam first. (lru-cache, mongodb, babel, postcss all
 * keep such a set.)
 */
function isWarnOnce(use: CollectionUse): boolean {
  const fn = enclosingFunction(use.site);
  const key = use.key;
  const collection = identifierName(use.reference);
  if (!fn || !key || !collection) return false;
  // The dedup check: `warned.has(message)` on the key it then adds.
  const checked = firstInSameFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapExpression(node.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(callee) === 'has' &&
      identifierName(callee.object) === collection &&
      node.arguments[0] !== undefined &&
      sameExpression(node.arguments[0], key)
    );
  });
  if (!checked) return false;
  // `const warnedMessages = new Set(); function shouldSkipWarning(w) { if (warnedMessages.has(w.message)) … }`
  // (vite): the caller prints; the names say what the set records.
  const functionName = fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression ? fn.id?.name : undefined;
  if (WARNING_NAME.test(collection) || (functionName !== undefined && WARNING_NAME.test(functionName))) return true;
  return (
    firstInSameFunction(fn.body, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrapExpression(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return WARNING_METHODS.has(callee.name);
      return callee.type === AST_NODE_TYPES.MemberExpression && WARNING_METHODS.has(staticPropertyName(callee) ?? '');
    }) !== undefined
  );
}

/**
 * The same key written twice: `warned.has(path + '|' + match)` then `warned.add(path + '|' + match)`
 * (babel's import-meta-resolve). Names, literals and the operators between them, nothing that calls.
 */
export function sameExpression(a: Node, b: Node): boolean {
  const left = unwrapExpression(a);
  const right = unwrapExpression(b);
  if (left.type !== right.type) return false;
  switch (left.type) {
    case AST_NODE_TYPES.Identifier:
      return left.name === (right as TSESTree.Identifier).name;
    case AST_NODE_TYPES.Literal:
      return left.value === (right as TSESTree.Literal).value;
    case AST_NODE_TYPES.BinaryExpression: {
      const other = right as TSESTree.BinaryExpression;
      return left.operator === other.operator && sameExpression(left.left, other.left) && sameExpression(left.right, other.right);
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      const other = right as TSESTree.TemplateLiteral;
      return (
        left.quasis.length === other.quasis.length &&
        left.quasis.every((quasi, index) => quasi.value.cooked === other.quasis[index]?.value.cooked) &&
        left.expressions.every((expression, index) => other.expressions[index] !== undefined && sameExpression(expression, other.expressions[index]))
      );
    }
    case AST_NODE_TYPES.MemberExpression: {
      const other = right as TSESTree.MemberExpression;
      return left.computed === other.computed && sameExpression(left.object, other.object) && sameExpression(left.property, other.property);
    }
    // `this.clients` is `this.clients` within one function; `this.#ids` is `this.#ids`.
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.PrivateIdentifier:
      return left.name === (right as TSESTree.PrivateIdentifier).name;
    default:
      return false;
  }
}

function identifierName(node: Node | undefined): string | undefined {
  const unwrapped = node ? unwrapExpression(node) : undefined;
  return unwrapped?.type === AST_NODE_TYPES.Identifier ? unwrapped.name : undefined;
}

const RELATIONAL = new Set(['<', '<=', '>', '>=']);

/** What a local flag is set to in its function (`flag = …`, `let flag = …`). */
function assignedValues(fn: Node, name: string): Node[] {
  const values: Node[] = [];
  firstInSameFunction(fn, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && identifierName(node.left) === name) values.push(node.right);
    if (node.type === AST_NODE_TYPES.VariableDeclarator && identifierName(node.id) === name && node.init) values.push(node.init);
    return false;
  });
  return values;
}

/**
 * `if (-128 <= value && value < 128) INT_CACHE[value] = …` (long.js, bson): a key compared with
 * numeric bounds on the way to the growth is a finite key space.
 */
function isRangeGuarded(use: CollectionUse): boolean {
  const key = identifierName(use.key);
  if (!key) return false;
  const comparesKey = (test: Node) =>
    firstInSameFunction(test, (node) => {
      if (node.type !== AST_NODE_TYPES.BinaryExpression || !RELATIONAL.has(node.operator)) return false;
      const sides = [node.left, node.right];
      return sides.some((side) => identifierName(side) === key) && sides.some((side) => side.type === AST_NODE_TYPES.Literal || side.type === AST_NODE_TYPES.UnaryExpression);
    }) !== undefined;
  const fn = enclosingFunction(use.site);
  for (let current: Node | undefined = use.site.parent; current && !isFunction(current); current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement && current.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (comparesKey(current.test)) return true;
    // `cache = -128 <= value && value < 128; … if (cache) INT_CACHE[value] = obj`
    const flag = identifierName(current.test);
    if (flag && fn && assignedValues(fn, flag).some(comparesKey)) return true;
  }
  return false;
}

const CALLBACK_NAME = /^(cb|callback|fn|func|listener|handler|hook|plugin|subscriber|observer|onCancel|onClose)$/i;

/**
 * `onCancelCallbacks.push(callback)`, `plugins.push(plugin)`: a list of callbacks registered by
 * callers is a listener registry (no-leaked-listener's business), not a cache of data.
 */
function isCallbackRegistration(use: CollectionUse): boolean {
  const site = use.site;
  if (site.type !== AST_NODE_TYPES.CallExpression) return false;
  const around = enclosingFunction(site);
  return (site.arguments as readonly TSESTree.Node[]).some((argument) => {
    if (isFunction(argument)) return !around || wrapsWhatTheCallerPasses(argument, around);
    const name = identifierName(argument);
    return name !== undefined && CALLBACK_NAME.test(name);
  });
}

/** The names a function's parameters bind (`(topic, { cb })` → topic, cb). */
function parameterNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  for (const parameter of fn.params) {
    walk(parameter, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier) names.add(node.name);
      return undefined;
    });
  }
  return names;
}

/**
 * `subscribe(topic, cb) { subs.push((m) => m.topic === topic && cb(m)) }`: a function written at the
 * growth that uses what the caller passed wraps the caller's callback — a registration. One that uses
 * nothing the caller passed (`stack.push((n, o, e, c) => handle(e, c, o))` in a Lambda handler, per
 * invocation) is a new function each time the code runs: growth like any other (aws-lambda-stream's
 * middleware stack grew by one function per event).
 */
function wrapsWhatTheCallerPasses(callback: FunctionNode, around: FunctionNode): boolean {
  const names = parameterNames(around);
  if (names.size === 0) return false;
  let uses = false;
  walk(callback.body, (node) => {
    if (uses) return false;
    if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) uses = true;
    return uses ? false : undefined;
  });
  return uses;
}

const FILE_READS = new Set(['readFileSync', 'readFile', 'readdirSync', 'readdir', 'statSync', 'stat', 'realpathSync', 'realpath']);
const FOLDER_JOINS = new Set(['join', 'resolve']);

/**
 * `sql = readFileSync(join(DIR, file)); cache.set(file, sql)`: a memo of the files of one folder,
 * keyed by their names. The read throws for a file that does not exist, so only names of real files
 * in that folder get an entry: the cache is as large as the folder (bullmq's SQL loader, template and
 * i18n loaders). A path that is the key itself (`readFile(path)`) can name any file: not bounded.
 */
function isFolderMemo(use: CollectionUse): boolean {
  const key = identifierName(use.key);
  const fn = enclosingFunction(use.site);
  if (!key || !fn) return false;
  const mentionsKey = (node: Node) => node.type === AST_NODE_TYPES.Identifier ? node.name === key : firstInSameFunction(node, (inner) => inner.type === AST_NODE_TYPES.Identifier && inner.name === key) !== undefined;
  const underAFolder = (path: Node): boolean => {
    const node = unwrapExpression(path);
    if (node.type === AST_NODE_TYPES.CallExpression && FOLDER_JOINS.has(calledName(node) ?? '')) {
      const [folder, ...rest] = node.arguments;
      return folder !== undefined && !mentionsKey(folder) && rest.some(mentionsKey);
    }
    if (node.type === AST_NODE_TYPES.TemplateLiteral) {
      const [folder, ...rest] = node.expressions;
      return folder !== undefined && !mentionsKey(folder) && rest.some(mentionsKey);
    }
    return false;
  };
  return (
    firstInSameFunction(fn.body, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || !FILE_READS.has(calledName(node) ?? '') || !node.arguments[0]) return false;
      return underAFolder(node.arguments[0]);
    }) !== undefined
  );
}

function calledName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

/** Growth that limits itself, and why — or undefined when it can grow without bound. */
export function selfLimitingGrowth(use: CollectionUse, keyOrigins?: KeyOrigins): string | undefined {
  if (isRangeGuarded(use)) return 'its key is range-checked';
  if (isCallbackRegistration(use)) return 'it registers callbacks';
  if (isFolderMemo(use)) return 'it remembers the files of one folder by name';
  if (keyCheckedAgainstTable(use)) return 'it refuses keys another table does not have';
  // A warn-once set keyed by what requests or events carry is as large as their variety: a cache after all.
  const origin = keyOrigins?.of(use.key);
  if (origin !== 'input' && origin !== 'generated' && isWarnOnce(use)) return 'it records warnings already printed';
  return undefined;
}
