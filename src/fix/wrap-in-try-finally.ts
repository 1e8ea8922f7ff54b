import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { statementListOf } from '../ast/statement-lists';
import { walk } from '../ast/traverse';
import type { HoistedOption, WrapInTryFinallyPlan } from '../remedies/try-finally-plan';
import { leadingComments } from './leading-comments';
import { LINE_BREAK, SourceLayout } from './source-layout';
import type { EditResult, TextEdit } from './text-edit';

export type WrapStyle = 'try-finally' | 'using';

/** Removes a statement with its line when it stands alone on it, else just its text. */
function removalRange(layout: SourceLayout, statement: { readonly range: TSESTree.Range }): [number, number] {
  const [start, end] = statement.range;
  if (layout.startOfLineIsEmpty(start) && layout.restOfLineIsEmpty(end)) {
    return [layout.lineStart(start), layout.nextLineStart(end)];
  }
  // `{ void fh.close(); return s; }`: the blank after the statement goes with it, or two would meet.
  const text = layout.text;
  let stop = end;
  while (text[stop] === ' ' || text[stop] === '\t') stop++;
  return stop > end && (text[start - 1] === ' ' || text[start - 1] === '\t') ? [start, stop] : [start, end];
}

/**
 * Lines that begin inside a multi-line template literal or a string continued with `\\`:
 * indenting them would change the string.
 */
function linesInsideStrings(ast: TSESTree.Program, layout: SourceLayout, from: number, to: number): Set<number> {
  const starts = new Set<number>();
  walk(ast, (node) => {
    if (node.range[1] < from || node.range[0] > to) return false;
    const isString = node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string');
    if (!isString) return undefined;
    for (let offset = layout.nextLineStart(node.range[0]); offset < node.range[1]; offset = layout.nextLineStart(offset)) {
      starts.add(offset);
      if (offset >= layout.text.length) break;
    }
    return undefined;
  });
  return starts;
}

/**
 * `const client = await pool.connect(); try { … } catch (e) { …; throw e } client.release();`:
 * when everything to cover is one `try` with a `catch` and no `finally`, the release belongs in a
 * `finally` of that `try` — what a reviewer would write — rather than in a second, outer one.
 */
function finallyLessTry(plan: WrapInTryFinallyPlan): TSESTree.TryStatement | undefined {
  const { first, last } = plan;
  if (first.type !== AST_NODE_TYPES.TryStatement || first.finalizer || !first.handler) return undefined;
  const releasesAfter = plan.removals.filter((removal) => removal.range[0] > first.range[1]);
  // Only the try, then nothing but the releases it replaces.
  if (last !== first && !(releasesAfter.length > 0 && releasesAfter.some((removal) => removal === last))) return undefined;
  const list = (first.parent as { body?: readonly TSESTree.Node[] }).body;
  if (!list) return undefined;
  const between = list.slice(list.indexOf(first) + 1, list.indexOf(last) + 1);
  return between.every((statement) => plan.removals.includes(statement as TSESTree.ExpressionStatement)) ? first : undefined;
}

/**
 * The moved release's own comments — lines right above it, no blank line between — go with it into
 * the `finally` (`// A failed close must not hide the answer.` stays next to the close it explains).
 */
function commentsAboveMovedRelease(plan: WrapInTryFinallyPlan, source: string, ast: TSESTree.Program, layout: SourceLayout): TSESTree.Comment[] {
  const moved = plan.removals.find((removal) => source.slice(removal.range[0], removal.range[1]) === plan.release);
  if (!moved) return [];
  const comments = leadingComments(ast, source, moved);
  const kept: TSESTree.Comment[] = [];
  let next: number = moved.range[0];
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    const between = source.slice(comment.range[1], next);
    if (!/^[ \t]*\r?\n[ \t]*$/.test(between) || !layout.startOfLineIsEmpty(comment.range[0])) break;
    kept.unshift(comment);
    next = comment.range[0];
  }
  return kept;
}

/** The release as the `finally` writes it: its comments first, each line one indent unit deeper. */
function releaseWithComments(plan: WrapInTryFinallyPlan, comments: readonly TSESTree.Comment[], source: string, indent: string, layout: SourceLayout): string {
  const lines = [...comments.map((comment) => source.slice(comment.range[0], comment.range[1])), plan.release];
  return lines.join(`\n${indent}`).replace(/\r?\n/g, `${layout.eol}${layout.indentUnit}`);
}

