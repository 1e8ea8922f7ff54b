import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression, walkSameFunction } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import { standaloneStatementOf } from '../ast/standalone-statement';
import { statementListOf } from '../ast/statement-lists';
import type { Node } from '../ast/traverse';
import { importNamed } from '../fix/add-import';
import { SourceLayout } from '../fix/source-layout';
import { usesSemicolons } from '../fix/source-style';
import type { TextEdit } from '../fix/text-edit';
import { referenceKey } from '../lifetime/reference-keys';
import type { IgnoredWrite } from './backpressure-sites';
import { DRAIN_OR_CLOSE, drainOrCloseHelperEdits } from './drain-or-close-helper';
import type { DrainWait } from './drain-waits';

interface SourceFile {
  readonly ast: TSESTree.Program;
  readonly sourceText: string;
  readonly scopeManager: ScopeManagerLike;
}

const textOf = (file: SourceFile, node: Node): string => file.sourceText.slice(node.range[0], node.range[1]);

/**
 * In async code: `if (!w.write(x)) await drainOrClose(w);` in place of `w.write(x);`. The loop then
 * goes at the reader's pace, and moves on when the reader has gone.
 */
export function awaitDrainOrCloseEdits(write: IgnoredWrite, file: SourceFile): TextEdit[] | undefined {
  if (write.repeating.kind !== 'loop' || !write.repeating.async) return undefined;
  const statement = standaloneStatementOf(write.call);
  if (!statement || statement.expression !== write.call) return undefined;
  const helper = drainOrCloseHelperEdits(file.ast, file.sourceText);
  if (!helper) return undefined;
  const semicolon = usesSemicolons(file.ast, file.sourceText) ? ';' : '';
  const text = `if (!${textOf(file, write.call)}) await ${DRAIN_OR_CLOSE}(${textOf(file, write.writer)})${semicolon}`;
  return [{ range: statement.range, text }, ...helper];
}

/** `await once(w, 'drain')`, `await new Promise((r) => w.once('drain', r))` → `await drainOrClose(w)`. */
export function drainOrCloseForWaitEdits(wait: DrainWait, file: SourceFile): TextEdit[] | undefined {
  const helper = drainOrCloseHelperEdits(file.ast, file.sourceText);
  if (!helper) return undefined;
  return [{ range: wait.wait.range, text: `${DRAIN_OR_CLOSE}(${textOf(file, wait.writer)})` }, ...helper];
}

/** The write statements of a for-of body that a generator can `yield` instead, or undefined. */
function yieldableWrites(loop: TSESTree.ForOfStatement, writerKey: string, file: SourceFile): TSESTree.ExpressionStatement[] | undefined {
  const writes: TSESTree.ExpressionStatement[] = [];
  let blocked = false;
  walkSameFunction(loop.body, (node) => {
    if (blocked) return false;
    // `return` leaves the generator, not the function; `await` needs an async one; `yield` is taken.
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) blocked = true;
    if (isFunction(node) && node !== loop.body) return false;
    if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.ThisExpression) {
      if (referenceKey(node, file.scopeManager) !== writerKey) return undefined;
      const member = node.parent;
      const call = member?.parent;
      const isWrite =
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === node &&
        staticPropertyName(member) === 'write' &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === member &&
        call.arguments.length === 1 &&
        call.arguments[0].type !== AST_NODE_TYPES.SpreadElement &&
        call.parent?.type === AST_NODE_TYPES.ExpressionStatement;
      if (!isWrite) blocked = true;
      else writes.push(call.parent as TSESTree.ExpressionStatement);
      return false;
    }
    return undefined;
  });
  // Whatever else the loop does to the writer (a `cork`, an `end`) a generator cannot do.
  return blocked || writes.length === 0 ? undefined : writes;
}

/** `w.end();` right after the loop: `pipeline()` ends the writer itself. */
function endAfter(loop: TSESTree.ForOfStatement, writerKey: string, file: SourceFile): TSESTree.ExpressionStatement | undefined {
  const list = statementListOf(loop.parent);
  if (!list) return undefined;
  const next = list[list.indexOf(loop) + 1];
  if (next?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const call = unwrapExpression(next.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0) return undefined;
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'end' && referenceKey(callee.object, file.scopeManager) === writerKey ? next : undefined;
}

/**
 * In sync code: a `for (const row of rows) { …; w.write(chunk(row)); }` followed by `w.end()` becomes
 * `pipeline(Readable.from(generator), w, callback)`, the writes becoming `yield`s: the pipeline pulls
 * rows as fast as the reader takes them and destroys both streams when it leaves. The callback form
 * of `node:stream`, so no promise floats in code that cannot await it.
 */
export function pipelineEdits(write: IgnoredWrite, file: SourceFile): TextEdit[] | undefined {
  if (write.repeating.kind !== 'loop' || write.repeating.async) return undefined;
  const loop = write.repeating.loop;
  if (loop.type !== AST_NODE_TYPES.ForOfStatement || loop.await) return undefined;
  const writerKey = referenceKey(write.writer, file.scopeManager);
  if (writerKey === undefined) return undefined;
  const writes = yieldableWrites(loop, writerKey, file);
  const end = endAfter(loop, writerKey, file);
  if (!writes || !end) return undefined;
  const layout = new SourceLayout(file.sourceText);
  const semicolon = usesSemicolons(file.ast, file.sourceText) ? ';' : '';
  const indent = file.sourceText.slice(layout.lineStart(loop.range[0]), loop.range[0]);
  let loopText = '';
  let cursor = loop.range[0];
  for (const statement of writes) {
    const call = statement.expression as TSESTree.CallExpression;
    loopText += file.sourceText.slice(cursor, statement.range[0]) + `yield ${textOf(file, call.arguments[0])}${semicolon}`;
    cursor = statement.range[1];
  }
  loopText += file.sourceText.slice(cursor, loop.range[1]);
  // The loop moves two levels in (the generator inside the call): every line after its first with it.
  const nested = loopText.split(/\r\n|\n/).join(`${layout.eol}${layout.indentUnit}${layout.indentUnit}`);
  const pipeline = importNamed(file.ast, file.sourceText, 'node:stream', 'pipeline');
  const readable = importNamed(file.ast, file.sourceText, 'node:stream', 'Readable');
  const text = [
    `${pipeline.local}(`,
    `${indent}${layout.indentUnit}${readable.local}.from((function* () {`,
    `${indent}${layout.indentUnit}${layout.indentUnit}${nested}`,
    `${indent}${layout.indentUnit}})()),`,
    `${indent}${layout.indentUnit}${textOf(file, write.writer)},`,
    `${indent}${layout.indentUnit}() => {`,
    `${indent}${layout.indentUnit}${layout.indentUnit}// pipeline() has ended the writer, or destroyed both streams on an error or a client that left.`,
    `${indent}${layout.indentUnit}},`,
    `${indent})${semicolon}`,
  ].join(layout.eol);
  return [{ range: [loop.range[0], end.range[1]], text }, ...pipeline.edits, ...readable.edits];
}
