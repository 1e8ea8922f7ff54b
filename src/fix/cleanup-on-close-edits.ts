import type { TSESTree } from '@typescript-eslint/utils';
import { nodeIndexOf } from '../ast/node-index';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { statementListOf } from '../ast/statement-lists';
import type { Node } from '../ast/traverse';
import type { CleanupOnClosePlan, WorkReference, WorkRelease } from '../remedies/cleanup-on-close-plan';
import { importNamed } from './add-import';
import { SourceLayout } from './source-layout';
import { quoteOf, usesSemicolons } from './source-style';
import { applyEdits, type EditResult, type TextEdit } from './text-edit';

/** The file's habits and layout, read once per plan. */
interface Style {
  readonly source: string;
  readonly ast: TSESTree.Program;
  readonly layout: SourceLayout;
  readonly semicolon: string;
  readonly quote: string;
}

const text = (style: Style, node: Node) => style.source.slice(node.range[0], node.range[1]);

/** The statement directly in a statement list that holds `node`. */
function statementOf(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (current.parent && statementListOf(current.parent)) return current;
  }
  return undefined;
}

/**
 * `name`, or `name2`, `name3` … when the file already uses it for something, or when `earlier`
 * statements of the same list will be given the same name in this pass (two dropped intervals in one
 * handler become `interval` and `interval2`, not two `const interval`).
 */
function freeName(ast: TSESTree.Program, name: string, earlier: number): string {
  const taken = new Set(nodeIndexOf(ast).identifiers.map((identifier) => identifier.name));
  let candidate = name;
  let skip = earlier;
  for (let suffix = 2; taken.has(candidate) || skip-- > 0; suffix++) candidate = `${name}${suffix}`;
  return candidate;
}

/** The call a statement runs, through `.unref()` chains and wrappers: `setInterval(…).unref();` → `setInterval(…)`. */
function statementCall(statement: Node): TSESTree.CallExpression | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  let value = unwrapExpression(statement.expression);
  while (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(value.callee.object).type === AST_NODE_TYPES.CallExpression) {
    value = unwrapExpression(value.callee.object);
  }
  return value.type === AST_NODE_TYPES.CallExpression ? value : undefined;
}

/**
 * Statements before `statement` in its list that start the same kind of unnamed work (the same callee
 * with a dropped result; the same event with an inline listener): each gets the same proposed name
 * in this pass, so this one counts past them.
 */
function earlierAlike(statement: Node, value: Node, style: Style): number {
  const list = statementListOf(statement.parent) ?? [];
  const own = statementCall(statement);
  if (!own) return 0;
  const callee = text(style, own.callee);
  const inline = isFunction(unwrapExpression(value));
  const event = own.arguments[0] ? text(style, own.arguments[0]) : '';
  return list.slice(0, list.indexOf(statement)).filter((sibling) => {
    const call = statementCall(sibling);
    if (!call) return false;
    if (!inline) return text(style, call.callee) === callee;
    const listener = call.arguments[1];
    return listener !== undefined && isFunction(unwrapExpression(listener)) && call.arguments[0] !== undefined && text(style, call.arguments[0]) === event;
  }).length;
}

/**
 * An inline listener's text with its parameters annotated (`(order: any) => …`): hoisted out of the
 * argument, it no longer gets them from the add-listener signature, and `noImplicitAny` would object.
 */
function annotatedFunction(fn: FunctionNode, type: string | undefined, style: Style): string {
  const own = text(style, fn);
  if (type === undefined || fn.params.length === 0) return own;
  const base = fn.range[0];
  const edits: TextEdit[] = [];
  for (const parameter of fn.params) {
    if (parameter.type === AST_NODE_TYPES.TSParameterProperty) continue;
    const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    if ('typeAnnotation' in target && target.typeAnnotation) continue;
    const annotation = target.type === AST_NODE_TYPES.RestElement ? (type === 'any' ? 'any[]' : `${type}[]`) : type;
    edits.push({ range: [target.range[1] - base, target.range[1] - base], text: `: ${annotation}` });
  }
  // `order => …`: one parameter without parentheses needs them to take a type.
  const first = fn.params[0];
  const bare = fn.type === AST_NODE_TYPES.ArrowFunctionExpression && !style.source.slice(fn.range[0], first.range[0]).includes('(');
  if (bare) {
    edits.push({ range: [first.range[0] - base, first.range[0] - base], text: '(' });
    edits.push({ range: [first.range[1] - base, first.range[1] - base], text: ')' });
  }
  return applyEdits(own, edits);
}

