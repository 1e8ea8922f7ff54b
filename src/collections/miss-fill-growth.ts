import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, outermostWrapper, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import { sameExpression } from './self-limiting-growth';

/**
 * `const cached = this.factories.get(type); if (cached) return cached; const factory = await
 * this.compiler.compile(type); this.factories.set(type, factory)`: the growth fills a miss — the
 * same function looks the key up first, stores only when the lookup found nothing (after a return on
 * a hit, or under `if (!cached)`), and stores what it computed. That is a cache of results keyed by
 * whatever callers ask for (angular/universal's module factories, cacheable's shard-number memo), not
 * a registry: a registry stores what its caller hands it (`register(name, handler)`). A read that
 * feeds an update (`let max = revisions.get(env) ?? 0; … if (max < actual) revisions.set(env,
 * actual)`: a revision per configured environment) is no miss.
 */
export function fillsAMiss(growth: CollectionUse, uses: readonly CollectionUse[]): boolean {
  const fn = enclosingFunction(growth.site);
  const key = growth.key;
  if (!fn || !key || (growth.operation !== 'set' && growth.operation !== 'index-write')) return false;
  const value = storedValue(growth);
  if (!value || !computedIn(value, fn)) return false;
  return uses.some(
    (use) =>
      (use.kind === 'read' || use.kind === 'has') &&
      use.key !== undefined &&
      use.site.range[0] < growth.site.range[0] &&
      enclosingFunction(use.site) === fn &&
      sameExpression(use.key, key) &&
      onlyOnAMiss(growth.site, lookupMentions(use.site), fn),
  );
}

/** The lookup itself, and the variable it is kept in (`const cached = cache.get(key)`). */
function lookupMentions(lookup: Node): (node: Node) => boolean {
  const holder = outermostWrapper(lookup).parent;
  const name = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : undefined;
  return (test) => {
    let found = false;
    walk(test, (node) => {
      if (node === lookup || (name !== undefined && node.type === AST_NODE_TYPES.Identifier && node.name === name)) found = true;
      return found ? false : undefined;
    });
    return found;
  };
}

/** `!x`, `x === undefined`, `x == null`: a test that passes when the lookup found nothing. */
function isMissTest(test: Node): boolean {
  const node = unwrapExpression(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return true;
  if (node.type !== AST_NODE_TYPES.BinaryExpression || (node.operator !== '===' && node.operator !== '==')) return false;
  const nothing = (side: Node) => (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined') || (side.type === AST_NODE_TYPES.Literal && side.value === null);
  return nothing(node.left) || nothing(node.right);
}

function alwaysExits(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && alwaysExits(last);
}

/**
 * The growth runs only when the lookup missed: inside `if (<miss test of the lookup>)`, or after an
 * `if (<hit test of the lookup>) return …` that precedes it in the function.
 */
function onlyOnAMiss(site: Node, mentionsLookup: (test: Node) => boolean, fn: FunctionNode): boolean {
  for (let current = site.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && isInside(site, current.consequent) && mentionsLookup(current.test) && isMissTest(current.test)) return true;
  }
  let returnsOnHit = false;
  walkSameFunction(fn.body, (node) => {
    if (returnsOnHit) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && node.range[1] <= site.range[0] && mentionsLookup(node.test) && !isMissTest(node.test) && alwaysExits(node.consequent)) returnsOnHit = true;
    return undefined;
  });
  return returnsOnHit;
}

function storedValue(growth: CollectionUse): Node | undefined {
  const site = growth.site;
  if (site.type === AST_NODE_TYPES.CallExpression) return site.arguments[1];
  return site.type === AST_NODE_TYPES.AssignmentExpression ? site.right : undefined;
}

/** A call's result, or a local of `fn` holding one: made here, not handed in by the caller. */
function computedIn(value: Node, fn: FunctionNode): boolean {
  const node = unwrapExpression(value.type === AST_NODE_TYPES.AwaitExpression ? value.argument : value);
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  let computed = false;
  walkSameFunction(fn.body, (inner) => {
    if (inner.type !== AST_NODE_TYPES.VariableDeclarator || inner.id.type !== AST_NODE_TYPES.Identifier || inner.id.name !== node.name || !inner.init) return;
    const init = unwrapExpression(inner.init.type === AST_NODE_TYPES.AwaitExpression ? inner.init.argument : inner.init);
    if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression || init.type === AST_NODE_TYPES.BinaryExpression) computed = true;
  });
  return computed;
}