function addFinallyEdits(plan: WrapInTryFinallyPlan, statement: TSESTree.TryStatement, source: string, ast: TSESTree.Program, layout: SourceLayout): TextEdit[] {
  const indent = layout.indentationAt(statement.range[0]);
  const eol = layout.eol;
  const comments = commentsAboveMovedRelease(plan, source, ast, layout);
  const edits: TextEdit[] = [
    {
      range: [statement.range[1], statement.range[1]],
      text: ` finally {${eol}${indent}${layout.indentUnit}${releaseWithComments(plan, comments, source, indent, layout)}${eol}${indent}}`,
    },
  ];
  for (const removal of [...plan.removals, ...comments]) edits.push({ range: removalRange(layout, removal), text: '' });
  return edits;
}

function usingEdits(plan: WrapInTryFinallyPlan, declaration: TSESTree.VariableDeclaration, layout: SourceLayout): TextEdit[] {
  const keyword = plan.disposal === 'async' ? 'await using' : 'using';
  const edits: TextEdit[] = [{ range: [declaration.range[0], declaration.range[0] + declaration.kind.length], text: keyword }];
  for (const removal of plan.removals) edits.push({ range: removalRange(layout, removal), text: '' });
  // `await using` disposes when the block is left, before a returned promise settles: as with `finally`.
  const list = statementListOf(declaration.parent);
  const id = declaration.declarations[0]?.id;
  const following = list?.slice(list.indexOf(declaration) + 1) ?? [];
  if (plan.inAsyncFunction && id?.type === AST_NODE_TYPES.Identifier && following.length > 0) {
    const source = layout.text;
    for (const argument of unawaitedReturns(following[0] as TSESTree.Statement, following[following.length - 1] as TSESTree.Statement)) {
      if (mentions(source.slice(argument.range[0], argument.range[1]), id.name)) edits.push({ range: [argument.range[0], argument.range[0]], text: 'await ' });
    }
  }
  return edits;
}

/**
 * `const rl = createInterface({ input: fs.createReadStream(p) })` → `const input = fs.createReadStream(p);
 * const rl = createInterface({ input })`, and `input.destroy()` after `rl.close()` in the `finally`.
 */
function hoistEdits(plan: WrapInTryFinallyPlan, hoist: HoistedOption, layout: SourceLayout): EditResult {
  const declaration = plan.declaration;
  if (!declaration) return { refusal: 'the borrower is not declared in a statement of its own' };
  if (!layout.startOfLineIsEmpty(declaration.range[0])) return { refusal: 'other code precedes the declaration on its line' };
  if (!layout.startOfLineIsEmpty(hoist.after.range[0]) || !layout.restOfLineIsEmpty(hoist.after.range[1])) {
    return { refusal: 'other code shares the line of the release in `finally`' };
  }
  const eol = layout.eol;
  const semicolon = hoist.semicolon ? ';' : '';
  const lineStart = layout.lineStart(declaration.range[0]);
  const indent = layout.indentationAt(declaration.range[0]);
  const key = hoist.property.key;
  const shorthand = !hoist.property.computed && key.type === AST_NODE_TYPES.Identifier && key.name === hoist.name;
  const releaseIndent = layout.indentationAt(hoist.after.range[0]);
  return {
    edits: [
      { range: [lineStart, lineStart], text: `${indent}const ${hoist.name} = ${hoist.text}${semicolon}${eol}` },
      shorthand
        ? { range: hoist.property.range, text: hoist.name }
        : { range: hoist.property.value.range, text: hoist.name },
      { range: [hoist.after.range[1], hoist.after.range[1]], text: `${eol}${releaseIndent}${hoist.release}` },
    ],
  };
}

/** Line ranges to drop and to take one indent unit shallower, on top of the statements removed. */
interface Unwrapping {
  readonly removals: readonly { readonly range: TSESTree.Range }[];
  readonly dedent: readonly (readonly [number, number])[];
}

/**
 * `try { await queue.close(); } finally { redis.disconnect(); }` where the release the new `finally`
 * takes over was all its `finally` held: an empty `finally {}` would be left, so the `try` goes and
 * its statements stay, one unit shallower — only when each brace stands on its own line and the
 * block declares nothing that would then share the enclosing scope.
 */
