import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunction, unwrapExpression, type FunctionNode } from './predicates';
import { walk, type Node } from './traverse';
import { programOf } from './program-of';

/**
 * `now()` where the file's only binding of `now` is `function now() { … }` or `const now = () => …`:
 * the function the call runs (and `new Local()` the class of the same file it makes), found from the AST alone (no scope manager, no types), so flow
 * analyses that see only nodes can ask what a call of a local helper does. A name bound more than
 * once anywhere in the file (a parameter, an import, a `catch` variable, a second declaration) or
 * ever assigned is not followed: which binding a call sees would need scope analysis, and a wrong
 * guess would lend one function's behaviour to another.
 */

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** `null`: bound more than once, to something else than a function or a class, or assigned. */
type Bindings = Map<string, FunctionNode | ClassNode | null>;

const bindingsByProgram = new WeakMap<TSESTree.Program, Bindings>();

/** Identifiers a declaration pattern binds: `a`, `{ a, b: [c] }`, `...rest`, `a = 1`, `private a`. */
function boundNames(pattern: Node, names: string[] = []): string[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      names.push(pattern.name);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) boundNames(property.type === AST_NODE_TYPES.Property ? property.value : property, names);
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) if (element) boundNames(element, names);
      break;
    case AST_NODE_TYPES.RestElement:
      boundNames(pattern.argument, names);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      boundNames(pattern.left, names);
      break;
    case AST_NODE_TYPES.TSParameterProperty:
      boundNames(pattern.parameter, names);
      break;
    default:
      break;
  }
  return names;
}

function collectBindings(program: TSESTree.Program): Bindings {
  const bindings: Bindings = new Map();
  const bindFunction = (name: string, fn: FunctionNode | ClassNode) => bindings.set(name, bindings.has(name) ? null : fn);
  const bindOther = (pattern: Node) => {
    for (const name of boundNames(pattern)) bindings.set(name, null);
  };
  walk(program, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
        if (node.id) bindFunction(node.id.name, node);
        node.params.forEach(bindOther);
        break;
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        // A named function expression's name is bound inside it, shadowing an outer one.
        if (node.id) bindOther(node.id);
        node.params.forEach(bindOther);
        break;
      case AST_NODE_TYPES.VariableDeclarator: {
        const init = node.init ? unwrapExpression(node.init) : undefined;
        if (node.id.type === AST_NODE_TYPES.Identifier && (isFunction(init) || init?.type === AST_NODE_TYPES.ClassExpression)) bindFunction(node.id.name, init);
        else bindOther(node.id);
        break;
      }
      case AST_NODE_TYPES.ClassDeclaration:
        if (node.id) bindFunction(node.id.name, node);
        break;
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.TSEnumDeclaration:
        if (node.id) bindOther(node.id);
        break;
      case AST_NODE_TYPES.ImportSpecifier:
      case AST_NODE_TYPES.ImportDefaultSpecifier:
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        bindOther(node.local);
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        bindOther(node.id);
        break;
      case AST_NODE_TYPES.CatchClause:
        if (node.param) bindOther(node.param);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        bindOther(node.left);
        break;
      case AST_NODE_TYPES.UpdateExpression:
        bindOther(node.argument);
        break;
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        // `for (now of helpers)` assigns without a declaration.
        if (node.left.type !== AST_NODE_TYPES.VariableDeclaration) bindOther(node.left);
        break;
      default:
        break;
    }
  });
  return bindings;
}

function soleBinding(callee: Node): FunctionNode | ClassNode | undefined {
  const name = unwrapExpression(callee);
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const program = programOf(name);
  if (!program) return undefined;
  let bindings = bindingsByProgram.get(program);
  if (!bindings) {
    bindings = collectBindings(program);
    bindingsByProgram.set(program, bindings);
  }
  return bindings.get(name.name) ?? undefined;
}

/** The function a bare call (`now()`, `sleep(10)`) runs when the file binds its name once, to a function. */
export function soleFunctionCalled(call: TSESTree.CallExpression): FunctionNode | undefined {
  const bound = soleBinding(call.callee);
  return isFunction(bound) ? bound : undefined;
}

/**
 * The class a reference names (`FakeWeakRef` in `new FakeWeakRef(value)`, a base in `extends Base`)
 * when the file binds the name once, to a class.
 */
export function soleClassNamed(reference: Node): ClassNode | undefined {
  const bound = soleBinding(reference);
  return bound && !isFunction(bound) ? bound : undefined;
}
