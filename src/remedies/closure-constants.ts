import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, isFunction, type FunctionNode } from '../ast/predicates';
import { findVariable, isModuleScope } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

/**
 * `api.get('/check', (req, res) => getClient(config).search(q))` inside `module.exports = ({ config })
 * => { … }`: the client's arguments read only values that were fixed when the callback was made —
 * variables of a function around it that nothing assigns again — and module-level values. One client
 * per run of that outer function serves every run of the callback with exactly the arguments it would
 * have used. Returns that outer function (the innermost one, when several are read) and the statement
 * of its body that holds the callback; undefined when any argument is a value of the callback's own
 * run (its parameters, its locals, `this`, an `await`).
 */
export function closureOfConstants(analysis: Analysis, acquisition: Node, owner: FunctionNode): { readonly outer: FunctionNode; readonly before: TSESTree.Node } | undefined {
  let outer: FunctionNode | undefined;
  let perRun = false;
  const following = new Set<Node>();
  const visit = (root: Node): void => {
    walk(root, (node) => {
      if (perRun) return false;
      // A function written in the arguments runs later, with values of its own.
      if (
        node.type === AST_NODE_TYPES.ThisExpression ||
        node.type === AST_NODE_TYPES.Super ||
        node.type === AST_NODE_TYPES.AwaitExpression ||
        node.type === AST_NODE_TYPES.YieldExpression ||
        isFunction(node)
      ) {
        perRun = true;
        return false;
      }
      // `config.elasticsearch.host`, `{ host: config.host }`: the names after a dot or before a colon are no variables.
      if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
        visit(node.object);
        return false;
      }
      if (node.type === AST_NODE_TYPES.Property && !node.computed) {
        visit(node.value);
        return false;
      }
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = findVariable(analysis.scopeManager, node);
      if (node.name === 'arguments' && !variable) {
        perRun = true;
        return false;
      }
      if (!variable || isModuleScope(variable.scope)) return undefined;
      const declared = variable.defs[0]?.name;
      const inOwner = declared !== undefined && declared.range[0] >= owner.range[0] && declared.range[1] <= owner.range[1];
      const reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
      const scopeFunction = declared ? enclosingFunction(declared) : undefined;
      // `const proto = grpc.loadPackageDefinition(server.packageDefinition)[server.packageName]` in the
      // callback: computed from the same fixed values on every run, so as fixed as they are.
      const derived = inOwner && !reassigned ? constInitializer(variable.defs[0]?.node) : undefined;
      if (derived && !following.has(derived)) {
        following.add(derived);
        visit(derived);
        return undefined;
      }
      if (inOwner || reassigned || !scopeFunction) {
        perRun = true;
        return false;
      }
      if (!outer || scopeFunction.range[0] > outer.range[0]) outer = scopeFunction;
      return undefined;
    });
  };
  visit(acquisition);
  if (perRun || !outer || outer.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const body = outer.body;
  let before: Node = owner;
  while (before.parent && before.parent !== body) before = before.parent;
  return before.parent === body ? { outer, before } : undefined;
}

/** The initialiser of `const x = …` (one declarator, a plain name), if `node` is its declarator. */
function constInitializer(node: Node | undefined): Node | undefined {
  if (node?.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return undefined;
  return node.parent.kind === 'const' ? node.init : undefined;
}