interface Naming {
  readonly name: string;
  readonly edits: readonly TextEdit[];
}

/**
 * Names what has no name so the release can reach it: `const interval = setInterval(…);`, or an
 * inline listener hoisted into `const onOrder = (order) => …;` right above its statement.
 */
function nameOf(reference: WorkReference, style: Style): Naming | { refusal: string } {
  if (reference.kind === 'named') return { name: reference.text, edits: [] };
  const value = unwrapExpression(reference.value);
  const statement = statementOf(reference.value);
  if (!statement) return { refusal: 'the work does not start in a statement of its own' };
  const name = freeName(style.ast, reference.proposedName, earlierAlike(statement, reference.value, style));
  if (isFunction(value)) {
    if (!style.layout.startOfLineIsEmpty(statement.range[0])) return { refusal: 'other code precedes the statement on its line' };
    const indent = style.layout.indentationAt(statement.range[0]);
    const hoisted = `const ${name} = ${annotatedFunction(value, reference.parameterType, style)}${style.semicolon}${style.layout.eol}${indent}`;
    return {
      name,
      edits: [
        { range: [statement.range[0], statement.range[0]], text: hoisted },
        { range: reference.value.range, text: name },
      ],
    };
  }
  const held = outermostWrapper(reference.value);
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== held) {
    return { refusal: 'the handle is used in an expression: keep it in a `const` and release that' };
  }
  return { name, edits: [{ range: [held.range[0], held.range[0]], text: `const ${name} = ` }] };
}

/** The release as an expression, with the names the naming edits give. */
function releaseExpression(release: WorkRelease, names: readonly string[], style: Style): string {
  switch (release.kind) {
    case 'clear-timer':
      return `${release.clear}(${names[0]})`;
    case 'remove-listener': {
      const member = unwrapExpression(release.target).parent;
      // `options.signal?.addEventListener(…)`: the signal may be absent on removal too.
      const dot = member?.type === AST_NODE_TYPES.MemberExpression && member.optional ? '?.' : '.';
      const capture = release.capture === undefined ? '' : release.capture.type === AST_NODE_TYPES.Property ? `, { ${text(style, release.capture)} }` : `, ${text(style, release.capture)}`;
      return `${text(style, release.target)}${dot}${release.method}(${text(style, release.event)}, ${names[0]}${capture})`;
    }
    case 'call-returned':
      return `${names[0]}()`;
    case 'call-method':
      return `${names[0]}.${release.method}()`;
    case 'pipe-to-pipeline':
      return '';
  }
}

function referencesOf(release: WorkRelease): WorkReference[] {
  switch (release.kind) {
    case 'clear-timer':
    case 'call-returned':
    case 'call-method':
      return [release.handle];
    case 'remove-listener':
      return [release.listener];
    case 'pipe-to-pipeline':
      return [];
  }
}

/** The statements of a function body after `statement`. */
function statementsAfter(statement: Node): Node[] {
  const list = statementListOf(statement.parent) ?? [];
  return list.slice(list.indexOf(statement) + 1);
}

/** Past the last statement or comment before `close`: what follows it up to the brace is blank. */
function afterLastToken(source: string, from: number, close: number): number {
  return from + source.slice(from, close).trimEnd().length;
}

