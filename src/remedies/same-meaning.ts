import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, staticPropertyName } from '../ast/predicates';
import { findVariable, scopeOf, type VariableLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

/** The function whose `this` a node sees: arrows take their outer function's. */
function thisOwner(node: Node): Node | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return fn;
  return undefined;
}

/** Written only where it is declared (a `const`, a parameter or a `var` never assigned again). */
export function neverReassigned(variable: VariableLike): boolean {
  return variable.references.every((reference) => !reference.isWrite() || reference.init);
}

/** The variable `name` means at `site`, by the scopes around it. */
function variableAt(analysis: Analysis, name: string, site: Node): VariableLike | undefined {
  for (let scope = scopeOf(analysis.scopeManager, site) ?? null; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** `existing.ws = ws` anywhere in the file: an object's `ws` may be another value by the time it is read. */
function propertyAssignment(analysis: Analysis, property: string): Node | undefined {
  let found: Node | undefined;
  walk(analysis.ast, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node.left) === property) found = node;
    return undefined;
  });
  return found;
}

/**
 * Why `expression`, written where it is, would not name the same thing when run later at `site` (a
 * callback that runs when a request settles or a connection closes), or undefined when it would:
 * every name it reads is the same variable there and never reassigned, `this` is the same object,
 * and — for the parts that say which entry (`stable`: a key, a connection) — no property it reads is
 * assigned anywhere in the file.
 */
export function meaningChangesAt(analysis: Analysis, expression: Node, site: Node, stable: readonly Node[] = []): string | undefined {
  let problem: string | undefined;
  walk(expression, (node, parent) => {
    if (problem) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression && thisOwner(node) !== thisOwner(site)) problem = '`this` is another object there';
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) {
      const assignment = stable.some((part) => part.range[0] <= node.range[0] && node.range[1] <= part.range[1]) ? propertyAssignment(analysis, node.name) : undefined;
      if (assignment) problem = `\`.${node.name}\` is assigned elsewhere (\`${analysis.sourceText.slice(assignment.range[0], assignment.range[1])}\`)`;
      return undefined;
    }
    const variable = findVariable(analysis.scopeManager, node);
    if (!variable) return undefined;
    if (!neverReassigned(variable)) problem = `\`${node.name}\` is assigned again`;
    else if (variableAt(analysis, node.name, site) !== variable) problem = `\`${node.name}\` is another variable there`;
    return undefined;
  });
  return problem;
}
