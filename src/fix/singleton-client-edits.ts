import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Node } from '../ast/traverse';
import type { SingletonClientPlan } from '../remedies/singleton-client-plan';
import { importNamed } from './add-import';
import { SourceLayout } from './source-layout';
import type { EditResult, TextEdit } from './text-edit';

/** Removes a statement with its line when it stands alone on it, else just its text. */
function removalRange(layout: SourceLayout, statement: Node): [number, number] {
  const [start, end] = statement.range;
  if (!layout.startOfLineIsEmpty(start) || !layout.restOfLineIsEmpty(end)) return [start, end];
  const from = layout.lineStart(start);
  const to = layout.nextLineStart(end);
  // A statement set apart by blank lines on both sides leaves one blank line, not two.
  const previousBreak = layout.text.startsWith('\r\n', from - 2) ? from - 2 : from - 1;
  const blankBefore = from > 0 && isBlankLine(layout, layout.lineStart(previousBreak));
  return blankBefore && to < layout.text.length && isBlankLine(layout, to) ? [from, layout.nextLineStart(to)] : [from, to];
}

function isBlankLine(layout: SourceLayout, lineStart: number): boolean {
  return layout.text.slice(lineStart, layout.lineEnd(lineStart)).trim() === '';
}

/** The expression's text moved to module level: continuation lines lose the site's indentation. */
function reindented(layout: SourceLayout, node: Node, indent: string, text: string): string {
  const siteIndent = layout.indentationAt(node.range[0]);
  // Split keeping each line break, so CRLF and CR files keep theirs.
  return text
    .split(/(\r\n|[\n\r\u2028\u2029])/)
    .map((part, index) => (index === 0 || index % 2 === 1 ? part : part.startsWith(siteIndent) ? indent + part.slice(siteIndent.length) : part))
    .join('');
}

/** `@Injectable() export class X`: the class's decorators may come before the `export` that starts the statement. */
function decoratorsOf(statement: Node): readonly TSESTree.Decorator[] {
  const declared = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
  return declared && (declared.type === AST_NODE_TYPES.ClassDeclaration || declared.type === AST_NODE_TYPES.ClassExpression) ? declared.decorators : [];
}

/** Where the shared declarations go: above the anchor statement and the comments that lead it. */
function insertionPoint(layout: SourceLayout, ast: TSESTree.Program, anchor: Node): number {
  let start = Math.min(anchor.range[0], ...decoratorsOf(anchor).map((decorator) => decorator.range[0]));
  // Only the comments between the previous statement and the anchor can lead it. No `/` there, no
  // comment: skip reading `ast.comments`, which a codemod's parse fills on demand at a cost.
  const previousEnd = Math.max(0, ...ast.body.map((statement) => statement.range[1]).filter((end) => end <= start));
  if (!layout.text.slice(previousEnd, start).includes('/')) return layout.lineStart(start);
  const comments = [...(ast.comments ?? [])].sort((a, b) => b.range[0] - a.range[0]);
  for (const comment of comments) {
    if (comment.range[1] > start) continue;
    if (layout.text.slice(comment.range[1], start).trim() !== '') break;
    if (comment.loc.end.line < layout.lineOf(start) - 1) break;
    start = comment.range[0];
  }
  return layout.lineStart(start);
}