/** `return () => release;` at the end of the effect, or the release added to the cleanup it returns. */
function effectCleanupEdits(effect: FunctionNode, release: string, returnsVoid: boolean, style: Style): TextEdit[] | { refusal: string } {
  if (effect.body.type !== AST_NODE_TYPES.BlockStatement) return { refusal: 'the effect has no block body to return a cleanup from' };
  const body = effect.body;
  const returns: TSESTree.ReturnStatement[] = [];
  walkSameFunction(body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
  });
  const last = body.body.at(-1);
  const { layout, semicolon } = style;
  const eol = layout.eol;
  if (returns.length === 0) {
    const close = body.range[1] - 1;
    const indent = layout.indentationAt(close);
    const statementIndent = last ? layout.indentationAt(last.range[0]) : indent + layout.indentUnit;
    // Replacing the closing brace (not inserting before it) makes two cleanups of one pass overlap: the second waits a pass and joins the first.
    const from = afterLastToken(style.source, last ? last.range[1] : body.range[0] + 1, close);
    // React types a cleanup as returning void: `bus.off(…)` returns the emitter, so it gets a block.
    const cleanup = returnsVoid ? release : `{${eol}${statementIndent}${layout.indentUnit}${release}${semicolon}${eol}${statementIndent}}`;
    return [{ range: [from, body.range[1]], text: `${eol}${statementIndent}return () => ${cleanup}${semicolon}${eol}${indent}}` }];
  }
  const returned = returns.length === 1 && returns[0] === last && last.argument ? unwrapExpression(last.argument) : undefined;
  if (!returned || !isFunction(returned)) return { refusal: 'the effect returns early or returns something other than a cleanup function: add the release to its cleanup by hand' };
  const indent = layout.indentationAt(last!.range[0]);
  const inner = indent + layout.indentUnit;
  if (returned.body.type === AST_NODE_TYPES.BlockStatement) {
    const close = returned.body.range[1] - 1;
    const statements = returned.body.body;
    const from = afterLastToken(style.source, statements.length > 0 ? statements.at(-1)!.range[1] : returned.body.range[0] + 1, close);
    return [{ range: [from, returned.body.range[1]], text: `${eol}${inner}${release}${semicolon}${eol}${indent}}` }];
  }
  const existing = text(style, returned.body);
  return [{ range: returned.body.range, text: `{${eol}${inner}${existing}${semicolon}${eol}${inner}${release}${semicolon}${eol}${indent}}` }];
}

/** What a `return` may hand back unsettled: a call, a name, a member, a choice of those. Not a literal, an object or an `await`. */
function mayBePromise(argument: Node): boolean {
  const value = unwrapExpression(argument);
  switch (value.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
    case AST_NODE_TYPES.ConditionalExpression:
      return mayBePromise(value.consequent) || mayBePromise(value.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return mayBePromise(value.left) || mayBePromise(value.right);
    default:
      return false;
  }
}

/**
 * The statements after the start, to the end of the async function, go into `try { … } finally {
 * release }`: the listener lives exactly as long as the call. A `return x` among them becomes
 * `return await x`, or the `finally` would run before `x` settles.
 */
function callSettlesEdits(statement: Node, release: string, style: Style): TextEdit[] | { refusal: string } {
  const rest = statementsAfter(statement);
  if (rest.length === 0) return { refusal: 'nothing follows the listener in this function: remove it where the work it waits for settles' };
  const { layout, semicolon, source } = style;
  const eol = layout.eol;
  const indent = layout.indentationAt(statement.range[0]);
  const first = rest[0];
  const last = rest.at(-1)!;
  if (!layout.startOfLineIsEmpty(first.range[0]) || !layout.restOfLineIsEmpty(last.range[1])) return { refusal: 'other code shares the lines of the statements to wrap' };
  const regionStart = layout.lineStart(first.range[0]);
  const regionEnd = layout.lineEnd(last.range[1]);
  const inner: TextEdit[] = [];
  for (const node of rest) {
    walkSameFunction(node, (child) => {
      if (child.type === AST_NODE_TYPES.ReturnStatement && child.argument && mayBePromise(child.argument)) {
        inner.push({ range: [child.argument.range[0] - regionStart, child.argument.range[0] - regionStart], text: 'await ' });
      }
    });
  }
  const region = applyEdits(source.slice(regionStart, regionEnd), inner);
  // One level deeper, except lines that start inside a template literal (their text would change).
  const templates: [number, number][] = [];
  for (const node of rest) {
    walkSameFunction(node, (child) => {
      if (child.type === AST_NODE_TYPES.TemplateLiteral) templates.push([child.range[0], child.range[1]]);
    });
  }
  if (templates.some(([start, end]) => source.slice(start, end).includes('\n'))) return { refusal: 'a multi-line template literal in the statements to wrap' };
  const indented = region
    .split(/\r\n|\n/)
    .map((line) => (line.trim() === '' ? line : layout.indentUnit + line))
    .join(eol);
  const wrapped = `${indent}try {${eol}${indented}${eol}${indent}} finally {${eol}${indent}${layout.indentUnit}${release}${semicolon}${eol}${indent}}`;
  return [{ range: [regionStart, regionEnd], text: wrapped }];
}

/** `src.pipe(res)` → `pipeline(src, res, () => {})` with `pipeline` from node:stream. */
function pipelineEdits(plan: CleanupOnClosePlan, release: Extract<WorkRelease, { kind: 'pipe-to-pipeline' }>, style: Style): TextEdit[] | { refusal: string } {
  const statement = statementOf(plan.start);
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || unwrapExpression(statement.expression) !== plan.start) {
    return { refusal: 'the result of `pipe` is used: rewrite it with `pipeline` by hand' };
  }
  const imported = importNamed(style.ast, style.source, 'node:stream', 'pipeline');
  // pipeline destroys both streams when either fails or the client leaves; the callback is where an error would be logged.
  const call = `${imported.local}(${text(style, release.source)}, ${text(style, release.destination)}, () => {})`;
  return [...imported.edits, { range: plan.start.range, text: call }];
}