function emptiedTries(removals: readonly TSESTree.Statement[], source: string, layout: SourceLayout): Unwrapping {
  const dropped: { range: TSESTree.Range }[] = [];
  const dedent: [number, number][] = [];
  for (const removal of removals) {
    const finalizer = removal.parent;
    const tryStatement = finalizer?.parent;
    if (finalizer?.type !== AST_NODE_TYPES.BlockStatement || tryStatement?.type !== AST_NODE_TYPES.TryStatement || tryStatement.finalizer !== finalizer || tryStatement.handler) continue;
    if (source.slice(finalizer.range[0] + 1, removal.range[0]).trim() !== '' || source.slice(removal.range[1], finalizer.range[1] - 1).trim() !== '') continue;
    const block = tryStatement.block;
    const declares = block.body.some((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration || statement.type === AST_NODE_TYPES.ClassDeclaration || statement.type === AST_NODE_TYPES.FunctionDeclaration);
    const ownLines =
      layout.startOfLineIsEmpty(tryStatement.range[0]) &&
      layout.restOfLineIsEmpty(block.range[0] + 1) &&
      layout.startOfLineIsEmpty(block.range[1] - 1) &&
      layout.restOfLineIsEmpty(tryStatement.range[1]);
    if (declares || !ownLines || block.body.length === 0) continue;
    dropped.push({ range: [tryStatement.range[0], block.range[0] + 1] }, { range: [block.range[1] - 1, tryStatement.range[1]] });
    dedent.push([layout.nextLineStart(block.range[0]), layout.lineStart(block.range[1] - 1)]);
  }
  return { removals: dropped, dedent };
}

/**
 * The lines from `regionStart` to the end of the line holding `lastEnd`, one indent unit deeper,
 * without the `removals`; lines inside strings keep their text, and blank lines at either end go (a
 * blank line that separated the declaration from its use separated two blocks that are now one).
 */
function indentedLines(
  source: string,
  ast: TSESTree.Program,
  layout: SourceLayout,
  regionStart: number,
  lastEnd: number,
  statementsToRemove: readonly { readonly range: TSESTree.Range }[],
  insertions: readonly { readonly offset: number; readonly text: string }[] = [],
  dedent: Unwrapping['dedent'] = [],
): string[] {
  const lastLineEnd = layout.lineEnd(lastEnd);
  const regionEnd = layout.nextLineStart(lastEnd);
  // Cut the releases the `finally` replaces, back to front so offsets stay valid.
  const removals = statementsToRemove
    .map((removal) => removalRange(layout, removal))
    .filter(([start, end]) => start >= regionStart && end <= regionEnd)
    .sort((a, b) => b[0] - a[0]);
  const stringLines = linesInsideStrings(ast, layout, regionStart, regionEnd);
  const lines: { offset: number; text: string }[] = [];
  for (let offset = regionStart; offset < lastLineEnd; ) {
    const end = layout.lineEnd(offset);
    lines.push({ offset, text: source.slice(offset, end) });
    offset = layout.nextLineStart(offset);
    if (offset <= lines[lines.length - 1].offset) break;
  }
  const body: string[] = [];
  for (const line of lines) {
    const lineEnd = line.offset + line.text.length;
    let text = line.text;
    for (const [start, end] of removals) {
      if (end <= line.offset || start >= lineEnd + layout.eol.length) continue;
      // A whole-line removal drops the line; a partial one cuts the statement out of it.
      if (start <= line.offset && end >= lineEnd) {
        text = '\u0000';
        break;
      }
      const from = Math.max(start, line.offset) - line.offset;
      const to = Math.min(end, lineEnd) - line.offset;
      text = text.slice(0, from) + text.slice(to);
    }
    if (text === '\u0000') continue;
    // Insertions go in after the cuts, measured from the line's end: a cut earlier on the line moved them.
    const lineInsertions = insertions.filter(({ offset }) => offset >= line.offset && offset <= lineEnd).sort((a, b) => b.offset - a.offset);
    for (const { offset, text: inserted } of lineInsertions) {
      const fromEnd = lineEnd - offset;
      text = text.slice(0, text.length - fromEnd) + inserted + text.slice(text.length - fromEnd);
    }
    // The statements of an unwrapped `try` (see emptiedTries) lose the unit it gave them and gain the
    // new `try`'s: they stay as they are.
    if (dedent.some(([from, to]) => line.offset >= from && line.offset < to)) {
      body.push(text.trim() === '' ? '' : text);
      continue;
    }
    if (text.trim() === '' || stringLines.has(line.offset)) body.push(text.trim() === '' ? '' : text);
    else body.push(layout.indentUnit + text);
  }
  while (body.length > 0 && body[0] === '') body.shift();
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return body;
}

/** `catch (error)`, unless the covered code already names `error` (then `err`, then `cause`): the rethrow must not be shadowed. */
function errorName(ast: TSESTree.Program, from: number, to: number): string {
  const names = new Set<string>();
  walk(ast, (node) => {
    if (node.range[1] < from || node.range[0] > to) return false;
    if (node.type === AST_NODE_TYPES.Identifier) names.add(node.name);
    return undefined;
  });
  return ['error', 'err', 'cause', 'failure'].find((name) => !names.has(name)) ?? 'caught';
}

function catchAndRethrow(release: string, name: string, indent: string, unit: string, eol: string): string {
  const semicolon = release.trimEnd().endsWith(';') ? ';' : '';
  return ` catch (${name}) {${eol}${indent}${unit}${release}${eol}${indent}${unit}throw ${name}${semicolon}${eol}${indent}}`;
}

/**
 * `finally { a; <release> }` → `finally { try { a; } finally { <release> } }`: what runs before the
 * release can no longer skip it.
 */
function guardEdits(guard: NonNullable<WrapInTryFinallyPlan['guardEarlierStatements']>, source: string, ast: TSESTree.Program, layout: SourceLayout): EditResult {
  const { first, release } = guard;
  if (!layout.startOfLineIsEmpty(first.range[0]) || !layout.startOfLineIsEmpty(release.range[0]) || !layout.restOfLineIsEmpty(release.range[1])) {
    return { refusal: 'other code shares a line with the statements of the `finally`' };
  }
  const previousEnd = source.slice(0, release.range[0]).trimEnd().length;
  const start = layout.lineStart(first.range[0]);
  const end = layout.nextLineStart(release.range[1]);
  const hasFinalNewline = end > layout.lineEnd(release.range[1]);
  const indent = layout.indentationAt(first.range[0]);
  const eol = layout.eol;
  const guarded = indentedLines(source, ast, layout, start, previousEnd, []);
  const released = indentedLines(source, ast, layout, layout.lineStart(release.range[0]), release.range[1], []);
  return {
    edits: [
      {
        range: [start, end],
        text: `${indent}try {${eol}${guarded.join(eol)}${eol}${indent}} finally {${eol}${released.join(eol)}${eol}${indent}}` + (hasFinalNewline ? eol : ''),
      },
    ],
  };
}

/** The statements before a `try` move to the start of its block, one level deeper. */
function moveIntoTryEdits(move: NonNullable<WrapInTryFinallyPlan['moveIntoTry']>, source: string, ast: TSESTree.Program, layout: SourceLayout): EditResult {
  const { first, last, into } = move;
  if (!layout.startOfLineIsEmpty(first.range[0]) || !layout.restOfLineIsEmpty(last.range[1]) || !layout.startOfLineIsEmpty(into.range[0])) {
    return { refusal: 'other code shares a line with the statements before the `try`' };
  }
  const blockOpen = into.block.range[0] + 1;
  if (!layout.restOfLineIsEmpty(blockOpen)) return { refusal: 'the `try` block has code on the line of its `{`' };
  const start = layout.lineStart(first.range[0]);
  const moved = indentedLines(source, ast, layout, start, last.range[1], []);
  const eol = layout.eol;
  const insertAt = layout.nextLineStart(blockOpen);
  return {
    edits: [
      { range: [start, layout.lineStart(into.range[0])], text: '' },
      // A blank line that set the moved statements apart from the `try` still does, inside it.
      { range: [insertAt, insertAt], text: `${moved.join(eol)}${eol}${/\n[ \t]*\r?\n/.test(source.slice(last.range[1], into.range[0])) ? eol : ''}` },
    ],
  };
}

/** `.finally(() => <release>)` after the chain; the releases in its `.then` callbacks go. */
function chainFinallyEdits(chain: NonNullable<WrapInTryFinallyPlan['chainFinally']>, layout: SourceLayout): EditResult {
  const end = chain.chainEnd.range[1];
  return {
    edits: [
      { range: [end, end], text: `.finally(() => ${chain.release})` },
      ...chain.removals.map((removal): TextEdit => ({ range: removalRange(layout, removal), text: '' })),
    ],
  };
}

/**
 * The edits for a plan: one replacement of the lines from the statement after the acquisition to
 * the last covered statement, re-indented one level, with the release in `finally`. With
 * `style: 'using'` and a Disposable type, the declaration becomes `using`/`await using` instead.
 */
export function editsForWrapInTryFinally(
  plan: WrapInTryFinallyPlan,
  source: string,
  ast: TSESTree.Program,
  style: WrapStyle,
): EditResult {
  const layout = new SourceLayout(source);
  if (plan.hoist) return hoistEdits(plan, plan.hoist, layout);
  if (plan.moveIntoTry) return moveIntoTryEdits(plan.moveIntoTry, source, ast, layout);
  if (plan.guardEarlierStatements) return guardEdits(plan.guardEarlierStatements, source, ast, layout);
  if (plan.destroyOnPeerClose) {
    const pipe = plan.destroyOnPeerClose.pipe;
    if (!layout.startOfLineIsEmpty(pipe.range[0])) return { refusal: 'other code precedes the `.pipe()` on its line' };
    const hoisted = plan.destroyOnPeerClose.hoisted;
    if (hoisted) {
      const indent = layout.indentationAt(pipe.range[0]);
      const text = [hoisted.declaration, plan.destroyOnPeerClose.statement, hoisted.pipe].join(`${layout.eol}${indent}`);
      return { edits: [{ range: pipe.range, text }] };
    }
    const lineStart = layout.lineStart(pipe.range[0]);
    return { edits: [{ range: [lineStart, lineStart], text: `${layout.indentationAt(pipe.range[0])}${plan.destroyOnPeerClose.statement}${layout.eol}` }] };
  }
  if (plan.chainFinally) return chainFinallyEdits(plan.chainFinally, layout);
  if (plan.destroyInErrorListener) return destroyInErrorListenerEdits(plan.destroyInErrorListener, source, layout);
  if (plan.releaseBeforeSettles) {
    const edits: TextEdit[] = [];
    for (const statement of plan.releaseBeforeSettles.statements) {
      // `if (!valid) return fail(400);`: the branch becomes a block holding the release and the return.
      if (isBranchOfIf(statement)) {
        const release = plan.releaseBeforeSettles.release.endsWith(';') ? plan.releaseBeforeSettles.release : `${plan.releaseBeforeSettles.release};`;
        edits.push({ range: statement.range, text: `{ ${release} ${source.slice(statement.range[0], statement.range[1])} }` });
        continue;
      }
      if (!layout.startOfLineIsEmpty(statement.range[0])) return { refusal: 'other code precedes the settle call on its line' };
      const lineStart = layout.lineStart(statement.range[0]);
      edits.push({ range: [lineStart, lineStart], text: `${layout.indentationAt(statement.range[0])}${plan.releaseBeforeSettles.release}${layout.eol}` });
    }
    for (const body of plan.releaseBeforeSettles.ends ?? []) {
      const last = body.body[body.body.length - 1];
      if (!layout.startOfLineIsEmpty(last.range[0]) || !layout.restOfLineIsEmpty(last.range[1])) return { refusal: 'other code shares the line of the callback\'s last statement' };
      edits.push({ range: [last.range[1], last.range[1]], text: `${layout.eol}${layout.indentationAt(last.range[0])}${plan.releaseBeforeSettles.release}` });
    }
    return { edits };
  }
  if (plan.closeAtOnce) return { edits: [{ range: plan.closeAtOnce.call.range, text: plan.closeAtOnce.text }] };
  if (plan.inlineReceiver) return inlineReceiverEdits(plan, plan.inlineReceiver, source, ast, layout);
  const declaration = plan.declaration;
  // The statement the `try` follows: the handle's declaration, or the one that assigns it; for a
  // parameter, the opening brace of the function's body.
  const anchor = plan.acquiredIn ?? declaration ?? plan.fromBodyStart;
  if (!anchor) return { refusal: 'the handle is not declared in a statement of its own' };
  // `using` is a block-level declaration: not allowed directly in a `case` clause.
  const inBlock = anchor.parent?.type === AST_NODE_TYPES.BlockStatement;
  if (style === 'using' && declaration && !plan.acquiredIn && inBlock && !plan.onErrorOnly) {
    if (plan.disposal === 'sync' || (plan.disposal === 'async' && plan.inAsyncFunction)) {
      return { edits: usingEdits(plan, declaration, layout) };
    }
  }
  const note =
    style !== 'using'
      ? undefined
      : plan.disposal === undefined
        ? plan.acquiredIn
          ? 'kept try/finally: the handle is assigned to a variable declared earlier, which `using` cannot declare'
          : 'kept try/finally: the type is not known to be Disposable (run with type information)'
        : !inBlock
          ? 'kept try/finally: `using` cannot be declared directly in a `case` clause'
          : 'kept try/finally: `await using` needs an async function';

  const existingTry = plan.onErrorOnly ? undefined : finallyLessTry(plan);
  if (existingTry) return { edits: addFinallyEdits(plan, existingTry, source, ast, layout), ...(note ? { note } : {}) };

  const declarationEnd = anchor === plan.fromBodyStart ? anchor.range[0] + 1 : anchor.range[1];
  if (!layout.restOfLineIsEmpty(declarationEnd)) return { refusal: 'other code follows the declaration on its line' };
  if (!layout.restOfLineIsEmpty(plan.last.range[1])) return { refusal: 'other code follows the last use on its line' };
  const regionStart = layout.nextLineStart(declarationEnd);
  if (plan.first.range[0] < regionStart) return { refusal: 'other code follows the declaration on its line' };
  const regionEnd = layout.nextLineStart(plan.last.range[1]);
  const hasFinalNewline = regionEnd > layout.lineEnd(plan.last.range[1]);
  const comments = commentsAboveMovedRelease(plan, source, ast, layout);
  const released = releasedExpression(plan.release);
  const awaits =
    plan.inAsyncFunction && released
      ? unawaitedReturns(plan.first, plan.last)
          .filter((argument) => mentions(source.slice(argument.range[0], argument.range[1]), released))
          .map((argument) => ({ offset: argument.range[0], text: 'await ' }))
      : [];
  const unwrapped = emptiedTries(plan.removals, source, layout);
  const body = indentedLines(source, ast, layout, regionStart, plan.last.range[1], [...plan.removals, ...comments, ...unwrapped.removals], awaits, unwrapped.dedent);
  const indent = layout.indentationAt(anchor === plan.fromBodyStart ? plan.first.range[0] : anchor.range[0]);
  const unit = layout.indentUnit;
  const eol = layout.eol;
  // A release moved with its guard (`if (own) {…}`) or its comments spans lines: each goes one unit deeper too.
  const release = releaseWithComments(plan, comments, source, indent, layout);
  const tail = plan.onErrorOnly
    ? catchAndRethrow(release, errorName(ast, regionStart, regionEnd), indent, unit, eol)
    : ` finally {${eol}${indent}${unit}${release}${eol}${indent}}`;
  const replacement = `${indent}try {${eol}${body.join(eol)}${eol}${indent}}${tail}` + (hasFinalNewline ? eol : '');
  return { edits: [{ range: [regionStart, regionEnd], text: replacement }], ...(note ? { note } : {}) };
}

/**
 * `const session = await db.startSession();` on the statement's line, then the statement, its
 * receiver renamed and every line one unit deeper, in `try { … } finally { <release> }`.
 */
function inlineReceiverEdits(plan: WrapInTryFinallyPlan, receiver: NonNullable<WrapInTryFinallyPlan['inlineReceiver']>, source: string, ast: TSESTree.Program, layout: SourceLayout): EditResult {
  const { statement } = receiver;
  if (!layout.startOfLineIsEmpty(statement.range[0]) || !layout.restOfLineIsEmpty(statement.range[1])) return { refusal: 'other code shares a line with the statement that opens it' };
  const start = layout.lineStart(statement.range[0]);
  const end = layout.nextLineStart(statement.range[1]);
  const hasFinalNewline = end > layout.lineEnd(statement.range[1]);
  const indent = layout.indentationAt(statement.range[0]);
  const { eol, indentUnit: unit } = layout;
  const body = indentedLines(source, ast, layout, start, statement.range[1], []);
  // The receiver sits on the statement's first line or further down; it is renamed in the indented text.
  const [from, to] = receiver.receiver;
  const lineIndex = source.slice(start, from).split(LINE_BREAK).length - 1;
  const column = from - layout.lineStart(from) + unit.length;
  const line = body[lineIndex];
  if (line?.slice(column, column + (to - from)) !== source.slice(from, to)) return { refusal: 'the opening call spans lines' };
  body[lineIndex] = `${line.slice(0, column)}${receiver.name}.${line.slice(column + (to - from))}`;
  const text = `${indent}${receiver.declaration}${eol}${indent}try {${eol}${body.join(eol)}${eol}${indent}} finally {${eol}${indent}${unit}${plan.release}${eol}${indent}}`;
  return { edits: [{ range: [start, end], text: text + (hasFinalNewline ? eol : '') }] };
}

/** A statement that is an `if`'s whole consequent or alternate (no block around it). */
function isBranchOfIf(statement: TSESTree.Statement): boolean {
  const parent = statement.parent;
  return parent?.type === AST_NODE_TYPES.IfStatement && (parent.consequent === statement || parent.alternate === statement);
}

/** The `const` for an inline source, its name in the pipe, and its release at the start of the listener. */
function destroyInErrorListenerEdits(plan: NonNullable<WrapInTryFinallyPlan['destroyInErrorListener']>, source: string, layout: SourceLayout): EditResult {
  const edits: TextEdit[] = [];
  const statement = plan.statement;
  if (plan.hoisted) {
    if (!layout.startOfLineIsEmpty(statement.range[0])) return { refusal: 'other code precedes the `.pipe()` statement on its line' };
    const lineStart = layout.lineStart(statement.range[0]);
    edits.push({ range: [lineStart, lineStart], text: `${layout.indentationAt(statement.range[0])}${plan.hoisted.declaration}${layout.eol}` });
    edits.push({ range: plan.hoisted.source.range, text: plan.hoisted.name });
  }
  const body = plan.listener.body;
  if (!body) return { refusal: 'the listener has no body' };
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    // `() => callback(false)`: the listener's value is ignored, so its body becomes a block.
    edits.push({ range: body.range, text: `{ ${plan.release} ${source.slice(body.range[0], body.range[1])}; }` });
    return { edits };
  }
  const first = body.body[0];
  if (first && layout.startOfLineIsEmpty(first.range[0])) {
    const lineStart = layout.lineStart(first.range[0]);
    edits.push({ range: [lineStart, lineStart], text: `${layout.indentationAt(first.range[0])}${plan.release}${layout.eol}` });
  } else {
    edits.push({ range: [body.range[0] + 1, body.range[0] + 1], text: ` ${plan.release}` });
  }
  return { edits };
}