/** One client per key: a module-level `Map`, a getter that fills it, a closer that empties it. */
function keyedDeclarations(plan: SingletonClientPlan, keyed: NonNullable<SingletonClientPlan['keyed']>, layout: SourceLayout): string {
  const { variable: map, getter, closer } = plan.names;
  const unit = layout.indentUnit;
  const semi = plan.semicolons ? ';' : '';
  const exported = plan.moduleSystem === 'esm' ? 'export ' : '';
  const single = lowerFirst(getter.replace(/^get/, ''));
  const key = keyed.parameters.includes('key') || single === 'key' ? 'cacheKey' : 'key';
  const ts = plan.typeText !== undefined && keyed.parameterTypes !== undefined;
  const acquisition = reindented(layout, plan.acquisition, unit + unit, plan.acquisitionText);
  const created = plan.awaited
    ? [
        // A failed connect must not be kept: the next call for this key tries again.
        `${unit}${unit}${single} = ${acquisition}.catch((error${ts ? ': unknown' : ''}) => {`,
        `${unit}${unit}${unit}${map}.delete(${key})${semi}`,
        `${unit}${unit}${unit}throw error${semi}`,
        `${unit}${unit}})${semi}`,
      ]
    : [`${unit}${unit}${single} = ${acquisition}${semi}`];
  const lines = [
    `const ${map} = new Map${ts ? `<${keyed.keyType}, ${plan.typeText}>` : ''}()${semi}`,
    '',
    `function ${getter}(${(ts ? keyed.parameterTypes : keyed.parameters).join(', ')})${ts ? `: ${plan.typeText}` : ''} {`,
    `${unit}const ${key} = ${keyed.key}${semi}`,
    `${unit}let ${single} = ${map}.get(${key})${semi}`,
    `${unit}if (!${single}) {`,
    ...created,
    `${unit}${unit}${map}.set(${key}, ${single})${semi}`,
    `${unit}}`,
    `${unit}return ${single}${semi}`,
    '}',
  ];
  if (!plan.release) return joinLines([NO_CLOSER_NOTE, ...lines], layout);
  lines.push('', `/** Closes the shared clients on graceful shutdown; the next \`${getter}()\` creates new ones. */`);
  const method = plan.release.method;
  if (plan.awaited || plan.release.async) {
    const close = plan.awaited ? `async (${single}) => (await ${single}).${method}()` : `(${single}) => ${single}.${method}()`;
    lines.push(
      `${exported}async function ${closer}()${ts ? ': Promise<void>' : ''} {`,
      `${unit}const current = [...${map}.values()]${semi}`,
      `${unit}${map}.clear()${semi}`,
      `${unit}await Promise.all(current.map(${close}))${semi}`,
      '}',
    );
  } else {
    lines.push(`${exported}function ${closer}()${ts ? ': void' : ''} {`, `${unit}for (const ${single} of ${map}.values()) ${single}.${method}()${semi}`, `${unit}${map}.clear()${semi}`, '}');
  }
  return joinLines(lines, layout);
}

/** Why a shared client has no `close<Name>()`: said once, above its declaration, for the reviewer. */
const NO_CLOSER_NOTE = '// Shared by every call; leakguard knows no method that closes it, so it lives as long as the process.';

