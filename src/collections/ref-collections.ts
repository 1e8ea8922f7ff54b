import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import { functionName } from '../ast/function-name';
import { isGrowingKind } from './collection-kind';
import { createsValue, kindOf, type LongLivedCollection } from './long-lived-collections';

/** `useRef(…)` or `React.useRef(…)`: the hook's call, by name (as the effect hooks are recognised). */
function isUseRef(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'useRef';
  return callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'useRef';
}

/**
 * `const seenRef = useRef(new Set<string>())` in a component or hook: React keeps the ref, and the
 * collection in `seenRef.current`, for as long as the component stays mounted — every render sees the
 * same one. A dashboard, a chat pane, an app shell stay mounted for the whole session, so a ref that
 * gains an entry per socket message or per event grows for as long as the page is open. The
 * collection is what `.current` holds: its references are the `seenRef.current` expressions, and
 * `seenRef.current = new Set(…)` replaces (bounds) it.
 */
export function refCollections(analysis: Analysis): LongLivedCollection[] {
  const found: LongLivedCollection[] = [];
  walk(analysis.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return undefined;
    const call = unwrapExpression(node.init);
    if (call.type !== AST_NODE_TYPES.CallExpression || !isUseRef(call)) return undefined;
    const init = call.arguments[0];
    if (!init || init.type === AST_NODE_TYPES.SpreadElement || !createsValue(init)) return undefined;
    const annotation = call.typeArguments?.params[0];
    const kind = kindOf(analysis, init, init, annotation);
    if (!isGrowingKind(kind)) return undefined;
    const component = enclosingFunction(node);
    if (!component) return undefined;
    const references: Node[] = [];
    for (const variable of analysis.scopeManager.getDeclaredVariables(node)) {
      for (const reference of variable.references) {
        if (reference.init) continue;
        const member = reference.identifier.parent;
        if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && staticPropertyName(member) === 'current') references.push(member);
      }
    }
    found.push({
      name: `${node.id.name}.current`,
      kind,
      declaration: node,
      init,
      annotation,
      exportedByDeclaration: false,
      references,
      aliases: [],
      holder: { kind: 'component', component: functionName(component) ?? 'component', fn: component },
    });
    return undefined;
  });
  return found;
}
