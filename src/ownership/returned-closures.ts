import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

/**
 * The first reference to `variable` made inside a function the caller of `owner` gets back:
 * `return { query: (sql) => pool.query(sql) }`, `api.query = function (sql) { … }; return api`,
 * `function query(sql) { … } return { query }`. What it captures lives as long as the caller keeps
 * that function: the value is handed out as surely as if it were returned (a module factory that
 * makes a pool for the API it returns), and whether that repeats is the caller's question.
 */
export function capturedByReturnedFunction(variable: VariableLike, owner: FunctionNode, scopeManager: ScopeManagerLike): Node | undefined {
  const judged = new Map<Node, boolean>();
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    const inner = functionDirectlyIn(identifier, owner);
    if (!inner) continue;
    let handedBack = judged.get(inner);
    if (handedBack === undefined) {
      handedBack = isHandedBack(inner, owner, scopeManager);
      judged.set(inner, handedBack);
    }
    if (handedBack) return identifier;
  }
  return undefined;
}

/** The function declared directly in `owner`'s body that holds `node`, if `node` is in a nested function at all. */
function functionDirectlyIn(node: Node, owner: FunctionNode): FunctionNode | undefined {
  let inner: FunctionNode | undefined;
  for (let fn = enclosingFunction(node); fn && fn !== owner; fn = enclosingFunction(fn)) inner = fn;
  return inner && enclosingFunction(inner) === owner ? inner : undefined;
}

/** Whether the caller of `owner` gets `fn` back: returned itself, through its name, or on a returned local object. */
function isHandedBack(fn: FunctionNode, owner: FunctionNode, scopeManager: ScopeManagerLike): boolean {
  const value = outermostWrapper(fn);
  if (isReturnedAsValue(value, owner)) return true;
  const holder = value.parent;
  // `function query() {}` or `const query = () => …`: returned by name (`return { query }`).
  const named =
    fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id
      ? fn.id
      : holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value && holder.id.type === AST_NODE_TYPES.Identifier
        ? holder.id
        : undefined;
  if (named) return isReturnedLocal(named, owner, scopeManager);
  // `api.query = function () {}` with `api` a local returned by `owner`.
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === value && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    const object = holder.left.object;
    return object.type === AST_NODE_TYPES.Identifier && isReturnedLocal(object, owner, scopeManager);
  }
  return false;
}

/**
 * `return fn`, `return { query: fn }`, `return [fn]`, `return cond ? fn : other`: the value itself
 * goes back, not only something a call made with it (`return new Promise((resolve) => …)` runs its
 * executor before it returns).
 */
function isReturnedAsValue(value: Node, owner: FunctionNode): boolean {
  let current = value;
  for (let parent = current.parent; parent && parent !== owner; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.ReturnStatement:
        return true;
      case AST_NODE_TYPES.Property:
        if (parent.value !== current) return false;
        break;
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        break;
      default:
        return false;
    }
  }
  // An arrow whose body is the returned expression.
  return current === owner.body && owner.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** A variable declared in `owner` that one of its `return`s hands back (alone, or in a literal). */
function isReturnedLocal(name: Node, owner: FunctionNode, scopeManager: ScopeManagerLike): boolean {
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scopeManager, name);
  if (!variable || variable.defs.some((definition) => enclosingFunction(definition.node) !== owner)) return false;
  return variable.references.some((reference) => !reference.isWrite() && enclosingFunction(reference.identifier) === owner && isReturnedAsValue(reference.identifier, owner));
}