function joinLines(lines: readonly string[], layout: SourceLayout): string {
  return lines.map((line) => line.replace(/\n/g, layout.eol)).join(layout.eol) + layout.eol + layout.eol;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function declarations(plan: SingletonClientPlan, layout: SourceLayout): string {
  if (plan.keyed) return keyedDeclarations(plan, plan.keyed, layout);
  const { variable, getter, closer } = plan.names;
  const unit = layout.indentUnit;
  const semi = plan.semicolons ? ';' : '';
  const ts = plan.typeText !== undefined;
  const exported = plan.moduleSystem === 'esm' ? 'export ' : '';
  const acquisition = reindented(layout, plan.acquisition, unit, plan.acquisitionText);
  const getterBody = plan.awaited
    ? [
        // A failed connect must not be shared forever: the next call tries again.
        `${unit}return (${variable} ??= ${acquisition}.catch((error${ts ? ': unknown' : ''}) => {`,
        `${unit}${unit}${variable} = undefined${semi}`,
        `${unit}${unit}throw error${semi}`,
        `${unit}}))${semi}`,
      ]
    : [`${unit}return (${variable} ??= ${acquisition})${semi}`];
  const lines = [
    `let ${variable}${ts ? `: ${plan.typeText} | undefined` : ''}${semi}`,
    '',
    // The getter says what it returns: callers read the client's type without following the `??=`.
    `function ${getter}()${ts ? `: ${plan.typeText}` : ''} {`,
    ...getterBody,
    '}',
  ];
  if (!plan.release) return joinLines([NO_CLOSER_NOTE, ...lines], layout);
  lines.push('', `/** Closes the shared client on graceful shutdown; the next \`${getter}()\` creates a new one. */`);
  if (plan.awaited) {
    lines.push(
      `${exported}async function ${closer}()${ts ? ': Promise<void>' : ''} {`,
      `${unit}const current = ${variable}${semi}`,
      `${unit}${variable} = undefined${semi}`,
      `${unit}${plan.release.async ? 'await ' : ''}(await current)?.${plan.release.method}()${semi}`,
      '}',
    );
  } else if (plan.release.async) {
    lines.push(
      `${exported}async function ${closer}()${ts ? ': Promise<void>' : ''} {`,
      `${unit}const current = ${variable}${semi}`,
      `${unit}${variable} = undefined${semi}`,
      `${unit}await current?.${plan.release.method}()${semi}`,
      '}',
    );
  } else {
    lines.push(
      `${exported}function ${closer}()${ts ? ': void' : ''} {`,
      `${unit}${variable}?.${plan.release.method}()${semi}`,
      `${unit}${variable} = undefined${semi}`,
      '}',
    );
  }
  return joinLines(lines, layout);
}

/** `(a, b)` → `(a, b, client = getClient())`; `msg =>` → `(msg, client = getClient()) =>`. */
function parameterEdit(fn: TSESTree.FunctionLike, parameter: string, text: string): TextEdit | undefined {
  const last = fn.params[fn.params.length - 1];
  if (last) {
    const before = text.slice(0, fn.params[0].range[0]).trimEnd();
    if (before.endsWith('(')) return { range: [last.range[1], last.range[1]], text: `, ${parameter}` };
    if (fn.params.length !== 1) return undefined;
    return { range: [last.range[0], last.range[1]], text: `(${text.slice(last.range[0], last.range[1])}, ${parameter})` };
  }
  const from = fn.typeParameters?.range[1] ?? (fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression ? fn.id?.range[1] : undefined) ?? fn.range[0];
  const open = text.indexOf('(', from);
  if (open < 0 || open > (fn.body?.range[0] ?? fn.range[1])) return undefined;
  return { range: [open + 1, open + 1], text: parameter };
}

/**
 * The per-call release removed. When it was all a `finally` held, the `finally` goes too — and a
 * `try` left without `catch` is unwrapped, its body moved out one level.
 */
function releaseRemovals(plan: SingletonClientPlan, layout: SourceLayout): TextEdit[] {
  const edits: TextEdit[] = [];
  const emptiedFinally = new Set<Node>();
  for (const statement of plan.removals) {
    const block = statement.parent;
    const tryStatement = block?.parent;
    const onlyReleases =
      block?.type === AST_NODE_TYPES.BlockStatement &&
      tryStatement?.type === AST_NODE_TYPES.TryStatement &&
      tryStatement.finalizer === block &&
      block.body.every((other) => plan.removals.includes(other as TSESTree.ExpressionStatement));
    if (!onlyReleases) {
      edits.push({ range: removalRange(layout, statement), text: '' });
      continue;
    }
    if (emptiedFinally.has(block)) continue;
    emptiedFinally.add(block);
    if (tryStatement.handler) edits.push({ range: [tryStatement.handler.range[1], block.range[1]], text: '' });
    else edits.push(unwrapTry(tryStatement, layout));
  }
  return edits;
}

/**
 * `{ databaseUri, databaseName, collection, options }` → `{ databaseName, collection }`: the pattern
 * written again without the unused picks, when it is on one line with no comment; a pattern that would
 * be left empty, or is laid out otherwise, stays as it is.
 */
function pickRemovals(plan: SingletonClientPlan, source: string): TextEdit[] {
  const patterns = new Set((plan.unusedPicks ?? []).map((pick) => pick.parent as TSESTree.ObjectPattern));
  const edits: TextEdit[] = [];
  for (const pattern of patterns) {
    const kept = pattern.properties.filter((property) => !plan.unusedPicks!.includes(property as TSESTree.Property));
    const text = source.slice(pattern.range[0], pattern.range[1]);
    // A rest element (`...others`) would take in what the pattern no longer picks.
    if (kept.length === 0 || pattern.properties.some((property) => property.type === AST_NODE_TYPES.RestElement) || /[\n\r]|\/[/*]/.test(text)) continue;
    edits.push({ range: [pattern.range[0], pattern.range[1]], text: `{ ${kept.map((property) => source.slice(property.range[0], property.range[1])).join(', ')} }` });
  }
  return edits;
}

function unwrapTry(statement: TSESTree.TryStatement, layout: SourceLayout): TextEdit {
  const start = layout.lineStart(statement.range[0]);
  const end = layout.nextLineStart(statement.range[1]);
  const inner = statement.block.body;
  if (inner.length === 0) return { range: [start, end], text: '' };
  const first = layout.lineStart(inner[0].range[0]);
  const last = layout.nextLineStart(inner[inner.length - 1].range[1]);
  const unit = layout.indentUnit;
  const body = layout.text
    .slice(first, last)
    .split(layout.eol)
    .map((line) => (line.startsWith(unit) ? line.slice(unit.length) : line))
    .join(layout.eol);
  return { range: [start, end], text: body };
}

/** `#producer;` after the class's last field, `(this.#producer ??= …)` at the site, `closeProducer()` last in the class. */
function perInstanceEdits(plan: SingletonClientPlan, site: Extract<SingletonClientPlan['site'], { kind: 'per-instance' }>, layout: SourceLayout): EditResult {
  const semi = plan.semicolons ? ';' : '';
  const eol = layout.eol;
  const unit = layout.indentUnit;
  const body = site.classBody;
  const open = body.range[0];
  const close = body.range[1] - 1;
  if (!layout.restOfLineIsEmpty(open + 1) || !layout.startOfLineIsEmpty(close)) return { refusal: 'the class body does not have its braces on lines of their own' };
  const first = body.body[0];
  const indent = first ? layout.indentationAt(first.range[0]) : layout.indentationAt(open) + unit;
  const fields = body.body.filter((member) => member.type === AST_NODE_TYPES.PropertyDefinition);
  const lastField = fields[fields.length - 1];
  const fieldAt = lastField && layout.restOfLineIsEmpty(lastField.range[1]) ? layout.nextLineStart(lastField.range[1]) : layout.nextLineStart(open);
  const slot = `this.${site.field}`;
  const ts = plan.typeText !== undefined;
  // TypeScript: `private pool?: Pool` (a `#pool?: Pool` needs no modifier); JavaScript: `pool;`.
  const declared = ts ? `${site.field.startsWith('#') ? '' : 'private '}${site.field}?: ${plan.typeText}` : site.field;
  const fieldEdit: TextEdit = { range: [fieldAt, fieldAt], text: `${indent}${declared}${semi}${eol}${lastField ? '' : eol}` };
  // Connected once: the field keeps the promise, forgotten when connecting fails so the next call retries.
  const siteIndent = layout.indentationAt(plan.acquisition.range[0]);
  const made = plan.connectsOnce
    ? `await (${slot} ??= ${plan.acquisitionText}.catch((error${ts ? ': unknown' : ''}) => {${eol}${siteIndent}${unit}${slot} = undefined${semi}${eol}${siteIndent}${unit}throw error${semi}${eol}${siteIndent}}))`
    : `(${slot} ??= ${plan.acquisitionText})`;
  const siteEdit: TextEdit = { range: [plan.acquisition.range[0], plan.acquisition.range[1]], text: made };
  if (!plan.release) return { edits: [fieldEdit, siteEdit] };
  const { method } = plan.release;
  const async = plan.release.async || plan.connectsOnce === true;
  const current = plan.connectsOnce ? '(await current)' : 'current';
  const closer = async
    ? [`${indent}async ${plan.names.closer}()${ts ? ': Promise<void>' : ''} {`, `${indent}${unit}const current = ${slot}${semi}`, `${indent}${unit}${slot} = undefined${semi}`, `${indent}${unit}${plan.release.async ? 'await ' : ''}${current}?.${method}()${semi}`, `${indent}}`]
    : [`${indent}${plan.names.closer}()${ts ? ': void' : ''} {`, `${indent}${unit}${slot}?.${method}()${semi}`, `${indent}${unit}${slot} = undefined${semi}`, `${indent}}`];
  const closeAt = layout.lineStart(close);
  return {
    edits: [
      fieldEdit,
      siteEdit,
      {
        range: [closeAt, closeAt],
        text: `${eol}${indent}/** Closes this instance's client on graceful shutdown; the next use creates a new one. */${eol}${closer.join(eol)}${eol}`,
      },
    ],
  };
}

/**
 * The edits for a plan: the lazily created module-level client, its getter and an exported
 * `close<Name>()` above the statement that holds the site (unless the file already has them), the site
 * turned into a parameter default, a field, or a getter call, and its per-call closes removed.
 */
export function editsForSingletonClient(plan: SingletonClientPlan, source: string, ast: TSESTree.Program): EditResult {
  const layout = new SourceLayout(source);
  const edits: TextEdit[] = [];
  const { getter, closer } = plan.names;
  if (!plan.reuse && plan.site.kind !== 'per-instance') {
    const at = insertionPoint(layout, ast, plan.anchor);
    // Right under a statement (`const app = express();`): a blank line sets the new declarations apart.
    const separator = at > 0 && !layout.startOfLineIsEmpty(at - layout.eol.length) ? layout.eol : '';
    edits.push({ range: [at, at], text: separator + declarations(plan, layout) });
    if (plan.moduleSystem === 'commonjs' && plan.release) {
      const newline = source.endsWith('\n') ? '' : layout.eol;
      edits.push({ range: [source.length, source.length], text: `${newline}module.exports.${closer} = ${closer}${plan.semicolons ? ';' : ''}${layout.eol}` });
    }
  }
  const site = plan.site;
  switch (site.kind) {
    case 'parameter': {
      const edit = parameterEdit(site.function, site.parameter, source);
      if (!edit) return { refusal: 'leakguard could not add a parameter to this function' };
      edits.push(edit, { range: removalRange(layout, site.declaration), text: '' });
      break;
    }
    case 'field': {
      if (site.existing) {
        edits.push({ range: [site.initializer.range[0], site.initializer.range[1]], text: `this.${site.field}` });
        break;
      }
      const open = site.classBody.range[0];
      if (!layout.restOfLineIsEmpty(open + 1)) return { refusal: 'the class body does not start on a line of its own' };
      const member = site.classBody.body[0];
      const indent = member ? layout.indentationAt(member.range[0]) : layout.indentationAt(open) + layout.indentUnit;
      const modifiers = plan.typeText !== undefined ? 'private readonly ' : '';
      const at = layout.nextLineStart(open);
      edits.push(
        { range: [at, at], text: `${indent}${modifiers}${site.field} = ${getter}()${plan.semicolons ? ';' : ''}${layout.eol}` },
        { range: [site.initializer.range[0], site.initializer.range[1]], text: `this.${site.field}` },
      );
      break;
    }
    case 'per-instance': {
      const edit = perInstanceEdits(plan, site, layout);
      if ('refusal' in edit) return edit;
      edits.push(...edit.edits);
      break;
    }
    case 'closure-slot': {
      if (!layout.startOfLineIsEmpty(site.before.range[0])) return { refusal: 'other code precedes the statement that makes the callback on its line' };
      const lineStart = layout.lineStart(site.before.range[0]);
      const declared = plan.typeText !== undefined ? `${site.name}: ${plan.typeText} | undefined` : site.name;
      edits.push(
        { range: [lineStart, lineStart], text: `${layout.indentationAt(site.before.range[0])}let ${declared}${plan.semicolons ? ';' : ''}${layout.eol}` },
        { range: [plan.acquisition.range[0], plan.acquisition.range[1]], text: `(${site.name} ??= ${plan.acquisitionText})` },
      );
      break;
    }
    case 'look-up-first':
      edits.push({ range: [site.call.range[0], site.call.range[1]], text: site.text });
      break;
    case 'keep-in-cache': {
      // One statement becomes three on lines of their own, at the `return`'s indentation.
      const semi = plan.semicolons ? ';' : '';
      const indent = layout.indentationAt(site.statement.range[0]);
      const lines = [`const ${site.name} = ${site.value}${semi}`, `${indent}${site.map}.set(${site.key}, ${site.name})${semi}`, `${indent}return ${site.name}${semi}`];
      edits.push({ range: [site.statement.range[0], site.statement.range[1]], text: lines.join(layout.eol) });
      break;
    }
    case 'in-place': {
      // A client connected once arrives as a promise: the site waits for it.
      let call = `${plan.connectsOnce ? 'await ' : ''}${getter}(${plan.keyed?.parameters.join(', ') ?? ''})`;
      if (plan.deliversToCallback) {
        // Node's own adapter from a promise to an error-first callback, called on a later tick.
        const callbackify = importNamed(ast, source, 'node:util', 'callbackify');
        edits.push(...callbackify.edits);
        call = `${callbackify.local}(() => ${call})(`;
      }
      // `const redis =⏎  cond ? … : …` (a long value on lines of its own): the short call joins the `=`.
      const broken = /=[ \t]*(?:\r\n|[\n\r\u2028\u2029])[ \t]*$/.exec(source.slice(layout.lineStart(Math.max(0, layout.lineStart(plan.acquisition.range[0]) - 1)), plan.acquisition.range[0]));
      const start = broken ? plan.acquisition.range[0] - broken[0].length + 1 : plan.acquisition.range[0];
      edits.push({ range: [start, plan.acquisition.range[1]], text: `${broken ? ' ' : ''}${call}` });
      break;
    }
  }
  edits.push(...releaseRemovals(plan, layout), ...pickRemovals(plan, source));
  for (const declaration of plan.inlinedDeclarations) edits.push({ range: removalRange(layout, declaration), text: '' });
  const overlapping = edits.some((edit, index) => edits.some((other, j) => j !== index && edit.range[0] < other.range[1] && other.range[0] < edit.range[1]));
  if (overlapping) return { refusal: 'the client is created inside the `try` whose `finally` closes it; declare it before the `try` first' };
  if (site.kind === 'per-instance') {
    // A method of each instance: whoever owns the instance calls it on shutdown.
    const owner = site.classBody.parent;
    const className = 'id' in owner && owner.id ? owner.id.name : 'instance';
    return plan.release ? { edits, added: [{ name: `${className}#${plan.names.closer}`, purpose: 'graceful-shutdown' }] } : { edits };
  }
  if (plan.reuse) return { edits };
  return {
    edits,
    added: [{ name: getter, purpose: 'shared-getter' }, ...(plan.release ? [{ name: closer, purpose: 'graceful-shutdown' as const }] : [])],
  };
}