/** What a release statement releases: `fh` in `await fh.close();` or `fh[Symbol.asyncDispose]()`, `fd` in `fs.closeSync(fd);`. */
function releasedExpression(release: string): string | undefined {
  const statement = release.trim().replace(/;$/, '').replace(/^await\s+/, '');
  const method = /^([\w$.]+)(?:\.[\w$]+|\[[\w$.]+\])\(\s*\)$/.exec(statement);
  if (method) return method[1];
  const call = /^[\w$.]+\(\s*([\w$.]+)\s*(?:,[^()]*)?\)$/.exec(statement);
  return call?.[1];
}

function mentions(text: string, expression: string): boolean {
  const escaped = expression.replaceAll('$', '\\$').replaceAll('.', '\\.');
  return new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`).test(text);
}

/**
 * `return fh.readFile('utf8');` inside the new `try` of an async function: the `finally` would run as
 * soon as the promise is returned, closing the handle while the read is still under way. Returned
 * calls that use the handle are awaited there (`return await …`), so the release waits for them;
 * calls that do not (`return header.equals(MAGIC)`) are left as written.
 */
function unawaitedReturns(first: TSESTree.Statement, last: TSESTree.Statement): TSESTree.Expression[] {
  const list = statementListOf(first.parent);
  if (!list) return [];
  const covered = list.slice(list.indexOf(first), list.indexOf(last) + 1);
  const found: TSESTree.Expression[] = [];
  for (const statement of covered) {
    walk(statement, (node) => {
      if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
      if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return;
      // `a?.b()` too; a cast (`x() as Promise<T>`) is left alone: `await` would bind tighter than `as`.
      const returned = node.argument.type === AST_NODE_TYPES.ChainExpression ? node.argument.expression : node.argument;
      if (returned.type === AST_NODE_TYPES.CallExpression || returned.type === AST_NODE_TYPES.NewExpression) found.push(node.argument);
    });
  }
  return found;
}
