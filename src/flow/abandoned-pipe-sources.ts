import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * `fs.createReadStream(zip).pipe(unzip.Parse()).on('error', () => callback(invalid))`: `.pipe()`
 * unpipes its source when the destination fails and leaves it paused — open, holding its file or
 * socket — for good. Code that listens for the destination's 'error' knows it can fail; when that
 * listener leaves the source alone (it cannot even name an inline source), every failure leaks the
 * source (brackets kept each invalid extension package open, and locked on Windows).
 *
 * Judged only where the whole story is in view: the source is made by the call itself or held by a
 * local used for nothing but this pipe, and the listener is on the pipe's result (or the destination's
 * local) in the same function. A source given to `pipeline()`/`finished()`, destroyed anywhere, or
 * named by the listener is not reported.
 */
export interface AbandonedPipeSource {
  /** The acquisition of the source. */
  readonly acquisition: Node;
  readonly entry: ResourceEntry;
  readonly pipe: TSESTree.CallExpression;
  /** The local holding the source, when it has one. */
  readonly variable: string | undefined;
  /** The destination's 'error' listener that leaves the source open. */
  readonly listener: FunctionNode;
}

export function abandonedPipeSources(analysis: Analysis): AbandonedPipeSource[] {
  if (!analysis.sourceText.includes('.pipe(')) return [];
  const found: AbandonedPipeSource[] = [];
  walk(analysis.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length === 0) return;
    const callee = node.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'pipe') return;
    const owner = enclosingFunction(node);
    if (!owner) return;
    const source = sourceOf(analysis, unwrapExpression(callee.object), owner);
    if (!source) return;
    const listener = destinationErrorListener(analysis, node, owner);
    if (!listener) return;
    if (source.variable && isInside(source.variable, listener)) return;
    found.push({
      acquisition: source.acquisition,
      entry: source.entry,
      pipe: node,
      variable: source.variable?.type === AST_NODE_TYPES.Identifier ? source.variable.name : undefined,
      listener,
    });
  });
  return found;
}

interface PipeSource {
  readonly acquisition: Node;
  readonly entry: ResourceEntry;
  /** The local holding it, when it has one. */
  readonly variable?: Node;
}

/** The handle a `.pipe()` reads from: made inline, or by a local this pipe is the only use of. */
function sourceOf(analysis: Analysis, receiver: Node, owner: FunctionNode): PipeSource | undefined {
  const inline = handleMadeBy(analysis, receiver);
  if (inline) return { acquisition: receiver, entry: inline };
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(analysis.scopeManager, receiver);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init || enclosingFunction(declarator) !== owner) return undefined;
  const init = unwrapExpression(declarator.init);
  const entry = handleMadeBy(analysis, init);
  if (!entry) return undefined;
  // Any other use may destroy it, hand it to pipeline(), or keep it.
  const others = variable!.references.filter((reference) => reference.identifier !== declarator.id && reference.identifier !== receiver);
  if (others.length > 0) return undefined;
  return { acquisition: init, entry, variable: declarator.id };
}

function handleMadeBy(analysis: Analysis, expression: Node): ResourceEntry | undefined {
  if (expression.type !== AST_NODE_TYPES.CallExpression && expression.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const entry = analysis.oracle.acquisition(expression);
  return entry?.kind === 'handle' && entry.releases.some((release) => 'method' in release) ? entry : undefined;
}

/** `….pipe(dest).on('error', fn)` (anywhere in the listener chain), or `dest.on('error', fn)` for a local `dest`. */
function destinationErrorListener(analysis: Analysis, pipe: TSESTree.CallExpression, owner: FunctionNode): FunctionNode | undefined {
  for (let current: Node = outermostWrapper(pipe); ; ) {
    const member = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
    const call = outermostWrapper(member).parent;
    const method = staticPropertyName(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(member) || method === undefined || !isEmitterListenerMethod(method)) break;
    const listener = errorListenerOf(call);
    if (listener) return listener;
    current = outermostWrapper(call);
  }
  const destination = unwrapExpression(pipe.arguments[0]);
  if (destination.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(analysis.scopeManager, destination);
  for (const reference of variable?.references ?? []) {
    const value = outermostWrapper(reference.identifier);
    const member = value.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value || enclosingFunction(member) !== owner) continue;
    const call = outermostWrapper(member).parent;
    const method = staticPropertyName(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || method === undefined || !isEmitterListenerMethod(method)) continue;
    const listener = errorListenerOf(call);
    if (listener) return listener;
  }
  return undefined;
}

function errorListenerOf(call: TSESTree.CallExpression): FunctionNode | undefined {
  const [event, listener] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'error' || !listener) return undefined;
  const fn = unwrapExpression(listener);
  return isFunction(fn) ? fn : undefined;
}
