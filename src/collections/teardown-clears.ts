import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction } from '../ast/predicates';
import { functionName } from '../ast/function-name';
import type { CollectionUse } from './collection-uses';

/**
 * Methods that end the holder's life: the owner calls them once, when the whole object goes away
 * (`stop()`, `close()`, `dispose()`, a framework's destroy hook). Not `reset()` or `cleanup()`,
 * which code also calls on a schedule to trim.
 */
const TEARDOWN_METHODS: ReadonlySet<string> = new Set([
  'stop',
  'close',
  'destroy',
  'dispose',
  'shutdown',
  'disconnect',
  'terminate',
  'teardown',
  'kill',
  'quit',
  'onModuleDestroy',
  'onApplicationShutdown',
  'beforeApplicationShutdown',
  'componentWillUnmount',
  'disconnectedCallback',
]);

/**
 * `stop() { …; this.pending.clear(); }`: a `clear()` in the method that ends the holder empties the
 * collection when the holder itself goes away, which the garbage collector would do as well. It says
 * nothing about how many entries pile up while the holder lives; only another shrink can.
 */
export function clearsOnlyAtTeardown(shrink: CollectionUse): boolean {
  if (shrink.operation !== 'clear') return false;
  const owner = enclosingFunction(shrink.site);
  if (!owner) return false;
  const holder = owner.parent;
  const isMethod =
    (holder?.type === AST_NODE_TYPES.MethodDefinition && holder.kind === 'method' && !holder.static) ||
    (holder?.type === AST_NODE_TYPES.Property && holder.parent?.type === AST_NODE_TYPES.ObjectExpression) ||
    holder?.type === AST_NODE_TYPES.PropertyDefinition;
  const name = functionName(owner);
  return isMethod && name !== undefined && TEARDOWN_METHODS.has(name);
}
