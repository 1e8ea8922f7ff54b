import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../../../../src/analysis/analysis';
import { AST_NODE_TYPES } from '../../../../src/ast/node-types';
import { walk } from '../../../../src/ast/traverse';
import type { RuleDescriptor } from '../../../../src/descriptors/rule-descriptor';
import type { DoubleFixPlan } from '../remedies/double-fix-plan';

/** The test doubles' whole detection: every call of a function with this name. */
export function callsNamed(analysis: Analysis, name: string): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walk(analysis.ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === name) calls.push(node);
    return undefined;
  });
  return calls;
}

/** A rule double that reports `<leaky>()` with a `double-fix` plan: `double-first` and `double-second` are two of these. */
export function renamingRule(ruleName: string, leaky: string): RuleDescriptor<'leak', Record<string, never>, DoubleFixPlan> {
  return {
    name: ruleName,
    description: `Disallow ${leaky}() (a test double fixed by a codemod that fixes two rules)`,
    recommended: false,
    messages: { leak: '`{{name}}()` leaks: call `{{name}}Safely()`.' },
    options: {},
    detect: (analysis) =>
      callsNamed(analysis, leaky).map((call) => ({
        ruleId: ruleName,
        messageId: 'leak',
        node: call,
        data: { name: leaky },
        remedy: { kind: 'double-fix', callee: call.callee as DoubleFixPlan['callee'] },
      })),
  };
}
