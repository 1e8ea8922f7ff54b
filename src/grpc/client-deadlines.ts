import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { localObjectValue } from './call-options';

/**
 * Client options that give every call a deadline, or may: interceptors and a call invocation
 * transformer see every call's options (the issue counts them; nothing here can see what they do).
 */
const INTERCEPTING_OPTIONS = new Set(['interceptors', 'interceptor_providers', 'callInvocationTransformer']);

/** `grpc.service_config` with a `methodConfig` `timeout` gives the methods it names a deadline. */
const SERVICE_CONFIG = 'grpc.service_config';

/** Spreads of spreads of option objects: past this depth we stop reading. */
const MAX_DEPTH = 4;

/** The callee's own name: `withDeadline` for `withDeadline(…)` and `grpcUtil.withDeadline(…)`. */
function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

/** A call of a function `settings.leakguard.deadlineWrappers` names. */
export function isDeadlineWrapperCall(call: TSESTree.CallExpression, analysis: Analysis): boolean {
  const wrappers = analysis.registry.deadlineWrappers;
  if (!wrappers?.length) return false;
  const name = calleeName(call);
  return wrappers.some((wrapper) =>
    wrapper.package === undefined ? wrapper.name === name : analysis.oracle.callsPackageFunction(call, wrapper.package, wrapper.name),
  );
}

/** `withDeadline(() => client.get(req, cb))`: the call is made inside an argument of a deadline wrapper. */
export function isInsideDeadlineWrapper(call: TSESTree.CallExpression, analysis: Analysis): boolean {
  if (!analysis.registry.deadlineWrappers?.length) return false;
  let child: Node = call;
  for (let current: Node | undefined = call.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee !== child && isDeadlineWrapperCall(current, analysis)) return true;
    child = current;
  }
  return false;
}

/**
 * The text of a value and of the local constants it mentions (`JSON.stringify(serviceConfig)`):
 * where a service config's JSON is written.
 */
function valueText(value: Node, analysis: Analysis): string {
  const texts = [analysis.sourceText.slice(value.range[0], value.range[1])];
  walk(value, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const declarator = findVariable(analysis.scopeManager, node)?.defs[0]?.node;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init && declarator.init !== value) {
      texts.push(analysis.sourceText.slice(declarator.init.range[0], declarator.init.range[1]));
    }
    return undefined;
  });
  return texts.join('\n');
}

/** Do these client options (a literal, or a local constant holding one) give calls a deadline? */
function optionsGiveDeadlines(options: Node, analysis: Analysis, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(options);
  const literal = value.type === AST_NODE_TYPES.Identifier ? localObjectValue(value, analysis.scopeManager) : value;
  if (literal?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  for (const property of literal.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      if (optionsGiveDeadlines(property.argument, analysis, depth + 1)) return true;
      continue;
    }
    const key =
      !property.computed && property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : undefined;
    if (key !== undefined && INTERCEPTING_OPTIONS.has(key)) return true;
    if (key === SERVICE_CONFIG && /\btimeout\b/.test(valueText(property.value, analysis))) return true;
  }
  return false;
}

/** What was stored in `this.<name>` anywhere in the class around `member`: field initialisers and assignments. */
function fieldValues(member: TSESTree.MemberExpression, name: string): Node[] {
  let classBody: Node | undefined;
  for (let current: Node | undefined = member.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      classBody = current;
      break;
    }
  }
  if (!classBody) return [];
  const values: Node[] = [];
  walk(classBody, (node) => {
    if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.computed && node.key.type === AST_NODE_TYPES.Identifier && node.key.name === name && node.value) values.push(node.value);
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression &&
      staticPropertyName(node.left) === name
    ) {
      values.push(node.right);
    }
    return undefined;
  });
  return values;
}

/** The values a receiver was given: a variable's initialiser and assignments, or a field's. */
export function assignedValues(receiver: Node, analysis: Analysis): Node[] {
  const node = unwrapExpression(receiver);
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? node.property.name : staticPropertyName(node);
    return name === undefined ? [] : fieldValues(node, name);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = findVariable(analysis.scopeManager, node);
  const values: Node[] = [];
  for (const definition of variable?.defs ?? []) {
    if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) values.push(definition.node.init);
  }
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (!reference.init && reference.isWrite() && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier) values.push(parent.right);
  }
  return values;
}

/**
 * Does the client a call is made on give its calls a deadline: built with interceptors or a
 * service config whose method config sets a `timeout`, or made by (or passed through) a deadline
 * wrapper from the settings? Read from the receiver's variable or field, where this file makes it.
 */
export function clientGivesDeadlines(receiver: Node, analysis: Analysis): boolean {
  return assignedValues(receiver, analysis).some((assigned) => {
    let value = unwrapExpression(assigned);
    if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrapExpression(value.argument);
    if (value.type === AST_NODE_TYPES.CallExpression) return isDeadlineWrapperCall(value, analysis);
    if (value.type !== AST_NODE_TYPES.NewExpression) return false;
    const options = value.arguments[2];
    return options !== undefined && optionsGiveDeadlines(options, analysis);
  });
}