/**
 * The edits that release one piece of work where its life ends (see CleanupOnClosePlan): name it if
 * it has no name, then register the release — on the connection's end events right after the
 * start, in the effect's returned cleanup, in a `finally` around the rest of the call, or right
 * before the slot that holds it is overwritten.
 */
export function editsForCleanupOnClose(plan: CleanupOnClosePlan, source: string, ast: TSESTree.Program): EditResult {
  const style: Style = { source, ast, layout: new SourceLayout(source), semicolon: usesSemicolons(ast, source) ? ';' : '', quote: quoteOf(ast, source) };
  const { release, end } = plan;
  if (release.kind === 'pipe-to-pipeline') {
    const edits = pipelineEdits(plan, release, style);
    return 'refusal' in edits ? edits : { edits };
  }
  const namings: Naming[] = [];
  for (const reference of referencesOf(release)) {
    const naming = nameOf(reference, style);
    if ('refusal' in naming) return naming;
    namings.push(naming);
  }
  const releaseText = releaseExpression(release, namings.map((naming) => naming.name), style);
  const statement = statementOf(plan.start);
  if (!statement) return { refusal: 'the work does not start in a statement of its own' };
  const { layout, semicolon, quote } = style;
  const eol = layout.eol;
  const indent = layout.indentationAt(statement.range[0]);
  // After a comment that ends the start's line (`setInterval(ping, 1000); // keep-alive`), not before it.
  const after = layout.restOfLineIsEmpty(statement.range[1]) ? layout.lineEnd(statement.range[1]) : statement.range[1];
  let placed: TextEdit[] | { refusal: string };
  switch (end.kind) {
    case 'connection-event':
      placed = [
        {
          range: [after, after],
          text: end.events.map((event) => `${eol}${indent}${end.object}.on(${quote}${event}${quote}, () => ${releaseText})${semicolon}`).join(''),
        },
      ];
      break;
    case 'abort-event':
      placed = [{ range: [after, after], text: `${eol}${indent}${end.signal}.addEventListener(${quote}abort${quote}, () => ${releaseText}, { once: true })${semicolon}` }];
      break;
    case 'effect-cleanup':
      // The cleanup is returned at the end of the effect: what the start names must be in scope there.
      if (statement.parent !== end.effect.body) return { refusal: 'the work starts in a nested block of the effect: keep its handle in a variable of the effect itself and release it in the cleanup the effect returns' };
      placed = effectCleanupEdits(end.effect, releaseText, release.kind === 'clear-timer', style);
      break;
    case 'call-settles':
      placed = callSettlesEdits(statement, releaseText, style);
      break;
    case 'before-overwrite': {
      const overwrite = statementOf(end.slot);
      if (!overwrite || !layout.startOfLineIsEmpty(overwrite.range[0])) return { refusal: 'the slot is overwritten inside a larger statement' };
      placed = [{ range: [overwrite.range[0], overwrite.range[0]], text: `${releaseText}${semicolon}${eol}${layout.indentationAt(overwrite.range[0])}` }];
      break;
    }
    case 'pipeline':
      return { refusal: 'a pipeline end for work that is not a pipe' };
    case 'none':
      return { refusal: `the codemod cannot tell where this work ends: call \`${releaseText}\` ${end.where}` };
  }
  if ('refusal' in placed) return placed;
  return { edits: [...namings.flatMap((naming) => naming.edits), ...placed] };
}
